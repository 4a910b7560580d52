package org.switchboard.engine.simulate;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A push body as sipgate writes it: {@code application/x-www-form-urlencoded}, UTF-8, keys and values
 * percent-encoded (so {@code user[]} goes out as {@code user%5B%5D}), spaces as {@code +}, pairs in the order they
 * were added. Build with {@link #of(String, String...)} and {@link #add}; a null value leaves the pair out.
 */
public final class PushForm {

    private final List<String[]> pairs = new ArrayList<>();

    private PushForm() {
    }

    /** A form starting with {@code event=...} and the given key/value pairs. */
    public static PushForm of(String event, String... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keysAndValues must come in pairs");
        }
        PushForm form = new PushForm().add("event", event);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            form.add(keysAndValues[i], keysAndValues[i + 1]);
        }
        return form;
    }

    /** Appends a pair; a null value is left out (sipgate omits absent fields), an empty one is kept. */
    public PushForm add(String key, String value) {
        if (value != null) {
            pairs.add(new String[] {key, value});
        }
        return this;
    }

    /** The encoded body. */
    public String encode() {
        StringBuilder sb = new StringBuilder(256);
        for (String[] pair : pairs) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(pair[0], StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(pair[1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return encode();
    }
}
