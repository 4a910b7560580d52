package org.switchboard.engine.nodes;

import java.util.Objects;

import org.switchboard.engine.flow.Values;
import org.switchboard.engine.i18n.Messages;

/**
 * What kind of value a property holds, as an open value rather than a closed list: the id of the editor the app
 * shows for it, the value a new property gets when its spec names none, whether the value is a list (whose length
 * shapes the inspector form), and the check of a value. The standard kinds are in {@link PropertyKinds}; a node type
 * with a new kind of field (a weekly schedule, a key list) declares its own kind next to it, and the app maps the
 * editor id to an editor. Nothing else in the engine looks at a kind.
 */
public record PropertyKind(String editorId, Object defaultValue, boolean list, Check check) {

    /** Checks one value of a property of this kind. */
    @FunctionalInterface
    public interface Check {
        /**
         * {@code null} when the value is fine, otherwise the message in the user's language; a message made with
         * {@link PropertyKind#warning} is a warning rather than an error.
         */
        String problem(Value value);
    }

    /** The value being checked, with what a message needs to name it. */
    public record Value(NodeType type, PropertySpec spec, Object value, Messages messages) {

        /** The property's label, as the inspector shows it ({@code prop.<type>.<key>}). */
        public String label() {
            return PropertyChecks.label(type, spec, messages);
        }

        public boolean isBlank() {
            return value == null || Values.asText(value).isBlank();
        }
    }

    private static final String WARNING = "!";

    public PropertyKind {
        Objects.requireNonNull(editorId, "editorId");
        Objects.requireNonNull(check, "check");
    }

    /** Marks a message as a warning: the flow can still go live. */
    public static String warning(String message) {
        return WARNING + message;
    }

    /** Whether a message from {@link Check#problem} is a warning. */
    public static boolean isWarning(String problem) {
        return problem != null && problem.startsWith(WARNING);
    }

    /** A message from {@link Check#problem} without its warning mark. */
    public static String text(String problem) {
        return isWarning(problem) ? problem.substring(WARNING.length()) : problem;
    }
}
