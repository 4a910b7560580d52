package org.switchboard.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.sounds.SoundConverter;
import org.switchboard.engine.sounds.SoundStore;

/**
 * Not a test: makes the screenshots of the inspector's sound sources (docs/images/sound-{url,speech,file}.png, and
 * sound-record.png while recording) with a copy of the family menu sample open and its "Main menu" selected. Run on
 * purpose:
 * {@code mvn -B -o -pl app -am test -Dtest=SoundScreenshots -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class SoundScreenshots extends FxThreadRobot {

    @Test
    void screenshots() throws Exception {
        Path out = AppHarness.screenshotFolder();
        // a copy of the sample beside a real converted sound, so the File source shows no "missing" problem
        Path folder = Files.createTempDirectory("sb-sound-shots");
        Path sample = folder.resolve("family-menu.json");
        Files.copy(AppHarness.FAMILY_MENU, sample);
        Path tone = folder.resolve("family-menu.wav");
        org.switchboard.app.sounds.Tones.write(tone, 44100, 2, 1.5);
        SoundRef converted = SoundStore.importFile(folder, tone, SoundConverter.Options.DEFAULTS);
        AppHarness harness = AppHarness.inLook("light", "en");
        MainWindow w = harness.start(sample.toString());
        Map<String, Object> prompts = Map.of(
                "url", "https://example.com/sounds/family-menu.wav",
                "speech", spoken(folder, SoundRef.speech("Welcome! For Anna press 1, for Ben press 2.", "en")),
                "file", SoundRef.file(converted.file(), "family-menu.mp3").toValue());
        for (String source : List.of("url", "speech", "file")) {
            interact(() -> {
                w.document().apply("Set prompt", f -> f.updateNode("menu",
                        n -> n.withProperty("prompt", prompts.get(source))));
                w.document().select(List.of("menu"));
            });
            AppHarness.settle();
            Path file = out.resolve("sound-" + source + ".png");
            interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), file));
        }
        // recording, from a line that delivers a tone (this machine has no microphone)
        org.switchboard.app.sounds.Recorder.lineSource = org.switchboard.app.sounds.GeneratedLine::new;
        try {
            interact(() -> w.document().select(List.of()));
            interact(() -> w.document().select(List.of("menu")));
            AppHarness.settle();
            clickOn("#sound-record-prompt");
            Thread.sleep(2300);
            interact(() -> AppHarness.writePng(w.stage().getScene().snapshot(null), out.resolve("sound-record.png")));
            clickOn("#sound-stop-prompt");
            AppHarness.settle();
        } finally {
            org.switchboard.app.sounds.Recorder.lineSource = org.switchboard.app.sounds.LineSource.SYSTEM;
        }
        interact(() -> w.document().reset(w.document().flow(), null, true));
        harness.stop();
    }

    /** The text spoken beside the flow, as Listen leaves it (without a speech engine: unspoken, with its warning). */
    private static Object spoken(Path folder, SoundRef sound) throws Exception {
        org.switchboard.engine.sounds.Speech speech = org.switchboard.engine.sounds.Speech.find();
        return speech == null ? sound.toValue() : speech.speak(sound, folder).toValue();
    }
}
