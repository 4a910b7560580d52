package org.switchboard.app.simulator;

import org.switchboard.engine.calltests.Experience;
import org.switchboard.engine.calltests.Input;

/** How the transcript shows a step: the icon of an input or an experience, and a sentence's first letter. */
final class Steps {

    private Steps() {
    }

    static String iconOf(Input input) {
        if (input instanceof Input.Press) {
            return "hash";
        }
        if (input instanceof Input.Timeout) {
            return "timer";
        }
        if (input instanceof Input.CalledParty) {
            return "handset";
        }
        return "hangup";
    }

    static String iconOf(Experience x) {
        return switch (x.key()) {
            case "hears" -> "play";
            case "mayPress" -> "gather";
            case "connectedTo" -> "dial";
            case "voicemail" -> "voicemail";
            case "ends" -> "callend";
            case "serverError" -> "error";
            default -> "info";
        };
    }

    static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
