package org.switchboard.app.calls;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;

/**
 * The floating "● Live call 00:42 | from +49 170 1234567" pill on the canvas while a call is in progress; with
 * several calls it shows their count, and a click lists them (choosing one selects it in the Calls tab).
 */
public final class LiveCallPill extends HBox {

    private final ObservableList<LoggedCall> calls;
    private final Clock clock;
    private final Supplier<Flow> flow;
    private final Label title = new Label();
    private final Label timer = new Label();
    private final Label caller = new Label();
    private final Region divider = new Region();
    private final ContextMenu menu = new ContextMenu();
    private List<LoggedCall> live = List.of();

    /** @param choose gets the call id the user picked from the list */
    public LiveCallPill(ObservableList<LoggedCall> calls, Supplier<Flow> flow, Clock clock, Consumer<String> choose) {
        super(10);
        this.calls = calls;
        this.clock = clock;
        this.flow = flow;
        setId("live-call-pill");
        getStyleClass().add("live-call-pill");
        setAlignment(Pos.CENTER);
        setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        Label dot = new Label();
        dot.getStyleClass().add("live-dot");
        title.getStyleClass().add("semibold");
        timer.getStyleClass().addAll("tabular", "live-timer");
        timer.setId("live-call-timer");
        caller.getStyleClass().add("live-caller");
        caller.setId("live-call-caller");
        divider.getStyleClass().add("pill-divider");
        getChildren().addAll(dot, title, timer, divider, caller);
        for (Label l : List.of(title, timer, caller)) {
            l.setMinWidth(Region.USE_PREF_SIZE);
        }
        setOnMouseClicked(e -> {
            if (!live.isEmpty()) {
                menu.getItems().clear();
                for (LoggedCall c : live) {
                    MenuItem item = new MenuItem(CallText.duration(c, clock.instant()) + "  "
                            + CallText.number(c.from()) + "  \u2192  " + CallText.firstStop(c, flow.get()));
                    item.setOnAction(a -> choose.accept(c.callId()));
                    menu.getItems().add(item);
                }
                menu.show(this, Side.BOTTOM, 0, 4);
            }
        });
        calls.addListener((ListChangeListener<LoggedCall>) c -> update());
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> refresh()));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        update();
    }

    private void update() {
        live = calls.stream().limit(2000).filter(LoggedCall::inProgress).toList();
        setVisible(!live.isEmpty());
        refresh();
    }

    private void refresh() {
        if (live.isEmpty()) {
            return;
        }
        LoggedCall newest = live.get(0);
        boolean one = live.size() == 1;
        title.setText(one ? AppTexts.get("calls.pill.one") : AppTexts.get("calls.pill.many", live.size()));
        timer.setText(CallText.duration(newest, clock.instant()));
        caller.setText(one ? AppTexts.get("calls.pill.from", CallText.number(newest.from()))
                : AppTexts.get("calls.pill.list"));
        if (getParent() != null) {
            getParent().requestLayout(); // floating (unmanaged): the canvas sizes and centres it to its new text
        }
    }
}
