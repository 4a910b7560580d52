package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * {@code <Reject reason="…"/>}: refuses the call. {@code reason} is {@link #BUSY} (the caller hears busy) or
 * {@link #REJECTED} (declined, sipgate's default); when it is null the attribute is left out and sipgate uses its
 * default. Create it with {@link #of(String)}, {@link #busy()} or {@code new Reject()}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Reject")
public final class Reject extends Verb {

    /** The caller hears a busy signal. */
    public static final String BUSY = "busy";
    /** The call is declined (sipgate's default). */
    public static final String REJECTED = "rejected";

    @XmlAttribute(name = "reason")
    private String reason;

    /** A reject without a reason attribute. */
    public Reject() {
    }

    /** A reject with the given reason, or without the attribute when {@code reason} is null. */
    public static Reject of(String reason) {
        Reject reject = new Reject();
        reject.reason = reason;
        return reject;
    }

    /** {@code <Reject reason="busy"/>}. */
    public static Reject busy() {
        return of(BUSY);
    }

    /** The reason, or null when the attribute is omitted. */
    public String getReason() {
        return reason;
    }

    /** Sets the reason (null omits the attribute) and returns this verb. */
    public Reject withReason(String reason) {
        this.reason = reason;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Reject r && Objects.equals(reason, r.reason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Reject.class, reason);
    }

    @Override
    public String toString() {
        return "Reject[reason=" + reason + "]";
    }
}
