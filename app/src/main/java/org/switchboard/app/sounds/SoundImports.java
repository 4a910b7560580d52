package org.switchboard.app.sounds;

import java.nio.file.Path;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.function.BooleanSupplier;

import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeType;
import org.switchboard.engine.nodes.PropertyKinds;
import org.switchboard.engine.nodes.PropertySpec;
import org.switchboard.engine.sounds.SoundConverter;
import org.switchboard.engine.sounds.SoundStore;

/**
 * Puts sounds into a document's flow: a file (chosen, or dropped onto a card or the inspector) converted into the
 * {@code sounds/} folder beside the flow, or a recording that was already converted. The work runs off the FX
 * thread; what it is doing or what went wrong is published per sound property in {@link #status()}, which the
 * inspector's sound field shows, wherever the import was started. One per document, on the FX thread.
 */
public final class SoundImports {

    private static final Map<EditorDocument, SoundImports> BY_DOCUMENT = new WeakHashMap<>();

    private final EditorDocument doc;
    private final ObservableMap<String, String> status = FXCollections.observableHashMap();
    private BooleanSupplier trimSilence = () -> true;

    private SoundImports(EditorDocument doc) {
        this.doc = doc;
        // another flow (or the same one in another folder): earlier messages no longer apply
        doc.fileProperty().addListener((o, a, b) -> status.clear());
    }

    public static SoundImports of(EditorDocument doc) {
        return BY_DOCUMENT.computeIfAbsent(doc, SoundImports::new);
    }

    /**
     * The sound property a file dropped onto a node's card goes to: the type's first sound property (Play's sound,
     * Gather's prompt, Dial's announcement, Reject's and Hang up's sound), or {@code null} when it has none.
     */
    public static PropertySpec mainSound(NodeType type) {
        if (type == null) {
            return null;
        }
        return type.properties().stream().filter(p -> p.kind() == PropertyKinds.SOUND_URL).findFirst().orElse(null);
    }

    /** Where the setting "trim silence at both ends" is read at each conversion (on, until the window says). */
    public void setTrimSilence(BooleanSupplier setting) {
        trimSilence = setting;
    }

    /** How to convert a file or a recording now: the settings' silence trimming, messages in {@code m}. */
    public SoundConverter.Options options(Messages m) {
        return SoundConverter.Options.DEFAULTS.withTrimSilence(trimSilence.getAsBoolean()).withMessages(m);
    }

    /** The key of one sound property in {@link #status()}. */
    public static String key(String nodeId, String propertyKey) {
        return nodeId + "/" + propertyKey;
    }

    /** What each sound property's import is doing or what went wrong (absent or empty: nothing to say). */
    public ObservableMap<String, String> status() {
        return status;
    }

    /** The folder beside the saved flow that holds its sounds, or {@code null} before the first save. */
    public Path folder() {
        return doc.file() == null ? null : doc.file().toAbsolutePath().getParent();
    }

    /**
     * Converts {@code file} into the sounds folder and makes it the property's sound (source File; what the other
     * sources held is kept until save). {@code label} names the property in the undo step; {@code messages} is the
     * language of what may go wrong.
     */
    public void importFile(String nodeId, PropertySpec spec, String label, Path file, Messages messages) {
        Path folder = folder();
        String key = key(nodeId, spec.key());
        if (folder == null) {
            status.put(key, AppTexts.get("inspector.sound.saveFirst"));
            return;
        }
        status.put(key, AppTexts.get("inspector.sound.converting", file.getFileName()));
        Background.run("sound-convert", () -> SoundStore.importFile(folder, file, options(messages)),
                (sound, problem) -> {
                    status.put(key, problem == null ? "" : problem);
                    if (sound != null) {
                        setFile(nodeId, spec, label, sound);
                    }
                });
    }

    /** Stores a recording that is already in sipgate's format and makes it the property's sound. */
    public void keep(String nodeId, PropertySpec spec, String label, byte[] converted, String name) {
        Path folder = folder();
        String key = key(nodeId, spec.key());
        if (folder == null) {
            status.put(key, AppTexts.get("inspector.sound.saveFirst"));
            return;
        }
        Background.run("sound-keep", () -> SoundRef.file(SoundStore.store(folder, converted), name),
                (sound, problem) -> {
                    status.put(key, problem == null ? "" : problem);
                    if (sound != null) {
                        setFile(nodeId, spec, label, sound);
                    }
                });
    }

    private void setFile(String nodeId, PropertySpec spec, String label, SoundRef sound) {
        if (doc.flow().nodeOrNull(nodeId) == null) {
            return; // the node was deleted meanwhile; the file in sounds/ is harmless
        }
        doc.apply(AppTexts.get("edit.property", label), f -> f.updateNode(nodeId, n -> n.withProperty(spec.key(),
                SoundRef.of(n.property(spec.key())).withFile(sound.file(), sound.name()).toEditedValue())));
    }
}
