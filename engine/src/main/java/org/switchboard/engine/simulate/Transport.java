package org.switchboard.engine.simulate;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the simulator's pushes reach the server: {@link HttpTransport} over a real socket (the app's simulator, the
 * tests of the server), {@link InProcessTransport} handed to a server inside this process (the command line's test
 * calls). Either way the server parses and answers the same HTTP request.
 */
interface Transport {

    /**
     * Posts {@code body} (UTF-8) to {@code url} with these headers and waits at most {@code timeout} for the answer.
     *
     * @throws IOException when the server cannot be reached or gives no complete answer in time
     */
    Answer post(URI url, Map<String, String> headers, String body, Duration timeout)
            throws IOException, InterruptedException;

    /** An answer: its status, its headers (names in lower case) and its body as text. */
    record Answer(int status, Map<String, List<String>> headers, String body) {
    }
}
