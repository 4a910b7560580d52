package org.switchboard.engine.sounds;

/** A sound that cannot be converted, spoken or checked; the message is one plain sentence for the user. */
public final class SoundException extends Exception {

    private static final long serialVersionUID = 1L;

    public SoundException(String message) {
        super(message);
    }

    public SoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
