package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlElement;
import jakarta.xml.bind.annotation.XmlType;
import java.util.Objects;

/**
 * {@code <Play><Url>…</Url></Play>}: plays a WAV file (PCM, 16 bit, mono, 8 kHz) that sipgate fetches from a public
 * URL. Used on its own or as the prompt inside a {@link Gather}. Create it with {@link #of(String)}.
 */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Play")
public final class Play extends Verb {

    @XmlElement(name = "Url")
    private String url;

    /** An empty play, for JAXB; prefer {@link #of(String)}. */
    public Play() {
    }

    /** Plays the audio file at {@code url}. */
    public static Play of(String url) {
        Play play = new Play();
        play.url = url;
        return play;
    }

    /** The audio URL. */
    public String getUrl() {
        return url;
    }

    /** Sets the audio URL and returns this verb. */
    public Play withUrl(String url) {
        this.url = url;
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Play p && Objects.equals(url, p.url);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Play.class, url);
    }

    @Override
    public String toString() {
        return "Play[url=" + url + "]";
    }
}
