package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.adapters.XmlAdapter;

/**
 * Reads {@code true}/{@code false} (and xsd:boolean's {@code 1}/{@code 0}) and refuses anything else. JAXB's own
 * conversion would quietly turn {@code anonymous="maybe"} into {@code false}, which hides a mistake from the
 * simulator.
 */
final class StrictBooleanAdapter extends XmlAdapter<String, Boolean> {

    @Override
    public Boolean unmarshal(String text) {
        if (text == null) {
            return null;
        }
        return switch (text.strip()) {
            case "true", "1" -> Boolean.TRUE;
            case "false", "0" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("Not a boolean: '" + text + "' (expected true or false)");
        };
    }

    @Override
    public String marshal(Boolean value) {
        return value == null ? null : value.toString();
    }
}
