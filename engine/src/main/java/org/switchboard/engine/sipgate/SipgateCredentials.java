package org.switchboard.engine.sipgate;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A sipgate personal access token: the token id (e.g. {@code token-AB12CD}, stays visible in sipgate's web app) and
 * the secret token (a UUID, shown only once). {@link #toString()} masks the token so that the record can appear in
 * logs and error messages; {@link #basicAuthHeader()} is the value for the {@code Authorization} header and must
 * never be logged either.
 */
public record SipgateCredentials(String tokenId, String token) {

    /**
     * @throws IllegalArgumentException if either part is null or blank
     */
    public SipgateCredentials {
        if (tokenId == null || tokenId.isBlank()) {
            throw new IllegalArgumentException("The sipgate token id is empty");
        }
        if (token == null || token.isBlank()) {
            throw new IllegalArgumentException("The sipgate token is empty");
        }
        tokenId = tokenId.strip(); // pasted from the web app, often with a stray space or newline
        token = token.strip();
    }

    /** {@code Basic base64(tokenId:token)}. A secret: never log it. */
    public String basicAuthHeader() {
        return "Basic " + Base64.getEncoder().encodeToString((tokenId + ":" + token)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Shows the token id only; the token is masked. */
    @Override
    public String toString() {
        return "SipgateCredentials[tokenId=" + tokenId + ", token=****]";
    }
}
