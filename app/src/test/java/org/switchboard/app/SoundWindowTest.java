package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;
import org.switchboard.app.sounds.FileDrags;
import org.switchboard.app.sounds.Tones;
import org.switchboard.engine.flow.SoundRef;

/** The main window takes a sound file dropped onto a card: Dial's main sound is its announcement. */
class SoundWindowTest extends AppWindowTest {

    @Test
    void aFileDroppedOntoADialCardBecomesItsAnnouncement() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        Path file = AppHarness.write(dir, "calls.json", AppHarness.callToDial());
        MainWindow w = harness.start(file.toString());
        Path wav = dir.resolve("Please hold.wav");
        Tones.write(wav, 48000, 2, 0.5);
        boolean[] accepted = new boolean[1];
        interact(() -> accepted[0] = FileDrags.drop(lookup("#node-dial1").query(), wav));
        assertTrue(accepted[0]);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !SoundRef.of(w.document().flow().nodeOrNull("dial1")
                .property("announcement")).file().isEmpty());
        SoundRef sound = SoundRef.of(w.document().flow().nodeOrNull("dial1").property("announcement"));
        assertEquals("Please hold.wav", sound.name());
        assertTrue(Files.isRegularFile(dir.resolve(sound.file())));
        assertTrue(w.document().selectedNodes().contains("dial1"), "the inspector shows the node");
    }
}
