package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlTransient;

/**
 * One instruction inside a sipgate {@code <Response>}: {@link Dial}, {@link Play}, {@link Gather}, {@link Reject} or
 * {@link Hangup}. The hierarchy is sealed so that code which renders or simulates verbs can be sure it handles
 * every kind. Verbs are small mutable JAXB beans with fluent setters and value equality; build one per answer and
 * do not change it after handing it to another thread.
 */
@XmlTransient
public abstract sealed class Verb permits Dial, Play, Gather, Reject, Hangup {

    /** Only the five sipgate verbs exist. */
    Verb() {
    }
}
