package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlAttribute;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlElements;
import jakarta.xml.bind.annotation.XmlRootElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The answer to a sipgate.io push: {@code <Response onAnswer="…" onHangup="…">} followed by its verbs in order.
 * No verbs means "no action, the call continues as normal"; {@code onAnswer}/{@code onHangup} subscribe to the
 * {@code answer}/{@code hangup} pushes and are left out when null. sipgate documents one verb per response; verb
 * sequences such as {@link Play} then {@link Dial} are accepted by this model but are experimental on sipgate's side.
 * Build with {@code new Response().withOnAnswer(url).withOnHangup(url).add(verb)} or {@link #of(Verb...)}; write and
 * read it with {@link SipgateXml}. The class is a mutable JAXB bean with value equality; do not change an instance
 * after handing it to another thread.
 */
@XmlRootElement(name = "Response")
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Response", propOrder = {"verbs"})
public final class Response {

    @XmlAttribute(name = "onAnswer")
    private String onAnswer;
    @XmlAttribute(name = "onHangup")
    private String onHangup;
    @XmlElements({
        @XmlElement(name = "Dial", type = Dial.class),
        @XmlElement(name = "Play", type = Play.class),
        @XmlElement(name = "Gather", type = Gather.class),
        @XmlElement(name = "Reject", type = Reject.class),
        @XmlElement(name = "Hangup", type = Hangup.class)
    })
    private List<Verb> verbs = new ArrayList<>();

    /** An empty response, {@code <Response/>}. */
    public Response() {
    }

    /** A response holding the given verbs in order. */
    public static Response of(Verb... verbs) {
        Response response = new Response();
        for (Verb verb : verbs) {
            response.add(verb);
        }
        return response;
    }

    /** The {@code onAnswer} URL, or null. */
    public String getOnAnswer() {
        return onAnswer;
    }

    /** The {@code onHangup} URL, or null. */
    public String getOnHangup() {
        return onHangup;
    }

    /** The verbs in order (unmodifiable). */
    public List<Verb> getVerbs() {
        return Collections.unmodifiableList(verbs);
    }

    /** Sets the {@code onAnswer} URL (null omits it) and returns this response. */
    public Response withOnAnswer(String url) {
        this.onAnswer = url;
        return this;
    }

    /** Sets the {@code onHangup} URL (null omits it) and returns this response. */
    public Response withOnHangup(String url) {
        this.onHangup = url;
        return this;
    }

    /**
     * Appends a verb and returns this response.
     *
     * @throws NullPointerException if {@code verb} is null
     */
    public Response add(Verb verb) {
        verbs.add(Objects.requireNonNull(verb, "verb"));
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Response r && Objects.equals(onAnswer, r.onAnswer) && Objects.equals(onHangup, r.onHangup)
                && verbs.equals(r.verbs);
    }

    @Override
    public int hashCode() {
        return Objects.hash(onAnswer, onHangup, verbs);
    }

    @Override
    public String toString() {
        return "Response[onAnswer=" + onAnswer + ", onHangup=" + onHangup + ", verbs=" + verbs + "]";
    }
}
