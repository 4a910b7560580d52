package org.switchboard.engine.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A scripted call for {@link SipgateSimulator#run(Scenario)}: where the newCall goes and who calls whom, the keys the
 * caller presses at each Gather in turn ({@code null} or {@code ""} = the Gather times out without a key), who
 * answers if the flow forwards the call, and how the call ends. Build it with {@link #call} and the {@code with...}
 * methods; it is a value and can be kept, e.g. as a saved test call of the simulator panel.
 */
public record Scenario(String path, String from, String to, String direction, List<String> users, List<String> presses,
                       String answeredBy, String answeringNumber, String hangupCause) {

    public Scenario {
        Objects.requireNonNull(path, "path");
        direction = direction == null ? "in" : direction;
        users = users == null ? List.of() : List.copyOf(users);
        presses = presses == null ? List.of() : java.util.Collections.unmodifiableList(new ArrayList<>(presses));
    }

    /** An incoming call to {@code path}, no keys pressed, nobody answers, the caller hangs up at the end. */
    public static Scenario call(String path, String from, String to) {
        return new Scenario(path, from, to, "in", List.of(), List.of(), null, null, "cancel");
    }

    public Scenario withDirection(String newDirection) {
        return new Scenario(path, from, to, newDirection, users, presses, answeredBy, answeringNumber, hangupCause);
    }

    public Scenario withUsers(String... names) {
        return new Scenario(path, from, to, direction, Arrays.asList(names), presses, answeredBy, answeringNumber,
                hangupCause);
    }

    /** The keys for each Gather in turn; {@code null} or {@code ""} means no key before the timeout. */
    public Scenario pressing(String... keys) {
        return new Scenario(path, from, to, direction, users, Arrays.asList(keys), answeredBy, answeringNumber,
                hangupCause);
    }

    /** If the flow forwards the call, this user answers at this number (then the call ends normally). */
    public Scenario answeredBy(String user, String number) {
        return new Scenario(path, from, to, direction, users, presses, user, number,
                "cancel".equals(hangupCause) ? "normalClearing" : hangupCause);
    }

    /** The hangup cause sent at the end ({@code null}: no hangup push). */
    public Scenario endingWith(String cause) {
        return new Scenario(path, from, to, direction, users, presses, answeredBy, answeringNumber, cause);
    }
}
