package org.switchboard.engine.sipgate;

/**
 * A webhook body that cannot be a sipgate push: wrong content type, broken form encoding, a missing or unknown
 * {@code event}, too many fields. The message is one line meant for a log or an HTTP 400 answer; it echoes at most
 * a short, cleaned excerpt of the offending input (see {@link PushParser}). The exception carries no stack trace,
 * because it is thrown on the request path for input from the network, where a stack says nothing and costs time.
 */
public final class BadPushException extends Exception {

    /** Creates the exception with a one-line message. */
    public BadPushException(String message) {
        super(message, null, false, false);
    }
}
