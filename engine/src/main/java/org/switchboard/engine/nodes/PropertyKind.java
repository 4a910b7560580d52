package org.switchboard.engine.nodes;

/** What kind of value a property holds; the editor builds its form field from this. */
public enum PropertyKind {
    /** Free text. */
    TEXT,
    /** A whole number within {@code min..max}, possibly with a unit (e.g. ms). */
    INTEGER,
    /** On/off. */
    BOOLEAN,
    /** One of {@code choices}. */
    CHOICE,
    /** One phone number in international format (optional unless required). */
    PHONE_NUMBER,
    /** A list of phone numbers with {@code min..max} entries. */
    PHONE_LIST,
    /** The URL of a WAV file sipgate plays (empty = no sound unless required). */
    SOUND_URL,
    /** The path on this server that sipgate posts new calls to, e.g. {@code /sipgate}. */
    WEBHOOK_PATH,
    /** Switch rules: a list of {@code {"op": ..., "value": ...}} objects. */
    SWITCH_RULES
}
