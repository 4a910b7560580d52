package org.switchboard.engine.calltests;

import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.calllog.LoggedCall;

/**
 * A call from the call log as a test call, to replay it against an edited flow ({@code test --replay} for calls
 * that were really made): the same caller, number called and direction; the same inputs (keys pressed, a timeout,
 * the called party answering, busy or not answering, the caller hanging up); and as expectation what the caller
 * experienced then, read from the answers that were sent. Running it with a {@link TestCallRunner} on the new flow
 * shows, step by step ({@link TestResult#stepByStep}), where the new answers differ from the recorded ones.
 */
public final class LoggedCallReplay {

    private LoggedCallReplay() {
    }

    public static TestCall testCall(LoggedCall call) {
        List<Input> inputs = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        for (LoggedCall.Push push : call.pushes()) {
            switch (push.event()) {
                case "newCall" -> answers.add(push.xml());
                case "dtmf" -> {
                    String digits = push.fields().getOrDefault("dtmf", "");
                    inputs.add(digits.isEmpty() ? new Input.Timeout() : new Input.Press(digits));
                    answers.add(push.xml());
                }
                case "answer" -> inputs.add(new Input.CalledParty("answers"));
                case "hangup" -> inputs.add(hangup(push.fields().get("cause"), call.answered()));
                default -> { } // a push this version does not know plays no part
            }
        }
        TestCall.Setup setup = new TestCall.Setup(null, typed(call.from()), typed(call.to()), call.direction(), null);
        return new TestCall(call.callId(), setup, inputs, TestCallRunner.experiencesOf(answers));
    }

    private static Input hangup(String cause, boolean answered) {
        if (!answered && "busy".equals(cause)) {
            return new Input.CalledParty("busy");
        }
        if (!answered && "noAnswer".equals(cause)) {
            return new Input.CalledParty("noAnswer");
        }
        return new Input.CallerHangsUp();
    }

    /** sipgate's digits as people type them ({@code +49...}); {@code anonymous} and the like stay as they are. */
    private static String typed(String number) {
        if (number == null || number.isEmpty()) {
            return null;
        }
        return number.chars().allMatch(Character::isDigit) ? "+" + number : number;
    }
}
