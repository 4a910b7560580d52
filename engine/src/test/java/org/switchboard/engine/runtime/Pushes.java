package org.switchboard.engine.runtime;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import org.switchboard.engine.sipgate.BadPushException;
import org.switchboard.engine.sipgate.PushEvent;
import org.switchboard.engine.sipgate.PushParser;

/** Builds pushes the way sipgate sends them, through the real parser. */
final class Pushes {

    private Pushes() {
    }

    static PushEvent push(String... keyValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            fields.put(keyValues[i], keyValues[i + 1]);
        }
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        try {
            return PushParser.parse(body.getBytes(StandardCharsets.UTF_8),
                    "application/x-www-form-urlencoded; charset=UTF-8");
        } catch (BadPushException e) {
            throw new AssertionError(e.getMessage());
        }
    }

    static PushEvent newCall(String callId, String from) {
        return push("event", "newCall", "callId", callId, "from", from, "to", "4921155500100", "direction", "in",
                "user[]", "Anna");
    }

    static PushEvent dtmf(String callId, String digits) {
        return digits == null ? push("event", "dtmf", "callId", callId)
                : push("event", "dtmf", "callId", callId, "dtmf", digits);
    }
}
