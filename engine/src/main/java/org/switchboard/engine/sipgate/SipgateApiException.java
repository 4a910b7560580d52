package org.switchboard.engine.sipgate;

/**
 * Thrown by the {@link SipgateRestClient} methods that return data rather than a {@link RestResult} (such as
 * {@link SipgateRestClient#getWebhookSettings()}) when sipgate refuses or cannot be reached. {@link #result()} holds
 * the status and the user-facing message, which is also the exception's message.
 */
public final class SipgateApiException extends RuntimeException {

    private final transient RestResult result;

    /** Wraps a failed result. */
    public SipgateApiException(RestResult result) {
        super(result.message(), null, false, false);
        this.result = result;
    }

    /** The failed result: status and user-facing message. */
    public RestResult result() {
        return result;
    }
}
