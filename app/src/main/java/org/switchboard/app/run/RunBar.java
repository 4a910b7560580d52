package org.switchboard.app.run;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.stage.Window;
import javafx.util.Duration;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.ui.Action;
import org.switchboard.app.ui.Actions;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;

/**
 * The Run part of the toolbar, at its right end: a notice when errors kept the flow from starting or going live,
 * "3 changes not live" (a menu listing them) with Deploy, the status pill (Stopped, Running on port N, Online,
 * Reconnecting, Error; the details on hover and on click) and the Run/Stop button.
 */
public final class RunBar extends HBox {

    private static final List<String> STATES = List.of("stopped", "starting", "running", "online", "reconnecting",
            "error");

    private final RunController run;
    private final LiveRun live;
    private final Dialogs dialogs;
    private final Label pill = new Label();
    private final MenuButton changes = new MenuButton();
    private final ChangeLines lines;
    private final java.util.function.Supplier<Window> owner;

    public RunBar(RunController run, Actions actions, Dialogs dialogs, java.util.function.Supplier<Window> owner,
                  NodeTypes types, Messages messages) {
        super(6);
        this.run = run;
        this.live = run.live();
        this.dialogs = dialogs;
        this.owner = owner;
        this.lines = new ChangeLines(types, messages);
        getStyleClass().add("run-bar");
        setId("run-bar");
        setAlignment(Pos.CENTER_RIGHT);
        setMinWidth(Region.USE_PREF_SIZE);

        Label notice = new Label();
        notice.setId("run-notice");
        notice.getStyleClass().add("run-notice");
        notice.setGraphic(Glyphs.ui("error", 14));
        notice.textProperty().bind(run.noticeProperty());
        notice.visibleProperty().bind(run.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setOnMouseClicked(e -> run.showProblems());
        notice.setWrapText(false);
        notice.setMinWidth(Region.USE_PREF_SIZE);

        changes.setId("run-changes");
        changes.getStyleClass().addAll("changes-chip", "semibold");
        changes.setFocusTraversable(false);
        changes.setGraphic(Glyphs.ui("chev-d", 12));
        changes.setContentDisplay(ContentDisplay.RIGHT);
        changes.setTooltip(tip(AppTexts.get("run.changes.tip")));
        changes.textProperty().bind(Bindings.createStringBinding(() -> AppTexts.get("run.changes",
                run.changes().size()), run.changes()));
        changes.visibleProperty().bind(Bindings.isNotEmpty(run.changes()));
        changes.managedProperty().bind(changes.visibleProperty());
        run.changes().addListener((ListChangeListener<Object>) c -> fillChanges(actions));
        fillChanges(actions);

        Button deploy = textButton(actions.get("deploy"), "run-deploy", "bolt");
        deploy.getStyleClass().add("deploy-button");
        deploy.setTooltip(tip(AppTexts.get("run.tip.deploy", actions.keysText("deploy"))));
        deploy.visibleProperty().bind(changes.visibleProperty());
        deploy.managedProperty().bind(deploy.visibleProperty());

        pill.setId("run-pill");
        pill.getStyleClass().addAll("status-pill", "medium");
        Region dot = new Region();
        dot.getStyleClass().add("status-dot");
        pill.setGraphic(dot);
        pill.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip pillTip = tip("");
        pillTip.setWrapText(true);
        pillTip.setMaxWidth(420);
        pill.setTooltip(pillTip);
        pill.setOnMouseClicked(e -> showDetails());
        live.statusProperty().addListener((o, was, now) -> showStatus(pillTip));
        live.liveFlowProperty().addListener((o, was, now) -> showStatus(pillTip));
        showStatus(pillTip);

        Button runButton = textButton(actions.get("run"), "run-button", "run");
        runButton.getStyleClass().add("run-button");
        Tooltip runTip = tip("");
        runTip.textProperty().bind(Bindings.createStringBinding(() -> AppTexts.get(run.stopsNow() ? "run.tip.stop"
                : "run.tip.run", actions.keysText("run")), live.stateProperty()));
        runButton.setTooltip(runTip);
        live.stateProperty().addListener((o, was, now) -> runButton.setGraphic(Glyphs.ui(run.stopsNow() ? "stop"
                : "run", 14)));

        getChildren().addAll(notice, changes, deploy, pill, runButton);
        this.runButton = runButton;
        this.deployButton = deploy;
        parentProperty().addListener((o, was, now) -> {
            if (now instanceof Region r) {
                r.widthProperty().addListener((w, a, b) -> fitLater());
            }
        });
        widthProperty().addListener((o, was, now) -> fitLater());
    }

    private final Button runButton;
    private final Button deployButton;
    private double widthWithLabels = -1;

    /**
     * When the toolbar is narrower than it wants to be (a long language, a small window), Run/Stop and Deploy drop
     * their labels and keep their icons and tooltips; they get the labels back once there is room again.
     */
    private void fitLater() {
        javafx.application.Platform.runLater(() -> {
            if (!(getParent() instanceof Region bar) || bar.getWidth() <= 0) {
                return;
            }
            boolean compact = runButton.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY;
            if (!compact) {
                double wanted = bar.prefWidth(-1);
                if (wanted > bar.getWidth() + 0.5) {
                    widthWithLabels = wanted;
                    runButton.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                    deployButton.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
                }
            } else if (bar.getWidth() >= widthWithLabels) {
                runButton.setContentDisplay(ContentDisplay.LEFT);
                deployButton.setContentDisplay(ContentDisplay.LEFT);
            }
        });
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        return t;
    }

    /** A toolbar button with an icon and the action's text, firing the action (CSS id {@code id}). */
    private static Button textButton(Action a, String id, String icon) {
        Button b = new Button();
        b.textProperty().bind(a.text());
        if (icon != null) {
            b.setGraphic(Glyphs.ui(icon, 14));
        }
        b.setId(id);
        b.setFocusTraversable(false);
        b.setMinWidth(Region.USE_PREF_SIZE);
        b.disableProperty().bind(Bindings.not(a.enabled()));
        b.setOnAction(e -> a.fire());
        b.getProperties().put(Action.class, a);
        return b;
    }

    private void fillChanges(Actions actions) {
        changes.getItems().clear();
        for (String line : lines.of(run.changes())) {
            Label text = new Label(line);
            text.getStyleClass().add("change-line");
            CustomMenuItem item = new CustomMenuItem(text, false);
            item.getStyleClass().add("change-item");
            changes.getItems().add(item);
        }
        if (!run.changes().isEmpty()) {
            changes.getItems().addAll(new SeparatorMenuItem(), actions.menuItem("deploy", "run-changes-"));
        }
    }

    private void showStatus(Tooltip tip) {
        LiveRun.Status s = live.getStatus();
        String key = s.state().name().toLowerCase(java.util.Locale.ROOT);
        for (String state : STATES) {
            pill.pseudoClassStateChanged(PseudoClass.getPseudoClass(state), state.equals(key));
        }
        pill.setText(AppTexts.get("run.state." + key, Integer.toString(s.port())));
        tip.setText(details());
    }

    /** What the pill's state means, with the URLs or the reason, in a few plain sentences. */
    String details() {
        LiveRun.Status s = live.getStatus();
        String text = switch (s.state()) {
            case STOPPED -> AppTexts.get("run.detail.stopped");
            case STARTING -> AppTexts.get("run.detail.starting", Integer.toString(s.port()));
            case RUNNING -> AppTexts.get("run.detail.running", "http://127.0.0.1:" + s.port());
            case ONLINE -> AppTexts.get("run.detail.online", s.publicUrl());
            case RECONNECTING -> AppTexts.get("run.detail.reconnecting", s.reason());
            case ERROR -> AppTexts.get("run.detail.error", s.reason());
        };
        if (s.serving()) {
            List<String> urls = live.webhookUrls();
            text += "\n" + (urls.isEmpty() ? AppTexts.get("run.detail.noWebhook")
                    : AppTexts.get("run.detail.webhook", String.join("\n", urls)));
            if (run.unsaved()) {
                text += "\n" + AppTexts.get("run.detail.unsaved");
            }
        }
        return text;
    }

    private void showDetails() {
        Alert a = dialogs.alert(live.getState() == LiveRun.State.ERROR ? Alert.AlertType.ERROR
                : Alert.AlertType.INFORMATION, owner.get(), AppTexts.get("run.detail.title"), pill.getText());
        a.setContentText(details());
        a.getDialogPane().setId("run-status-dialog");
        a.show();
    }
}
