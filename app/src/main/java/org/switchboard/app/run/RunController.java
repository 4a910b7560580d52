package org.switchboard.app.run;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Window;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.ui.Action;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowDiff;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * Run, Stop and Deploy for the open document: starts its flow on the embedded server ({@link LiveRun}) on the port
 * from the settings, offers a free port when that one is taken (and remembers it if accepted), keeps the list of
 * what the draft changes against the live version, and deploys on request or, if the setting says so, after every
 * valid edit. A flow with errors is neither started nor deployed: the Problems tab is shown and the notice says why.
 * Lives on the JavaFX thread.
 */
public final class RunController {

    private final LiveRun live;
    private final EditorDocument doc;
    private final AppSettings settings;
    private final Runnable saveSettings;
    private final Dialogs dialogs;
    private final Supplier<Window> owner;
    private final Runnable showProblems;
    private final ObservableList<FlowDiff.Change> changes = FXCollections.observableArrayList();
    private final ObservableList<FlowDiff.Change> changesView = FXCollections.unmodifiableObservableList(changes);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final BooleanBinding serving;
    private final TextSpeaker speaker;

    public RunController(LiveRun live, EditorDocument doc, NodeTypes types, AppSettings settings,
                         Runnable saveSettings, Dialogs dialogs, Supplier<Window> owner, Runnable showProblems) {
        this.live = live;
        this.speaker = new TextSpeaker(types);
        this.doc = doc;
        this.settings = settings;
        this.saveSettings = saveSettings;
        this.dialogs = dialogs;
        this.owner = owner;
        this.showProblems = showProblems;
        this.serving = Bindings.createBooleanBinding(() -> live.getStatus().serving(), live.statusProperty());
        doc.flowProperty().addListener((o, was, now) -> {
            if (settings.autoDeploy() && serving.get()) {
                deploy(false);
            }
            recompute();
        });
        doc.fileProperty().addListener((o, was, now) -> {
            // a flow saved for the first time (or under a new name) now has a sounds folder: serve its sounds
            if (serving.get() && changes.isEmpty()) {
                live.deploy(doc.flow(), folder());
            }
        });
        live.liveFlowProperty().addListener((o, was, now) -> recompute());
        live.statusProperty().addListener((o, was, now) -> recompute());
    }

    /** The window's Run/Stop and Deploy actions (their keys are defined here, once). */
    public List<Action> actions() {
        Action run = Action.of("run", "", this::toggle)
                .text(Bindings.createStringBinding(() -> AppTexts.get(stopsNow() ? "run.action.stop"
                        : "run.action.run"), live.stateProperty()))
                .keys(new KeyCodeCombination(KeyCode.F5));
        Action deploy = Action.of("deploy", AppTexts.get("run.action.deploy"), () -> deploy(true))
                .keys(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN))
                .enabledWhen(serving.and(Bindings.isNotEmpty(changes)));
        return List.of(run, deploy);
    }

    /** Whether Run/Stop would stop now (something is starting or serving). */
    boolean stopsNow() {
        LiveRun.State s = live.getState();
        return s != LiveRun.State.STOPPED && s != LiveRun.State.ERROR;
    }

    /** Run when stopped, Stop when running. */
    public void toggle() {
        if (stopsNow()) {
            stop();
        } else {
            start(settings.runPort(), true);
        }
    }

    public void stop() {
        notice.set("");
        live.stop();
    }

    private void start(int port, boolean mayOffer) {
        int errors = errorCount();
        if (errors > 0) {
            notice.set(AppTexts.get("run.notStarted", errors));
            showProblems.run();
            return;
        }
        notice.set("");
        // texts not spoken yet are spoken first, as run does; a taken port shows as Error with the reason in the
        // pill, and the offer of a free one follows
        speaker.thenServe(doc, folder(), flow -> live.start(port, flow, folder()).whenComplete((ok, failure) -> {
            if (failure != null && mayOffer && LiveRun.portInUse(failure)) {
                offerFreePort(port);
            }
        }), this::speechFailed);
    }

    /** Says that the port is taken and offers a free one; if accepted, it is remembered and used now. */
    private void offerFreePort(int taken) {
        int free = LiveRun.freePortNear(taken);
        if (free < 0) {
            dialogs.error(owner.get(), AppTexts.get("run.portTaken.header", Integer.toString(taken)),
                    AppTexts.get("run.portTaken.none", Integer.toString(taken)));
            return;
        }
        ButtonType use = new ButtonType(AppTexts.get("run.portTaken.use", Integer.toString(free)),
                ButtonBar.ButtonData.YES);
        ButtonType cancel = new ButtonType(AppTexts.get("dialog.cancel"), ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = dialogs.alert(Alert.AlertType.WARNING, owner.get(), AppTexts.get("run.portTaken.title"),
                AppTexts.get("run.portTaken.header", Integer.toString(taken)));
        a.setContentText(AppTexts.get("run.portTaken.text", Integer.toString(taken), Integer.toString(free)));
        a.getButtonTypes().setAll(use, cancel);
        a.getDialogPane().setId("port-taken-dialog");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isPresent() && answer.get() == use) {
            settings.setRunPort(free);
            saveSettings.run();
            start(free, false);
        }
    }

    /**
     * Makes the draft live for new calls, unless it has errors: then nothing is deployed, the notice says why and,
     * when the user asked, the Problems tab is shown. Deploys at once, or after speaking texts not spoken yet (in the
     * background, as {@code run} does).
     */
    public void deploy(boolean asked) {
        if (!serving.get()) {
            return;
        }
        int errors = errorCount();
        if (errors > 0) {
            notice.set(AppTexts.get("run.notDeployed", errors));
            if (asked) {
                showProblems.run();
            }
            return;
        }
        notice.set("");
        speaker.thenServe(doc, folder(), flow -> live.deploy(flow, folder()), this::speechFailed);
    }

    private void speechFailed(String problem) {
        notice.set(AppTexts.get("run.speechFailed", problem));
    }

    private void recompute() {
        Flow liveFlow = live.liveFlowProperty().get();
        if (liveFlow == null || !serving.get()) {
            changes.clear();
        } else {
            changes.setAll(FlowDiff.between(liveFlow, doc.flow()));
        }
        if (!notice.get().isEmpty() && errorCount() == 0) {
            notice.set("");
        }
    }

    private int errorCount() {
        return (int) doc.state().problems().stream().filter(Problem::isError).count();
    }

    /** The folder whose {@code sounds/} the flow's local sounds come from; none for a flow never saved. */
    Path folder() {
        Path file = doc.file();
        return file == null ? null : file.toAbsolutePath().getParent();
    }

    /** What the draft changes against the live version (empty while stopped or when they are the same). */
    public ObservableList<FlowDiff.Change> changes() {
        return changesView;
    }

    /** Why the last Run or Deploy did nothing (errors in the flow), or "". */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public LiveRun live() {
        return live;
    }

    /** Shows the Problems tab (where the notice's errors are listed). */
    public void showProblems() {
        showProblems.run();
    }

    /** Whether the open document has never been saved (its flow then has no sounds folder). */
    boolean unsaved() {
        return doc.file() == null;
    }
}
