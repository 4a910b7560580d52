package org.switchboard.engine.calltests;

import java.util.List;
import java.util.Objects;

/**
 * A saved test call: its name, the call that starts it ({@link Setup}), what the caller and the called party do
 * ({@link Input}s, in order) and what the caller should experience ({@link Experience}s, in order). A value; the
 * test calls file keeps a list of them beside the flow.
 */
public record TestCall(String name, Setup call, List<Input> inputs, List<Experience> expect) {

    /** Numbers used when a test leaves them out. */
    public static final String DEFAULT_FROM = "+4930123456";
    public static final String DEFAULT_TO = "+4921112345678";

    public TestCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(call, "call");
        inputs = List.copyOf(inputs);
        expect = List.copyOf(expect);
    }

    public TestCall withName(String newName) {
        return new TestCall(newName, call, inputs, expect);
    }

    /**
     * The newCall that starts the test: the webhook path ({@code null}: the flow's first), caller and called number
     * (as people type them), direction ({@code in}/{@code out}) and the sipgate user named in it ({@code null}: none).
     */
    public record Setup(String path, String from, String to, String direction, String user) {
        public Setup {
            from = from == null ? DEFAULT_FROM : from;
            to = to == null ? DEFAULT_TO : to;
            direction = direction == null ? "in" : direction;
        }
    }
}
