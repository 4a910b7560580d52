package org.switchboard.engine.sounds;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Text to speech through espeak-ng, the real engine (installed by scripts/setup.sh; required on CI). */
class SpeechTest {

    @TempDir
    Path dir;

    private Speech speech;

    @BeforeEach
    void engine() {
        speech = Speech.find();
        if (!"true".equals(System.getenv("CI"))) {
            assumeTrue(speech != null, "espeak-ng is not installed (scripts/setup.sh installs it)");
        }
        assertNotNull(speech, "espeak-ng must be installed on CI");
        assertEquals(Speech.Engine.ESPEAK_NG, speech.engine());
    }

    @Test
    void textIsSpokenConvertedAndStoredByContentHash() throws Exception {
        SoundRef spoken = speech.speak(SoundRef.speech("Guten Tag. Sie sind mit Switchboard verbunden.", "de"), dir);
        assertTrue(spoken.isWellFormedFile(), spoken.file());
        byte[] wav = Files.readAllBytes(dir.resolve(spoken.file()));
        Wav.Info info = Wav.read(wav, wav.length);
        assertNotNull(info);
        assertTrue(info.isSipgateFormat(), String.valueOf(info.mismatch(org.switchboard.engine.i18n.Messages.ENGLISH)));
        double seconds = info.dataBytes() / 2.0 / SoundConverter.RATE;
        assertTrue(seconds > 1.5 && seconds < 10, "a spoken sentence, " + seconds + " s");
        assertEquals("sounds/" + SoundStore.sha256(wav) + ".wav", spoken.file());
        assertTrue(speech.isCurrent(spoken, dir));

        // a changed text or voice is no longer current and is spoken again into another file
        SoundRef otherText = new SoundRef(spoken.source(), "", spoken.file(), "", "Auf Wiedersehen.", "de",
                spoken.made());
        assertFalse(speech.isCurrent(otherText, dir));
        SoundRef english = new SoundRef(spoken.source(), "", spoken.file(), "", spoken.text(), "en", spoken.made());
        assertFalse(speech.isCurrent(english, dir));
        SoundRef spokenEnglish = speech.speak(english, dir);
        assertNotEquals(spoken.file(), spokenEnglish.file());
        assertNotEquals(spoken.made(), spokenEnglish.made());
    }

    @Test
    void aFlowsTextsAreSpokenOnceAndThenKept() {
        Flow flow = Flow.of("Speech", List.of(new FlowNode("hello", "play", "", new Position(0, 0),
                Map.of("url", SoundRef.speech("Hello and welcome.", "en").toValue()))), List.of());
        FlowSounds.Spoken first = FlowSounds.speak(flow, dir, NodeTypes.standard(), speech);
        assertEquals(1, first.spokenCount(), String.valueOf(first.failures()));
        SoundRef sound = SoundRef.of(first.flow().nodeOrNull("hello").property("url"));
        assertTrue(Files.isRegularFile(dir.resolve(sound.file())));
        FlowSounds.Spoken again = FlowSounds.speak(first.flow(), dir, NodeTypes.standard(), speech);
        assertEquals(0, again.spokenCount());
        assertEquals(first.flow(), again.flow());
    }

    @Test
    void aTextNotSpokenSinceItChangedIsAWarningBeforeGoingLive() {
        Flow flow = Flow.of("Speech", List.of(new FlowNode("hello", "play", "", new Position(0, 0),
                Map.of("url", SoundRef.speech("Hello.", "en").toValue()))), List.of());
        org.switchboard.engine.i18n.Messages en = org.switchboard.engine.i18n.Messages.ENGLISH;
        assertEquals(1, FlowSounds.check(flow, dir, NodeTypes.standard(), en).size(), "never spoken");
        Flow spoken = FlowSounds.speak(flow, dir, NodeTypes.standard(), speech).flow();
        assertEquals(List.of(), FlowSounds.check(spoken, dir, NodeTypes.standard(), en));
        Flow changed = spoken.updateNode("hello", n -> n.withProperty("url",
                SoundRef.of(n.property("url")).withText("Goodbye.").toValue()));
        var problems = FlowSounds.check(changed, dir, NodeTypes.standard(), en);
        assertEquals(1, problems.size());
        assertFalse(problems.get(0).isError());
        assertEquals("Sound: the text has not been spoken since it last changed; Listen in the editor speaks it now, "
                + "and run speaks it before going live.", problems.get(0).message());
    }
}
