package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.annotation.XmlAccessType;
import jakarta.xml.bind.annotation.XmlAccessorType;
import jakarta.xml.bind.annotation.XmlType;

/** {@code <Hangup/>}: ends the call. Create it with {@code new Hangup()}; all instances are equal. */
@XmlAccessorType(XmlAccessType.FIELD)
@XmlType(name = "Hangup")
public final class Hangup extends Verb {

    /** Creates the verb. */
    public Hangup() {
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Hangup;
    }

    @Override
    public int hashCode() {
        return Hangup.class.hashCode();
    }

    @Override
    public String toString() {
        return "Hangup";
    }
}
