package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.app.LoopbackSipgate.waitFor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

import org.switchboard.app.LoopbackSipgate.Call;
import org.switchboard.app.calls.CallsTab;
import org.switchboard.app.document.FilePicker;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Wire;

/**
 * The Calls tab against the real embedded server, started through LiveRun's public API: pushes go over loopback as
 * sipgate would send them (java.net.http to 127.0.0.1), and the tab, the detail, the canvas path and the kept log
 * show what happened.
 */
class CallsTabTest extends AppWindowTest {

    private MainWindow window;
    private LoopbackSipgate sipgate;

    private void startWithFamilyMenu() throws Exception {
        startWithFamilyMenu(f -> f);
    }

    private void startWithFamilyMenu(java.util.function.UnaryOperator<org.switchboard.engine.flow.Flow> change)
            throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        window = harness.start();
        Path sample = Path.of("..", "sample-flows", "family-menu.json").toAbsolutePath().normalize();
        interact(() -> window.files().open(sample));
        interact(() -> window.document().apply("Change", change));
        WaitForAsyncUtils.waitForFxEvents();
        sipgate = LoopbackSipgate.run(window);
        clickOn("#dock-tab-calls");
    }

    private Call newCall(String id, String from) throws Exception {
        return sipgate.newCall("/sipgate", id, from);
    }

    private void dtmf(Call c, String digits) throws Exception {
        sipgate.dtmf(c, digits);
    }

    private void answer(Call c) throws Exception {
        sipgate.answer(c);
    }

    private void hangup(Call c, String cause) throws Exception {
        sipgate.hangup(c, cause);
    }

    @SuppressWarnings("unchecked")
    private TableView<LoggedCall> table() {
        return lookup("#calls-table").queryAs(TableView.class);
    }

    private LoggedCall row(String callId) {
        for (LoggedCall c : table().getItems()) {
            if (c.callId().equals(callId)) {
                return c;
            }
        }
        return null;
    }

    /** The table's row that shows the list's call at {@code index}, if one is laid out. */
    private java.util.Optional<javafx.scene.Node> row(int index) {
        return lookup(".table-row-cell").queryAll().stream()
                .filter(n -> ((javafx.scene.control.TableRow<?>) n).getIndex() == index).findFirst();
    }

    private String cellText(int row, String columnId) {
        var cell = from(row(row).orElseThrow()).lookup("#" + columnId).query();
        List<String> texts = new ArrayList<>();
        from(cell).lookup(".label").queryAll().forEach(n -> texts.add(((Label) n).getText()));
        return String.join(" ", texts);
    }

    private Set<String> litWires() {
        Set<String> lit = new java.util.HashSet<>();
        for (Wire w : window.document().flow().wires()) {
            var v = lookup("#wire-" + w.fromNode() + "-" + w.fromPort() + "-" + w.toNode()).tryQuery();
            v.filter(n -> n.getPseudoClassStates().stream().anyMatch(p -> p.getPseudoClassName().equals("lit")))
                    .ifPresent(n -> lit.add(w.fromNode() + ">" + w.toNode()));
        }
        return lit;
    }

    private boolean glows(String nodeId) {
        return lookup("#node-" + nodeId).query().getPseudoClassStates().stream()
                .anyMatch(p -> p.getPseudoClassName().equals("live"));
    }

    @Test
    void aCallAppearsItsPathLightsNodeByNodeAndItsDetailShowsEveryPushAndAnswer() throws Exception {
        startWithFamilyMenu();
        // how the list tells of its changes: a TableView lays out all its rows anew from empty ones after any
        // replacement, which cost the canvas its frames under a busy line, so a changed call must be an update
        List<String> changes = java.util.Collections.synchronizedList(new ArrayList<>());
        interact(() -> window.calls().monitor().calls().addListener(
                (javafx.collections.ListChangeListener<LoggedCall>) ch -> {
                    while (ch.next()) {
                        changes.add(ch.wasReplaced() ? "replaced" : ch.wasUpdated() ? "updated"
                                : ch.wasAdded() ? "added" : "removed");
                    }
                }));
        Call c = newCall("call-1", "4917012345678");
        waitFor("the call in the list", () -> row("call-1") != null);
        assertEquals("+49 170 12345678", cellText(0, "calls-col-from"));
        assertEquals("+49 211 5550100", cellText(0, "calls-col-to"));
        waitFor("the menu glowing", () -> glows("menu"));
        assertEquals("In menu", cellText(0, "calls-col-state"));
        assertEquals(Set.of("in>menu"), litWires());
        assertTrue(lookup("#live-call-pill").query().isVisible(), "the live call pill shows");
        assertTrue(lookup("#live-call-caller").queryAs(Label.class).getText().contains("+49 170 12345678"));

        dtmf(c, "2");
        waitFor("Ben ringing", () -> glows("ben"));
        assertFalse(glows("menu"));
        assertEquals(Set.of("in>menu", "menu>digits", "digits>ben"), litWires());
        assertEquals("Ringing", cellText(0, "calls-col-state"));
        assertEquals("Ringing", ((javafx.scene.text.Text) lookup("#node-ben .node-state-text").query()).getText(),
                "the card says what happens there");
        assertEquals("Main menu 2 \u203A Ben", cellText(0, "calls-col-path"));

        answer(c);
        waitFor("connected", () -> "Connected".equals(cellText(0, "calls-col-state")));
        hangup(c, "normalClearing");
        waitFor("answered", () -> "Answered".equals(cellText(0, "calls-col-state")));
        waitFor("the pill gone", () -> !lookup("#live-call-pill").query().isVisible());
        assertEquals("added", changes.get(0), "the new call: " + changes);
        assertTrue(changes.size() >= 3 && changes.subList(1, changes.size()).stream().allMatch("updated"::equals),
                "each later push updates the call's row in place: " + changes);
        assertFalse(glows("ben"), "an ended call glows nowhere");
        assertEquals(Set.of("in>menu", "menu>digits", "digits>ben"), litWires(), "its path stays lit");

        // the detail: every push in order with its fields, the exact XML of the chosen one
        clickOn((javafx.scene.Node) lookup(".table-row-cell").nth(0).query());
        List<String> events = new ArrayList<>();
        lookup(".push-chip").queryAll().stream().filter(javafx.scene.Node::isVisible)
                .forEach(n -> events.add(((ToggleButton) n).getText()));
        assertEquals(List.of("newCall", "dtmf", "answer", "hangup"), events);
        assertTrue(lookup("#push-3").queryAs(ToggleButton.class).isSelected(), "the latest push is chosen");
        clickOn("#push-1");
        assertTrue(lookup("#call-xml-title").queryAs(Label.class).getText().startsWith("Answer to dtmf"));
        assertFalse(lookup("#call-push-fields").query().isVisible(), "the fields are folded away at first");
        clickOn("#call-fields-toggle");
        assertEquals("2", fields().get("dtmf"), "the fields sipgate sent, as a key/value grid: " + fields());
        assertEquals("call-1", fields().get("callId"));
        clickOn("#push-0");
        assertEquals("newCall", fields().get("event"), "the fields follow the chosen push: " + fields());
        clickOn("#push-1");
        assertEquals("2", fields().get("dtmf"));

        // the answer is laid out for reading: one element a line, indented, monospace
        String shown = shownXml();
        List<String> lines = shown.lines().toList();
        assertTrue(c.xml.contains("<Dial") && c.xml.contains("4916098765"), c.xml);
        assertTrue(lines.size() >= 5, "several lines: " + shown);
        String dial = lines.stream().filter(l -> l.strip().startsWith("<Dial")).findFirst().orElseThrow();
        String number = lines.stream().filter(l -> l.strip().startsWith("<Number>")).findFirst().orElseThrow();
        assertTrue(lines.get(lines.size() - 1).equals("</Response>"), shown);
        assertTrue(indent(dial) >= 2 && indent(number) == indent(dial) + 2, shown);
        assertTrue(number.strip().matches("<Number>\\+?4916098765\\d*</Number>"), number);
        assertEquals(c.xml.replaceAll("\\s", ""), shown.replaceAll("\\s", ""), "only whitespace differs");
        var piece = lookup("#call-xml .xml-tag").queryAs(javafx.scene.text.Text.class);
        assertTrue(piece.getFont().getFamily().contains("Mono"), piece.getFont().getFamily());

        // Copy takes the exact bytes the server answered, not the laid-out text
        clickOn("#call-xml-copy");
        String copied = WaitForAsyncUtils.asyncFx(() -> javafx.scene.input.Clipboard.getSystemClipboard()
                .getString()).get();
        assertArrayEquals(c.answered, copied.getBytes(StandardCharsets.UTF_8));
        assertFalse(copied.equals(shown));
        assertTrue(lookup("#call-push-problems").queryAs(javafx.scene.layout.VBox.class).getChildren().isEmpty());

        // replayed against a draft that sends key 2 to Anna: the detail shows where the answers differ
        interact(() -> window.document().apply("Rewire", f -> f.withoutWires(List.of(new Wire("digits", "2", "ben")))
                .withWire(new Wire("digits", "2", "anna"))));
        clickOn("#call-replay");
        waitFor("the replay", () -> lookup("#replay-dialog").tryQuery().isPresent());
        var replay = lookup("#replay-dialog").queryAs(javafx.scene.control.DialogPane.class);
        assertTrue(replay.getHeaderText().startsWith("The open flow answers differently"), replay.getHeaderText());
        String steps = lookup("#replay-steps").queryAs(TextArea.class).getText();
        assertTrue(steps.contains("- is connected to +491609876543") && steps.contains("+ is connected to "
                + "+4915123456789"), steps);
    }

    @Test
    void endedStatesFilterCsvExportAndTheKeptLog() throws Exception {
        // without the Switch's "otherwise" wire, a wrong key gets an empty answer, which the detail explains
        startWithFamilyMenu(f -> f.withoutWires(List.of(new Wire("digits", "otherwise", "sorry"))));
        Call answered = newCall("c-answered", "491701111111");
        dtmf(answered, "1");
        answer(answered);
        hangup(answered, "normalClearing");
        Call busy = newCall("c-busy", "491702222222");
        dtmf(busy, "2");
        hangup(busy, "busy");
        Call noAnswer = newCall("c-noanswer", "491703333333");
        dtmf(noAnswer, "1");
        hangup(noAnswer, "noAnswer");
        Call gaveUp = newCall("c-gaveup", "anonymous");
        hangup(gaveUp, "cancel");
        Call wrongKey = newCall("c-wrongkey", "491704444444");
        dtmf(wrongKey, "7");
        hangup(wrongKey, "normalClearing");
        waitFor("five ended calls", () -> table().getItems().size() == 5
                && table().getItems().stream().noneMatch(LoggedCall::inProgress));

        assertEquals("c-wrongkey", table().getItems().get(0).callId(), "newest first");
        assertEquals("Answered", stateOf("c-answered"));
        assertEquals("Busy", stateOf("c-busy"));
        assertEquals("No answer", stateOf("c-noanswer"));
        assertEquals("Caller hung up", stateOf("c-gaveup"));
        assertEquals("Anonymous", cellText(indexOf("c-gaveup"), "calls-col-from"));

        interact(() -> window.calls().pane().select("c-wrongkey"));
        clickOn("#push-1");
        String problem = lookup("#call-push-problems .label").queryAs(Label.class).getText();
        assertEquals("dtmf 7 matched no rule, so the call got an empty answer.", problem);
        assertTrue(lookup("#push-1").queryAs(ToggleButton.class).getStyleClass().contains("push-problem"));

        clickOn("#calls-filter").write("0170 222");
        waitFor("the filter by number", () -> table().getItems().size() == 1);
        assertEquals("c-busy", table().getItems().get(0).callId());
        doubleClickOn("#calls-filter").eraseText(8).write("anonym");
        waitFor("the filter by text", () -> table().getItems().size() == 1);
        assertEquals("c-gaveup", table().getItems().get(0).callId());
        doubleClickOn("#calls-filter").eraseText(6).write("Busy");
        waitFor("the filter by state", () -> table().getItems().size() == 1
                && table().getItems().get(0).callId().equals("c-busy"));
        interact(() -> lookup("#calls-filter").queryAs(javafx.scene.control.TextField.class).clear());
        waitFor("all again", () -> table().getItems().size() == 5);

        Path csv = dir.resolve("calls.csv");
        window.calls().pane();
        setPicker(csv);
        clickOn("#calls-export");
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertEquals("start,from,to,direction,path,state,duration_s,call_id", lines.get(0));
        assertEquals(6, lines.size());
        assertTrue(lines.get(1).endsWith(",c-wrongkey"), lines.get(1));
        String busyLine = lines.stream().filter(l -> l.endsWith(",c-busy")).findFirst().orElseThrow();
        assertTrue(busyLine.contains(",+49 170 2222222,+49 211 5550100,in,") && busyLine.contains(",Busy,"), busyLine);
        assertTrue(busyLine.contains(",Family line \u203A Main menu [2] \u203A Which key? \u203A Ben,"), busyLine);

        // the kept log in the per-user folder has them all, and a restarted app shows them again
        Path log = harness.home.resolve(CallsTab.LOG_NAME);
        waitFor("the log on disk", () -> {
            try {
                return Files.exists(log) && Files.readString(log).contains("c-wrongkey\",\"cause\"");
            } catch (IOException e) {
                return false;
            }
        });
        assertEquals(Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE), Files.getPosixFilePermissions(log));

        // a live call's dot is drawn in its row, also where the row showed an ended call of the same minute before
        Call live = newCall("c-live", "491705555555");
        waitFor("the live call on top", () -> table().getItems().get(0).callId().equals("c-live"));
        waitFor("its live dot drawn", () -> liveDotDrawn(0));
        for (int i = 1; i < 6; i++) {
            assertFalse(liveDotDrawn(i), "no dot for the ended call in row " + i);
        }
        hangup(live, "normalClearing");
        waitFor("the dot gone once it ended", () -> !liveDotDrawn(0));
    }

    /** Whether the time in a row has its live dot laid out beside it. */
    private boolean liveDotDrawn(int row) {
        return row(row).map(r -> from(r).lookup("#calls-col-time .label").queryAs(Label.class))
                .map(l -> l.getGraphic() != null && l.getGraphic().isVisible()
                        && l.getChildrenUnmodifiable().contains(l.getGraphic())
                        && l.getGraphic().getLayoutBounds().getWidth() > 0)
                .orElse(false);
    }

    @Test
    void eachIncomingCallGetsANotificationWhenTurnedOn() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.writeString(home.resolve("settings.json"), "{\"language\": \"en\", \"theme\": \"light\", "
                + "\"showWelcome\": false, \"callNotifications\": true}", StandardCharsets.UTF_8);
        startWithFamilyMenu();
        newCall("n1", "4917012345678");
        waitFor("the notification", () -> lookup(".label").queryAll().stream()
                .anyMatch(n -> "Incoming call from +49 170 12345678".equals(((Label) n).getText())));
        assertTrue(lookup(".label").queryAll().stream().anyMatch(n -> ((Label) n).getText() != null
                && ((Label) n).getText().equals("To +49 211 5550100 \u00B7 sent to Main menu")));
    }

    @Test
    void aLogWrittenByTheHeadlessRunOpensInTheTab() throws Exception {
        harness = new AppHarness(dir.resolve("home"));
        window = harness.start();
        Path log = dir.resolve("headless.jsonl");
        Files.writeString(log, String.join("\n",
                "{\"type\":\"push\",\"time\":\"2026-12-01T10:00:00Z\",\"callId\":\"h1\",\"event\":\"newCall\","
                        + "\"fields\":{\"from\":[\"4989445566\"],\"to\":[\"492115550100\"],\"direction\":[\"in\"]},"
                        + "\"nodes\":[\"in\",\"menu\"],\"outputs\":[{\"node\":\"in\",\"port\":\"call\"}],"
                        + "\"answeredBy\":\"menu\",\"xml\":\"<Response/>\",\"notes\":[],\"micros\":120}",
                "{\"type\":\"end\",\"time\":\"2026-12-01T10:02:15Z\",\"callId\":\"h1\",\"cause\":\"cancel\"}",
                "{\"type\":\"push\",\"time\":\"2026-12-01T10:05:00Z\",\"callId\":\"h2\",\"event\":\"newC"));
        setPicker(log);
        interact(() -> window.actions().all().stream().filter(a -> a.id().equals("open-call-log")).findFirst()
                .orElseThrow().fire());
        waitFor("the logged call", () -> table().getItems().size() == 1);
        assertTrue(lookup("#calls-pane").query().isVisible(), "File → Open call log shows the Calls tab");
        assertEquals("+49 89 445566", cellText(0, "calls-col-from"));
        assertEquals("2:15", cellText(0, "calls-col-duration"));
        assertEquals("Caller hung up", cellText(0, "calls-col-state"));
    }

    /** The XML as the detail shows it (the text of its code pieces). */
    private String shownXml() {
        StringBuilder b = new StringBuilder();
        lookup("#call-xml .xml-code").queryAs(javafx.scene.text.TextFlow.class).getChildren()
                .forEach(n -> b.append(((javafx.scene.text.Text) n).getText()));
        return b.toString();
    }

    private static int indent(String line) {
        return line.length() - line.stripLeading().length();
    }

    /** The chosen push's fields as the detail lists them. */
    private java.util.Map<String, String> fields() {
        var grid = lookup("#call-push-fields").queryAs(javafx.scene.layout.GridPane.class);
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        var cells = grid.getChildren();
        for (int i = 0; i + 1 < cells.size(); i += 2) {
            out.put(((Label) cells.get(i)).getText(), ((Label) cells.get(i + 1)).getText());
        }
        return out;
    }

    private void setPicker(Path file) {
        window.calls().pane().setFiles(() -> new FilePicker() {
            @Override
            public Path open(FileChooser chooser, Window owner) {
                return file;
            }

            @Override
            public Path save(FileChooser chooser, Window owner) {
                return file;
            }
        }, null);
    }

    private int indexOf(String callId) {
        for (int i = 0; i < table().getItems().size(); i++) {
            if (table().getItems().get(i).callId().equals(callId)) {
                return i;
            }
        }
        return -1;
    }

    private String stateOf(String callId) {
        interact(() -> table().scrollTo(indexOf(callId)));
        return cellText(indexOf(callId), "calls-col-state");
    }
}
