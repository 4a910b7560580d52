package org.switchboard.engine.simulate;

import java.util.List;
import java.util.Map;

import org.switchboard.engine.sipgate.xml.Response;

/**
 * One push of a simulated call and what came of it: the event and a plain-English line for what the simulated
 * sipgate did ({@code action}, e.g. "Caller presses 1"), the URL it posted to and the exact form body, the HTTP
 * status and body of the answer, the answer parsed as sipgate XML ({@code null} when it was not a 200 XML answer),
 * and in plain English what the caller hears or what happens ({@code outcome}). A step with {@code url == null}
 * was not posted at all, because the flow never asked for that event (e.g. no {@code onAnswer} URL); its status is 0.
 */
public record Step(String event, String action, String url, String requestBody, Map<String, List<String>> headers,
                   int status, String responseBody, Response response, String outcome, long micros) {

    public Step {
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** Whether the push was actually sent. */
    public boolean posted() {
        return url != null;
    }

    /** Whether the server answered 200 with a sipgate XML document. */
    public boolean answered() {
        return status == 200 && response != null;
    }

    /** One line for a log or a test failure message. */
    @Override
    public String toString() {
        if (!posted()) {
            return event + ": " + action + " -> " + outcome;
        }
        return event + " " + url + " -> " + status + ": " + action + " -> " + outcome;
    }
}
