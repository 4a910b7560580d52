package org.switchboard.app.calls;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Supplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableIntegerValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.ToggleSwitch;

import org.switchboard.app.canvas.FlowCanvas;
import org.switchboard.app.document.FilePicker;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.CallMonitor;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;

/**
 * The Calls tab: a filter, the call list (newest first) beside the selected call's detail, "Follow on canvas", and
 * the call log's actions (open a log file, export the shown calls as CSV, clear the log). The selected call's path
 * is lit on the canvas; with Follow on, a live call's path follows it push by push (a call the user picked that has
 * ended stays until a new call comes).
 */
public final class CallsPane extends VBox {

    private final CallMonitor monitor;
    private final Supplier<Flow> flow;
    private final FlowCanvas canvas;
    private final Clock clock;
    private final FilteredList<LoggedCall> shown;
    private final CallsTable table;
    private final CallDetail detail;
    private final TextField filter = new TextField();
    private final ToggleSwitch follow = new ToggleSwitch(AppTexts.get("calls.follow"));
    private final Label source = new Label();
    private final BooleanProperty anyLive = new SimpleBooleanProperty(this, "anyLive");
    private Supplier<FilePicker> files = () -> FilePicker.SYSTEM;
    private Supplier<Window> owner = () -> getScene() == null ? null : getScene().getWindow();
    private Dialogs dialogs;
    private Path logFile;
    private String selectedId;
    private boolean reselecting;
    private boolean statesShown;
    private boolean detailSized;
    /** The day the Time column was fitted on (a call of today is of an earlier day after midnight). */
    private java.time.LocalDate listedOn;

    public CallsPane(CallMonitor monitor, Supplier<Flow> flow, FlowCanvas canvas, Clock clock, Messages messages) {
        this.monitor = monitor;
        this.flow = flow;
        this.canvas = canvas;
        this.clock = clock;
        getStyleClass().add("calls-pane");
        setId("calls-pane");
        shown = new FilteredList<>(monitor.calls());
        table = new CallsTable(flow, clock);
        table.setItems(shown);
        detail = new CallDetail(flow, messages);

        filter.setId("calls-filter");
        filter.setPromptText(AppTexts.get("calls.filter"));
        filter.getStyleClass().add("search");
        filter.setPrefWidth(220);
        filter.setMinWidth(120);
        filter.textProperty().addListener((o, a, b) -> applyFilter());
        follow.setId("calls-follow");
        follow.setSelected(true);
        follow.selectedProperty().addListener((o, a, b) -> showOnCanvas());
        source.getStyleClass().add("help");
        source.setId("calls-source");
        source.setMinWidth(0);
        Button open = small("calls-open", "open", "calls.open", this::chooseLog);
        Button export = small("calls-export", "save", "calls.export", this::exportCsv);
        Button clear = small("calls-clear", "trash", "calls.clear", this::clearLog);
        export.disableProperty().bind(Bindings.isEmpty(shown));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        follow.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(8, filter, source, gap, open, export, clear, follow);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("calls-bar");

        // the bar belongs to the list (its filter, its log, following its calls), so the detail runs the full height
        VBox list = new VBox(bar, table);
        list.getStyleClass().add("calls-list");
        VBox.setVgrow(table, Priority.ALWAYS);
        SplitPane split = new SplitPane(list, detail) {
            @Override
            protected void layoutChildren() {
                // the detail keeps its width as the window changes, until the user drags the divider
                double w = getWidth();
                if (!detailSized && w > CallDetail.WIDTH * 2) {
                    double wanted = 1 - CallDetail.WIDTH / w;
                    if (Math.abs(getDividerPositions()[0] - wanted) * w > 0.5) {
                        setDividerPosition(0, wanted);
                    }
                }
                super.layoutChildren();
            }
        };
        split.setId("calls-split");
        split.getStyleClass().add("calls-split");
        // the detail keeps its width (its own, or what the user dragged it to) and the list takes the rest
        SplitPane.setResizableWithParent(detail, false);
        split.addEventFilter(javafx.scene.input.MouseEvent.MOUSE_PRESSED, e -> {
            if (e.getTarget() instanceof javafx.scene.Node n && n.getStyleClass().contains("split-pane-divider")) {
                detailSized = true; // from now on the user's drag decides
            }
        });
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().add(split);

        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (!reselecting) {
                selectedId = b == null ? null : b.callId();
                showSelected();
            }
        });
        monitor.calls().addListener((ListChangeListener<LoggedCall>) c -> callsChanged());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> {
            if (!today().equals(listedOn)) {
                table.refresh(); // past midnight: yesterday's calls show their day
                fitTime();
            } else if (anyLive.get()) {
                table.tick(); // live durations run
            }
        }));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        fitTime();
    }

    /** Where the file dialogs come from (the app's, which tests replace) and the app's message boxes. */
    public void setFiles(Supplier<FilePicker> picker, Dialogs messageBoxes) {
        this.files = picker;
        this.dialogs = messageBoxes;
        detail.setDialogs(messageBoxes);
    }

    /** The kept call log that Clear removes. */
    public void setLogFile(Path file) {
        this.logFile = file;
    }

    /** "Follow on canvas". */
    public BooleanProperty followProperty() {
        return follow.selectedProperty();
    }

    /** How many calls are listed (for the tab's count). */
    public ObservableIntegerValue countProperty() {
        return Bindings.size(shown);
    }

    /** Whether any call is in progress. */
    public BooleanProperty anyLiveProperty() {
        return anyLive;
    }

    /** Selects the call in the list (and shows its path), e.g. from the live pill. */
    public void select(String callId) {
        selectedId = callId;
        reselect();
        showSelected();
    }

    private void applyFilter() {
        String q = filter.getText();
        shown.setPredicate(c -> CallText.matches(c, flow.get(), q));
        fitTime();
        reselect();
    }

    private java.time.LocalDate today() {
        return clock.instant().atZone(java.time.ZoneId.systemDefault()).toLocalDate();
    }

    /** The Time column wide enough for an earlier day's date while the list shows such a call (the oldest is last). */
    private void fitTime() {
        listedOn = today();
        table.fitTime(!shown.isEmpty() && shown.get(shown.size() - 1).start()
                .isBefore(listedOn.atStartOfDay(java.time.ZoneId.systemDefault()).toInstant()));
    }

    /** New or changed calls: keep the selection on its call; with Follow on, move it to a live call that changed. */
    private void callsChanged() {
        fitTime();
        anyLive.set(monitor.calls().stream().limit(CallMonitor.MAX_OPEN).anyMatch(LoggedCall::inProgress));
        LoggedCall current = find(selectedId);
        if (follow.isSelected() && (current == null || current.inProgress() || freshCall(current))) {
            LoggedCall newest = monitor.calls().isEmpty() ? null : monitor.calls().get(0);
            if (newest != null && newest.inProgress()) {
                selectedId = newest.callId();
            } else if (current == null && newest != null && recent(newest)) {
                selectedId = newest.callId(); // a call that ended before the list showed it live
            }
        }
        reselect();
        showSelected();
    }

    private boolean freshCall(LoggedCall current) {
        return !monitor.calls().isEmpty() && monitor.calls().get(0).inProgress()
                && !monitor.calls().get(0).callId().equals(current.callId());
    }

    private boolean recent(LoggedCall call) {
        return call.end() != null && java.time.Duration.between(call.end(), clock.instant()).getSeconds() < 5;
    }

    private LoggedCall find(String callId) {
        if (callId == null) {
            return null;
        }
        for (LoggedCall c : monitor.calls()) {
            if (c.callId().equals(callId)) {
                return c;
            }
        }
        return null;
    }

    private void reselect() {
        reselecting = true;
        try {
            int at = -1;
            for (int i = 0; i < shown.size() && selectedId != null; i++) {
                if (shown.get(i).callId().equals(selectedId)) {
                    at = i;
                    break;
                }
            }
            if (at >= 0) {
                if (table.getSelectionModel().getSelectedIndex() != at) {
                    table.getSelectionModel().clearAndSelect(at);
                }
            } else {
                table.getSelectionModel().clearSelection();
            }
        } finally {
            reselecting = false;
        }
    }

    private void showSelected() {
        LoggedCall call = find(selectedId);
        if (call != null && call == detail.call()) {
            return; // unchanged (calls are values: a change is a new one)
        }
        detail.show(call);
        showOnCanvas();
    }

    private void showOnCanvas() {
        LoggedCall call = detail.call();
        Flow f = flow.get();
        if (call == null || f == null || (call.inProgress() && !follow.isSelected())) {
            canvas.clearPath();
            stateShown(java.util.Map.of());
            return;
        }
        CallPaths path = CallPaths.of(call, f);
        canvas.showPath(path.live(), path.visited(), path.wires());
        // the card the call is at says what happens there ("● Ringing"), as the simulator's does
        stateShown(path.live().isEmpty() ? java.util.Map.of()
                : java.util.Map.of(path.live().iterator().next(), CallText.state(call).text()));
    }

    /** Shows call states on the cards; takes away only pills this tab put there (the simulator sets its own). */
    private void stateShown(java.util.Map<String, String> states) {
        if (!states.isEmpty() || statesShown) {
            canvas.showCallStates(states);
        }
        statesShown = !states.isEmpty();
    }

    // ---- the log's actions ----

    private Button small(String id, String icon, String key, Runnable action) {
        Button b = new Button(null, Glyphs.ui(icon, 14));
        b.setId(id);
        b.getStyleClass().add("icon-button");
        b.setTooltip(new javafx.scene.control.Tooltip(AppTexts.get(key)));
        b.setAccessibleText(AppTexts.get(key));
        b.setOnAction(e -> action.run());
        return b;
    }

    /** Asks for a call log file and shows its calls. */
    public void chooseLog() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(AppTexts.get("calls.open.title"));
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter(AppTexts.get("calls.filter.log"), "*.jsonl", "*.log", "*.json"),
                new FileChooser.ExtensionFilter(AppTexts.get("calls.filter.all"), "*"));
        Path file = files.get().open(chooser, owner.get());
        if (file != null) {
            openLog(file);
        }
    }

    /** Shows the calls of a call log file (e.g. one written by {@code run --call-log}). */
    public void openLog(Path file) {
        monitor.load(file).whenComplete((skipped, failed) -> {
            if (failed != null) {
                error(AppTexts.get("calls.open.failed"), failed.getMessage());
            } else {
                source.setText(file.equals(logFile) ? "" : AppTexts.get("calls.source", file.getFileName()));
            }
        });
    }

    private void exportCsv() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(AppTexts.get("calls.export.title"));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
        chooser.setInitialFileName("calls.csv");
        Path file = files.get().save(chooser, owner.get());
        if (file != null) {
            try {
                CallsCsv.write(file, java.util.List.copyOf(shown), flow.get(), clock.instant());
            } catch (IOException e) {
                error(AppTexts.get("calls.export.failed"), file + ": " + e.getMessage());
            }
        }
    }

    private void clearLog() {
        if (dialogs != null) {
            Alert ask = dialogs.alert(Alert.AlertType.CONFIRMATION, owner.get(), AppTexts.get("calls.clear.title"),
                    AppTexts.get("calls.clear.header"));
            ask.setContentText(AppTexts.get("calls.clear.text"));
            ask.getDialogPane().setId("calls-clear-dialog");
            ButtonType remove = new ButtonType(AppTexts.get("calls.clear.confirm"),
                    javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
            ask.getButtonTypes().setAll(remove, ButtonType.CANCEL);
            if (ask.showAndWait().orElse(ButtonType.CANCEL) != remove) {
                return;
            }
        }
        try {
            monitor.clear(logFile);
            source.setText("");
        } catch (IOException e) {
            error(AppTexts.get("calls.clear.failed"), logFile + ": " + e.getMessage());
        }
    }

    private void error(String header, String message) {
        if (dialogs != null) {
            dialogs.error(owner.get(), header, message);
        }
    }

    /** The detail panel, for tests. */
    CallDetail detail() {
        return detail;
    }
}
