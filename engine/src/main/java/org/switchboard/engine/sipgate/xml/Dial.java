package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import jakarta.xml.bind.annotation.adapters.XmlJavaTypeAdapter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * {@code <Dial callerId="…" anonymous="…">} with {@code <Number>} children (up to five ring in parallel on incoming
 * calls) or one {@code <Voicemail/>}. {@code callerId} and {@code anonymous} are left out when null, so that the
 * account's own settings apply (sipgate's Node library writes {@code anonymous="undefined"} when unset; this model
 * cannot). Numbers are written as given, normally E.164 digits without {@code +}. Create it with
 * {@link #toNumbers(List)}, {@link #toNumber(String)} or {@link #toVoicemail()}, then {@link #withCallerId(String)}
 * and {@link #withAnonymous(Boolean)}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Dial", propOrder = {"numbers", "voicemail"})
public final class Dial extends Verb {

    @XmlAttribute(name = "callerId")
    private String callerId;
    @XmlAttribute(name = "anonymous")
    @XmlJavaTypeAdapter(StrictBooleanAdapter.class)
    private Boolean anonymous;
    @XmlElement(name = "Number")
    private List<String> numbers = new ArrayList<>();
    @XmlElement(name = "Voicemail")
    private VoicemailMarker voicemail;

    /** An empty dial, for JAXB; prefer the factories. */
    public Dial() {
    }

    /** Rings the given numbers in parallel (in this order); null elements are refused. */
    public static Dial toNumbers(List<String> numbers) {
        Dial dial = new Dial();
        dial.numbers.addAll(List.copyOf(numbers)); // copyOf refuses nulls, which would vanish from the XML
        return dial;
    }

    /** Rings one number. */
    public static Dial toNumber(String number) {
        return toNumbers(List.of(number));
    }

    /** Sends the call to the voicemail: {@code <Dial><Voicemail/></Dial>}. */
    public static Dial toVoicemail() {
        Dial dial = new Dial();
        dial.voicemail = new VoicemailMarker();
        return dial;
    }

    /** The caller id to show, or null when the attribute is omitted. */
    public String getCallerId() {
        return callerId;
    }

    /** Whether to hide the caller's number, or null when the attribute is omitted. */
    public Boolean getAnonymous() {
        return anonymous;
    }

    /** The numbers to ring, in order (unmodifiable; empty for a voicemail dial). */
    public List<String> getNumbers() {
        return Collections.unmodifiableList(numbers);
    }

    /** Whether this dial holds {@code <Voicemail/>}. */
    public boolean isVoicemail() {
        return voicemail != null;
    }

    /** Sets the caller id (null omits the attribute) and returns this verb. */
    public Dial withCallerId(String callerId) {
        this.callerId = callerId;
        return this;
    }

    /** Sets {@code anonymous} (null omits the attribute) and returns this verb. */
    public Dial withAnonymous(Boolean anonymous) {
        this.anonymous = anonymous;
        return this;
    }

    /** Adds {@code <Voicemail/>} (true) or removes it (false) and returns this verb. */
    public Dial withVoicemail(boolean voicemail) {
        this.voicemail = voicemail ? new VoicemailMarker() : null;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Dial d && Objects.equals(callerId, d.callerId) && Objects.equals(anonymous, d.anonymous)
                && numbers.equals(d.numbers) && isVoicemail() == d.isVoicemail();
    }

    @Override
    public int hashCode() {
        return Objects.hash(Dial.class, callerId, anonymous, numbers, isVoicemail());
    }

    @Override
    public String toString() {
        return "Dial[callerId=" + callerId + ", anonymous=" + anonymous + ", numbers=" + numbers
                + (isVoicemail() ? ", voicemail" : "") + "]";
    }

    /** The empty {@code <Voicemail/>} element; its presence is all that matters. */
    @XmlAccessorType(XmlAccessType.FIELD)
    @XmlType(name = "Voicemail")
    static final class VoicemailMarker {
    }
}
