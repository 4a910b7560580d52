package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * {@code <Gather onData="…" maxDigits="…" timeout="…">[<Play>…</Play>]</Gather>}: collects keypad digits, then
 * sipgate pushes a {@code dtmf} event to {@code onData} and runs the answer to that push. {@code maxDigits}
 * (sipgate's default 1) and {@code timeout} in milliseconds (default 2000) are left out when null; the optional
 * {@link Play} is the prompt, and the timeout starts after it. Create it with
 * {@link #of(String, Integer, Integer, Play)}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Gather")
public final class Gather extends Verb {

    @XmlAttribute(name = "onData")
    private String onData;
    @XmlAttribute(name = "maxDigits")
    private Integer maxDigits;
    @XmlAttribute(name = "timeout")
    private Integer timeout;
    @XmlElement(name = "Play")
    private Play play;

    /** An empty gather, for JAXB; prefer {@link #of(String, Integer, Integer, Play)}. */
    public Gather() {
    }

    /**
     * A gather.
     *
     * @param onData       absolute URL that receives the {@code dtmf} push
     * @param maxDigits    how many digits to collect, or null for sipgate's default (1)
     * @param timeout      milliseconds to wait, or null for sipgate's default (2000)
     * @param promptOrNull audio played while waiting, or null for none
     */
    public static Gather of(String onData, Integer maxDigits, Integer timeout, Play promptOrNull) {
        Gather gather = new Gather();
        gather.onData = onData;
        gather.maxDigits = maxDigits;
        gather.timeout = timeout;
        gather.play = promptOrNull;
        return gather;
    }

    /** The URL that receives the {@code dtmf} push. */
    public String getOnData() {
        return onData;
    }

    /** How many digits to collect, or null when the attribute is omitted. */
    public Integer getMaxDigits() {
        return maxDigits;
    }

    /** The timeout in milliseconds, or null when the attribute is omitted. */
    public Integer getTimeout() {
        return timeout;
    }

    /** The prompt, or null. */
    public Play getPlay() {
        return play;
    }

    /** Sets the {@code onData} URL and returns this verb. */
    public Gather withOnData(String onData) {
        this.onData = onData;
        return this;
    }

    /** Sets {@code maxDigits} (null omits it) and returns this verb. */
    public Gather withMaxDigits(Integer maxDigits) {
        this.maxDigits = maxDigits;
        return this;
    }

    /** Sets {@code timeout} in milliseconds (null omits it) and returns this verb. */
    public Gather withTimeout(Integer timeout) {
        this.timeout = timeout;
        return this;
    }

    /** Sets the prompt (null for none) and returns this verb. */
    public Gather withPlay(Play promptOrNull) {
        this.play = promptOrNull;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Gather g && Objects.equals(onData, g.onData) && Objects.equals(maxDigits, g.maxDigits)
                && Objects.equals(timeout, g.timeout) && Objects.equals(play, g.play);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Gather.class, onData, maxDigits, timeout, play);
    }

    @Override
    public String toString() {
        return "Gather[onData=" + onData + ", maxDigits=" + maxDigits + ", timeout=" + timeout + ", play=" + play
                + "]";
    }
}
