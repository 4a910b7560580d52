package org.switchboard.engine.nodes;

/** Palette groups, in palette order. */
public enum Category {
    EVENTS("events"), CALL_CONTROL("callControl"), ROUTING("routing");

    private final String key;

    Category(String key) {
        this.key = key;
    }

    /** The message key suffix ({@code category.<key>}) and CSS style-class suffix. */
    public String key() {
        return key;
    }
}
