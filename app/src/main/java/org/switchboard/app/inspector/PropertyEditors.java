package org.switchboard.app.inspector;

import java.util.HashMap;
import java.util.Map;

import org.switchboard.engine.nodes.PropertySpec;

/**
 * Which editor the inspector shows for a property: its kind's editor id ({@code PropertyKind.editorId()}) mapped to
 * an editor. The engine's kinds are open, so a node type with a new kind of field adds its editor here under the
 * kind's id, and nothing else in the inspector changes. A kind without an editor shows its value read-only, so the
 * form never pretends to edit what it cannot.
 */
public final class PropertyEditors {

    /** Makes the editor of one property in a node's form. */
    @FunctionalInterface
    interface Factory {
        PropertyEditor create(NodeEdits edits, PropertySpec spec);
    }

    private static final PropertyEditors STANDARD = new PropertyEditors(Map.of())
            .with("text", (e, s) -> new TextEditor(e, s, null, null))
            .with("phoneNumber", (e, s) -> new TextEditor(e, s, "inspector.phone.placeholder", "tnum"))
            .with("sound", SoundEditor::new)
            .with("webhookPath", (e, s) -> new TextEditor(e, s, null, "mono"))
            .with("integer", IntegerEditor::new)
            .with("boolean", BooleanEditor::new)
            .with("choice", ChoiceEditor::new)
            .with("phoneList", PhoneListEditor::new)
            .with("switchRules", RulesEditor::new);

    private final Map<String, Factory> byId;

    private PropertyEditors(Map<String, Factory> byId) {
        this.byId = Map.copyOf(byId);
    }

    /** The editors of the engine's standard kinds. */
    public static PropertyEditors standard() {
        return STANDARD;
    }

    /** These editors plus (or instead of) the one for {@code editorId}. */
    PropertyEditors with(String editorId, Factory factory) {
        Map<String, Factory> copy = new HashMap<>(byId);
        copy.put(editorId, factory);
        return new PropertyEditors(copy);
    }

    /** Whether a kind with this editor id gets an editor (others are shown read-only). */
    public boolean has(String editorId) {
        return byId.containsKey(editorId);
    }

    PropertyEditor create(NodeEdits edits, PropertySpec spec) {
        Factory f = byId.get(spec.kind().editorId());
        return f == null ? new ReadOnlyEditor(edits, spec) : f.create(edits, spec);
    }
}
