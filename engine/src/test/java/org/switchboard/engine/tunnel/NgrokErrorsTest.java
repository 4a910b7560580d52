package org.switchboard.engine.tunnel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** What the agent says, classified: codes first, wording second; the authtoken is masked in every detail. */
class NgrokErrorsTest {

    @Test
    void errorCodesDecide() {
        assertEquals(TunnelProblem.AUTHTOKEN_INVALID,
                NgrokErrors.classify("authentication failed: …\r\nERR_NGROK_105"));
        assertEquals(TunnelProblem.AUTHTOKEN_INVALID,
                NgrokErrors.classify("properly formed, but invalid ERR_NGROK_107"));
        assertEquals(TunnelProblem.AUTHTOKEN_MISSING,
                NgrokErrors.classify("requires a verified account ERR_NGROK_4018"));
        assertEquals(TunnelProblem.SESSION_LIMIT, NgrokErrors.classify("limited to 1 … ERR_NGROK_108"));
        assertEquals(TunnelProblem.DOMAIN_NOT_RESERVED, NgrokErrors.classify("failed to start tunnel ERR_NGROK_320"));
    }

    @Test
    void wordingDecidesWithoutACode() {
        assertEquals(TunnelProblem.NO_INTERNET, NgrokErrors.classify(
                "failed to dial ngrok server with address connect.ngrok-agent.com:443: dial tcp: lookup "
                        + "connect.ngrok-agent.com: no such host"));
        assertEquals(TunnelProblem.NO_INTERNET, NgrokErrors.classify("read tcp 10.0.0.2:5100: i/o timeout"));
        assertEquals(TunnelProblem.DOMAIN_NOT_RESERVED,
                NgrokErrors.classify("The domain 'x.ngrok-free.app' is not reserved for your account"));
        assertEquals(TunnelProblem.SESSION_LIMIT, NgrokErrors.classify("too many simultaneous sessions"));
        assertEquals(TunnelProblem.FAILED, NgrokErrors.classify("something else entirely"));
        assertEquals(TunnelProblem.FAILED, NgrokErrors.classify(null));
    }

    @Test
    void theDetailIsTheCodeOrTheFirstLineWithTheTokenMasked() {
        assertEquals("ngrok error ERR_NGROK_105",
                NgrokErrors.detail("Your authtoken: s3cret\\nERR_NGROK_105", "s3cret"));
        assertEquals("bad token **** here", NgrokErrors.detail("bad token s3cret here\\nsecond line", "s3cret"));
        assertEquals(null, NgrokErrors.detail(" ", "s3cret"));
    }
}
