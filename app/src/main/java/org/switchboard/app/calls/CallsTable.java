package org.switchboard.app.calls;

import java.time.Clock;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.HBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.nodes.types.IncomingCallType;

/**
 * The call list: time (a dot while live), from (its icon says the direction: incoming or outgoing), to, the path as
 * chips, state, duration.
 */
final class CallsTable extends TableView<LoggedCall> {

    CallsTable(Supplier<Flow> flow, Clock clock) {
        setId("calls-table");
        getStyleClass().add("calls-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        setPlaceholder(new Label(AppTexts.get("calls.none")));
        TableColumn<LoggedCall, LoggedCall> time = column("calls.col.time", 70, c -> {
            Label l = new Label(CallText.listTime(c.start(), clock.instant()));
            l.getStyleClass().add("tabular");
            l.setTooltip(new Tooltip(CallText.dayTime(c.start())));
            if (c.inProgress()) {
                Label dot = new Label();
                dot.getStyleClass().add("live-dot");
                HBox box = new HBox(6, dot, l);
                box.setAlignment(Pos.CENTER_LEFT);
                return box;
            }
            return l;
        });
        TableColumn<LoggedCall, LoggedCall> from = column("calls.col.from", 150, c -> {
            Label l = text(CallText.number(c.from()));
            l.setGraphic(Glyphs.ui("out".equals(c.direction()) ? "dial" : "incoming", 12));
            l.getStyleClass().add("direction-" + c.direction());
            l.setTooltip(new Tooltip(CallText.direction(c)));
            return l;
        });
        TableColumn<LoggedCall, LoggedCall> to = column("calls.col.to", 120, c -> text(CallText.number(c.to())));
        TableColumn<LoggedCall, LoggedCall> path = column("calls.col.path", 230, c -> chips(c, flow.get()));
        TableColumn<LoggedCall, LoggedCall> state = column("calls.col.state", 104, c -> {
            CallText.State s = CallText.state(c);
            Label l = new Label(s.text());
            l.getStyleClass().addAll("call-state", "state-" + s.name().toLowerCase(java.util.Locale.ROOT));
            return l;
        });
        TableColumn<LoggedCall, LoggedCall> duration = column("calls.col.duration", 60, c -> {
            Label l = new Label(CallText.duration(c, clock.instant()));
            l.getStyleClass().add("tabular");
            if (c.inProgress()) {
                l.getStyleClass().add("live-text");
            }
            return l;
        });
        getColumns().setAll(java.util.List.of(time, from, to, path, state, duration));
    }

    private static Label text(String s) {
        Label l = new Label(s);
        l.getStyleClass().add("tabular");
        return l;
    }

    private static HBox chips(LoggedCall call, Flow flow) {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("path-chips");
        int shown = 0;
        for (LoggedCall.Step step : call.path()) {
            if (flow != null && flow.contains(step.nodeId()) && isTrigger(flow, step.nodeId())) {
                continue; // every call starts at its Incoming call node: the chips show where it went from there
            }
            if (shown++ > 0) {
                Label sep = new Label("\u203A");
                sep.getStyleClass().add("path-sep");
                box.getChildren().add(sep);
            }
            Label chip = new Label(CallText.nodeName(flow, step.nodeId()));
            chip.getStyleClass().add("path-chip");
            chip.setMinWidth(Region.USE_PREF_SIZE);
            box.getChildren().add(chip);
            if (step.digits() != null) {
                Label key = new Label(step.digits());
                key.setMinWidth(Region.USE_PREF_SIZE);
                key.getStyleClass().add("path-digits");
                box.getChildren().add(key);
            }
        }
        return box;
    }

    private static boolean isTrigger(Flow flow, String nodeId) {
        return IncomingCallType.ID.equals(flow.nodeOrNull(nodeId).type());
    }

    private static TableColumn<LoggedCall, LoggedCall> column(String key, double width,
                                                               java.util.function.Function<LoggedCall,
                                                                       javafx.scene.Node> render) {
        TableColumn<LoggedCall, LoggedCall> col = new TableColumn<>(AppTexts.get(key));
        col.setId(key.replace('.', '-'));
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(LoggedCall item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                setGraphic(empty || item == null ? null : render.apply(item));
            }
        });
        return col;
    }
}
