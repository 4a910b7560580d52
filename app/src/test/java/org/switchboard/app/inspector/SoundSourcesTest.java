package org.switchboard.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.stage.Stage;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.sounds.FileDrags;
import org.switchboard.app.sounds.GeneratedLine;
import org.switchboard.app.sounds.LineSource;
import org.switchboard.app.sounds.Recorder;
import org.switchboard.app.sounds.SoundImports;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.app.sounds.Tones;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Position;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.sounds.SoundConverter;
import org.switchboard.engine.sounds.SoundStore;

/**
 * The sound field's other ways in, driven through the real inspector: Check and Listen for a URL against an HTTP
 * server on 127.0.0.1, recording (from a line that delivers generated audio: the build machine has no microphone)
 * with level meter, Stop, Listen and Keep, no Record button without a microphone, and a file dropped onto the field.
 */
@ExtendWith(ApplicationExtension.class)
class SoundSourcesTest {

    private final EditorDocument doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
    private final List<byte[]> played = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private HttpServer http;
    private String base;
    private byte[] good;
    private Path flowFile;

    @TempDir
    Path dir;

    @Start
    void start(Stage stage) {
        AppTexts.setLocale(Locale.ENGLISH);
        Recorder.lineSource = GeneratedLine::new;
        InspectorPane inspector = new InspectorPane(doc, id -> { }, NodeTypes.standard(),
                PropertyEditors.standard());
        stage.setScene(new Scene(inspector, 360, 760));
        stage.show();
    }

    @BeforeEach
    void setUp(FxRobot robot) throws Exception {
        SoundPlayer.player = wav -> {
            played.add(wav);
            return null;
        };
        Path tone = dir.resolve("tone.wav");
        Tones.write(tone, 8000, 1, 1.5);
        good = SoundConverter.convert(tone, SoundConverter.Options.DEFAULTS);
        Tones.write(dir.resolve("stereo.wav"), 44100, 2, 0.5);
        byte[] stereo = Files.readAllBytes(dir.resolve("stereo.wav"));
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext("/good.wav", ex -> answer(ex, good));
        http.createContext("/stereo.wav", ex -> answer(ex, stereo));
        http.createContext("/slow.wav", ex -> {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            answer(ex, good);
        });
        http.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        http.start();
        base = "http://127.0.0.1:" + http.getAddress().getPort();
        flowFile = dir.resolve("flow.json");
        Flow flow = Flow.of("f", List.of(new FlowNode("p", "play", "", new Position(0, 0),
                Map.of("url", base + "/good.wav"))), List.of());
        FlowFiles.save(flowFile, flow);
        robot.interact(() -> {
            doc.reset(flow, flowFile, true);
            doc.select(List.of("p"));
        });
        WaitForAsyncUtils.waitForFxEvents();
    }

    @AfterEach
    void tearDown() {
        release.countDown();
        http.stop(0);
        SoundPlayer.player = wav -> null;
        Recorder.lineSource = LineSource.SYSTEM;
    }

    @Test
    void checkSaysInPlainWordsWhatTheAddressServesWithoutBlockingTheWindow(FxRobot robot) throws Exception {
        robot.clickOn("#sound-check-url");
        waitForResult(robot, "The address answers with a WAV file in sipgate's format");
        assertTrue(result(robot).getStyleClass().contains("sound-ok"));

        setUrl(robot, base + "/stereo.wav");
        assertEquals("", result(robot).getText(), "a changed address clears the old result");
        robot.clickOn("#sound-check-url");
        waitForResult(robot, "is not in sipgate's format: it is PCM, 16 bit, 2 channels, 44100 Hz");
        assertTrue(result(robot).getStyleClass().contains("sound-problem"));

        setUrl(robot, base + "/gone.wav");
        robot.clickOn("#sound-check-url");
        waitForResult(robot, "answers with HTTP 404 (not found) instead of the sound.");

        // a slow address: the check runs off the FX thread, the window keeps working meanwhile
        setUrl(robot, base + "/slow.wav");
        robot.clickOn("#sound-check-url");
        assertEquals(AppTexts.get("inspector.sound.checking"), result(robot).getText());
        long t0 = System.nanoTime();
        robot.interact(() -> doc.apply("rename", f -> f.updateNode("p", n -> n.withName("Still working"))));
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L);
        release.countDown();
        waitForResult(robot, "The address answers with a WAV file");
    }

    @Test
    void listenDownloadsTheSoundAndPlaysWhatSipgatePlays(FxRobot robot) throws Exception {
        robot.clickOn("#sound-urlListen-url");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> played.size() == 1);
        assertTrue(Arrays.equals(good, played.get(0)), "the downloaded bytes, as sipgate gets them");

        setUrl(robot, base + "/stereo.wav");
        robot.clickOn("#sound-urlListen-url");
        waitForResult(robot, "is not in sipgate's format");
        assertEquals(1, played.size(), "a file sipgate cannot play is explained, not played");
    }

    @Test
    void recordShowsTheLevelAndKeepsTheConvertedRecordingBesideTheFlow(FxRobot robot) throws Exception {
        robot.clickOn("#sound-file-url");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#sound-record-url").queryButton()
                .isVisible());
        robot.clickOn("#sound-record-url");
        ProgressBar meter = robot.lookup("#sound-meter-url").queryAs(ProgressBar.class);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> meter.isVisible() && meter.getProgress() > 0.3);
        assertEquals(0.49, meter.getProgress(), 0.05, "the tone's peak, half scale");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#sound-recordTime-url")
                .queryAs(Label.class).getText().equals("0:01"));
        robot.clickOn("#sound-stop-url");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sound-keep-url").queryButton()
                .isVisible());
        assertTrue(robot.lookup("#sound-recorded-url").queryAs(Label.class).getText().startsWith("Recording, 0:01"));

        robot.clickOn("#sound-recordListen-url");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> played.size() == 1);
        byte[] wav = played.get(0);
        ByteBuffer header = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(8000, header.getInt(24), "converted as sipgate plays it");
        assertEquals(1, header.getShort(22), "mono");
        double seconds = (wav.length - 44) / 16000.0;
        assertTrue(seconds > 1.0 && seconds < 3.0, "length " + seconds);

        robot.clickOn("#sound-keep-url");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !SoundRef.of(doc.flow().nodeOrNull("p")
                .property("url")).file().isEmpty());
        SoundRef kept = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
        assertEquals(SoundRef.Source.FILE, kept.source());
        assertTrue(kept.name().startsWith("Recording ") && kept.name().endsWith(".wav"), kept.name());
        assertEquals("sounds/" + SoundStore.sha256(wav) + ".wav", kept.file(), "the bytes listened to are kept");
        assertTrue(Arrays.equals(wav, Files.readAllBytes(dir.resolve(kept.file()))));
        assertEquals(base + "/good.wav", kept.url(), "the URL is kept until save");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#sound-record-url").queryButton().isVisible(), "ready for another take");
        assertTrue(doc.state().problemsOf("p").isEmpty(), doc.state().problemsOf("p").toString());
    }

    @Test
    void withoutAMicrophoneThereIsNoRecordButtonButASentence(FxRobot robot) throws Exception {
        robot.interact(() -> {
            Recorder.lineSource = () -> null;
            doc.select(List.of());
        });
        robot.interact(() -> doc.select(List.of("p")));
        robot.clickOn("#sound-file-url");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> AppTexts.get("inspector.sound.noMicrophone")
                .equals(robot.lookup("#sound-recordStatus-url").queryAs(Label.class).getText()));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#sound-record-url").queryButton().isVisible());
        assertTrue(robot.lookup("#sound-recordStatus-url").query().isVisible());
    }

    @Test
    void aFileDroppedOntoTheFieldIsConvertedAndSet(FxRobot robot) throws Exception {
        Path dropped = dir.resolve("Welcome.wav");
        Tones.write(dropped, 22050, 2, 0.8);
        boolean[] accepted = new boolean[1];
        robot.interact(() -> accepted[0] = FileDrags.drop(robot.lookup("#prop-url").query(), dropped));
        assertTrue(accepted[0]);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !SoundRef.of(doc.flow().nodeOrNull("p")
                .property("url")).file().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        SoundRef sound = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
        assertEquals(SoundRef.Source.FILE, sound.source());
        assertEquals("Welcome.wav", sound.name());
        assertTrue(Files.isRegularFile(dir.resolve(sound.file())));
        assertTrue(robot.lookup("#sound-fileName-url").queryAs(Label.class).getText().contains("Welcome.wav"));

        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not a sound");
        robot.interact(() -> FileDrags.drop(robot.lookup("#sound-choose-url").query(), text));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#sound-status-url").queryAs(Label.class)
                .getText().contains("is not a sound file"));
        assertEquals(sound, SoundRef.of(doc.flow().nodeOrNull("p").property("url")), "nothing changed");
    }

    @Test
    void theSilenceSettingDecidesWhetherAConvertedFileKeepsItsQuietStart(FxRobot robot) throws Exception {
        Path padded = dir.resolve("Padded.wav");
        Tones.write(padded, 8000, 1, 2.0, 1.0); // one second of silence, then one of tone
        double[] seconds = new double[2];
        for (boolean trim : new boolean[] {true, false}) {
            robot.interact(() -> SoundImports.of(doc).setTrimSilence(() -> trim));
            robot.interact(() -> doc.apply("clear", f -> f.updateNode("p", n -> n.withProperty("url", ""))));
            robot.interact(() -> FileDrags.drop(robot.lookup("#prop-url").query(), padded));
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !SoundRef.of(doc.flow().nodeOrNull("p")
                    .property("url")).file().isEmpty());
            SoundRef sound = SoundRef.of(doc.flow().nodeOrNull("p").property("url"));
            seconds[trim ? 0 : 1] = (Files.size(dir.resolve(sound.file())) - 44) / 16000.0;
        }
        robot.interact(() -> SoundImports.of(doc).setTrimSilence(() -> true));
        assertEquals(1.05, seconds[0], 0.06, "trimmed: the tone and 50 ms before it");
        assertEquals(2.0, seconds[1], 0.02, "kept whole");
    }

    private void setUrl(FxRobot robot, String url) {
        robot.interact(() -> doc.apply("url", f -> f.updateNode("p", n -> n.withProperty("url", url))));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Label result(FxRobot robot) {
        return robot.lookup("#sound-urlResult-url").queryAs(Label.class);
    }

    private static void waitForResult(FxRobot robot, String part) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> result(robot).getText().contains(part));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected \"" + part + "\", shown: " + result(robot).getText(), e);
        }
    }

    private static void answer(HttpExchange ex, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Type", "audio/wav");
        ex.sendResponseHeaders(200, body.length);
        ex.getResponseBody().write(body);
        ex.close();
    }
}
