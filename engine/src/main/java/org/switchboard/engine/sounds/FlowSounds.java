package org.switchboard.engine.sounds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.SoundProperties;

/**
 * The local sounds of a flow against its folder: {@link #check} finds files that are missing or not in sipgate's
 * format (problems shown before going live), {@link #speak} speaks texts that have no current sound yet.
 */
public final class FlowSounds {

    private static final int HEAD = 256;

    /** The flow with its spoken sounds brought up to date, and what could not be spoken (one line each). */
    public record Spoken(Flow flow, List<String> failures, int spokenCount) {
    }

    private FlowSounds() {
    }

    /**
     * Problems of the flow's local sounds in {@code folder} (the flow file's folder): files that are missing or not in
     * sipgate's format (errors), texts that cannot be spoken on this machine (errors), and texts whose sound is
     * missing or was made from another text, voice or engine (warnings: Listen in the editor and {@code run} speak
     * them).
     */
    public static List<Problem> check(Flow flow, Path folder, NodeTypes types, Messages m) {
        List<Problem> problems = new ArrayList<>();
        Speech speech = null;
        boolean looked = false; // the speech engine is looked up once, and only for a flow with text to speech
        for (SoundProperties.Use use : SoundProperties.of(flow, types)) {
            SoundRef sound = use.sound();
            if (sound.source() == SoundRef.Source.URL || !(sound.file().isEmpty() || sound.isWellFormedFile())) {
                continue; // URLs are checked on request; a malformed path is the property check's error
            }
            String label = PropertyChecks.label(use.type(), use.spec(), m);
            String nodeId = use.node().id();
            String key = use.spec().key();
            if (sound.source() == SoundRef.Source.SPEECH) {
                if (!looked) {
                    speech = Speech.find();
                    looked = true;
                }
                if (speech == null && sound.file().isEmpty()) {
                    problems.add(Problem.error(nodeId, key, m.get("problem.sound.noSpeech", label)));
                    continue;
                }
                if (speech != null && !speech.isCurrent(sound, folder)) {
                    problems.add(Problem.warning(nodeId, key, m.get("problem.sound.notSpoken", label)));
                    continue;
                }
            }
            Path file = folder.resolve(sound.file());
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                problems.add(Problem.error(nodeId, key, m.get("problem.sound.missing", label, sound.file())));
                continue;
            }
            String mismatch = formatProblem(file, m);
            if (mismatch != null) {
                problems.add(Problem.error(nodeId, key, m.get("problem.sound.unreadable", label, sound.file(),
                        mismatch)));
            }
        }
        return problems;
    }

    /** What is wrong with a local sound file for sipgate, or {@code null}. */
    static String formatProblem(Path file, Messages m) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HEAD);
            Wav.Info info = Wav.read(head, head.length);
            return info == null ? m.get("sound.format.notWav") : info.mismatch(m);
        } catch (IOException e) {
            return m.get("sound.format.unreadable", String.valueOf(e.getMessage()));
        }
    }

    /**
     * Whether {@link #speak} would speak anything: a text-to-speech sound of the flow has no sound yet, or one made
     * from another text, voice or engine. Cheap (no speaking; a file check per text), so a caller can stay on its
     * thread when nothing needs speaking. False without a speech engine.
     */
    public static boolean hasUnspoken(Flow flow, Path folder, NodeTypes types, Speech speech) {
        if (speech == null || folder == null) {
            return false;
        }
        for (SoundProperties.Use use : SoundProperties.of(flow, types)) {
            SoundRef sound = use.sound();
            if (sound.source() == SoundRef.Source.SPEECH && !speech.isCurrent(sound, folder)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Speaks every text-to-speech sound of the flow whose sound is missing or was made from another text, voice or
     * engine, storing it beside the flow. Without a speech engine nothing changes (the check reports it).
     */
    public static Spoken speak(Flow flow, Path folder, NodeTypes types, Speech speech) {
        List<String> failures = new ArrayList<>();
        Flow result = flow;
        int spoken = 0;
        if (speech == null) {
            return new Spoken(flow, failures, 0);
        }
        for (SoundProperties.Use use : SoundProperties.of(flow, types)) {
            SoundRef sound = use.sound();
            if (sound.source() != SoundRef.Source.SPEECH || speech.isCurrent(sound, folder)) {
                continue;
            }
            try {
                SoundRef done = speech.speak(sound, folder);
                String key = use.spec().key();
                Object value = done.toEditedValue();
                result = result.updateNode(use.node().id(), n -> n.withProperty(key, value));
                spoken++;
            } catch (SoundException e) {
                failures.add("node '" + use.node().id() + "' " + use.spec().key() + ": " + e.getMessage());
            }
        }
        return new Spoken(result, failures, spoken);
    }
}
