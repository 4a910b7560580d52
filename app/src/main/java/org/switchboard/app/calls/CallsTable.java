package org.switchboard.app.calls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.nodes.types.IncomingCallType;
import org.switchboard.engine.nodes.types.SwitchType;

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
        // cells keep their nodes and only change texts and classes: rows shift on every new call, and making new
        // nodes (and styling them) for every visible cell ten times a second would cost the canvas its frames
        TableColumn<LoggedCall, LoggedCall> time = column("calls.col.time", 70, () -> {
            Label dot = new Label();
            dot.getStyleClass().add("live-dot");
            return dot;
        }, (l, c) -> {
            l.setText(CallText.listTime(c.start(), clock.instant()));
            l.getGraphic().setVisible(c.inProgress());
            l.getGraphic().setManaged(c.inProgress());
        });
        TableColumn<LoggedCall, LoggedCall> from = column("calls.col.from", 150, () -> null, (l, c) -> {
            l.setText(CallText.number(c.from()));
            boolean out = "out".equals(c.direction());
            if (l.getGraphic() == null || out != Boolean.TRUE.equals(l.getGraphic().getUserData())) {
                Node icon = Glyphs.ui(out ? "dial" : "incoming", 12);
                icon.setUserData(out);
                icon.getStyleClass().add("direction-icon");
                l.setGraphic(icon);
            }
        });
        TableColumn<LoggedCall, LoggedCall> to = column("calls.col.to", 120, () -> null,
                (l, c) -> l.setText(CallText.number(c.to())));
        TableColumn<LoggedCall, LoggedCall> path = new TableColumn<>(AppTexts.get("calls.col.path"));
        path.setId("calls-col-path");
        path.setPrefWidth(230);
        path.setSortable(false);
        path.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        path.setCellFactory(c -> new PathCell(flow));
        TableColumn<LoggedCall, LoggedCall> state = column("calls.col.state", 104, () -> null, (l, c) -> {
            CallText.State st = CallText.state(c);
            l.setText(st.text());
            l.getStyleClass().removeIf(k -> k.startsWith("state-"));
            l.getStyleClass().add("state-" + st.name().toLowerCase(java.util.Locale.ROOT));
            if (!l.getStyleClass().contains("call-state")) {
                l.getStyleClass().add("call-state");
            }
        });
        TableColumn<LoggedCall, LoggedCall> duration = column("calls.col.duration", 60, () -> null, (l, c) -> {
            l.setText(CallText.duration(c, clock.instant()));
            l.getStyleClass().remove("live-text");
            if (c.inProgress()) {
                l.getStyleClass().add("live-text");
            }
        });
        getColumns().setAll(java.util.List.of(time, from, to, path, state, duration));
    }

    private static TableColumn<LoggedCall, LoggedCall> column(String key, double width, Supplier<Node> graphic,
                                                               BiConsumer<Label, LoggedCall> show) {
        TableColumn<LoggedCall, LoggedCall> col = new TableColumn<>(AppTexts.get(key));
        col.setId(key.replace('.', '-'));
        col.setPrefWidth(width);
        col.setSortable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> new TableCell<>() {
            private final Label label = new Label();

            {
                label.getStyleClass().add("tabular");
                label.setGraphic(graphic.get());
                label.setGraphicTextGap(6);
            }

            @Override
            protected void updateItem(LoggedCall item, boolean empty) {
                super.updateItem(item, empty);
                setText(null);
                if (empty || item == null) {
                    setGraphic(null);
                    return;
                }
                show.accept(label, item);
                setGraphic(label);
            }
        });
        return col;
    }

    /** The path as chips (node names, the digits pressed), made from a pool of labels the cell keeps. */
    private static final class PathCell extends TableCell<LoggedCall, LoggedCall> {
        private final Supplier<Flow> flow;
        private final HBox box = new HBox(4);
        private final List<Label> pool = new ArrayList<>();

        PathCell(Supplier<Flow> flow) {
            this.flow = flow;
            box.setAlignment(Pos.CENTER_LEFT);
            box.getStyleClass().add("path-chips");
        }

        @Override
        protected void updateItem(LoggedCall call, boolean empty) {
            super.updateItem(call, empty);
            setText(null);
            if (empty || call == null) {
                setGraphic(null);
                return;
            }
            Flow f = flow.get();
            int used = 0;
            for (LoggedCall.Step step : call.path()) {
                if (f != null && f.contains(step.nodeId()) && passedOver(f, step.nodeId())) {
                    continue; // every call starts at its Incoming call; a Switch shows as the keys pressed before it
                }
                if (used > 0) {
                    label(used++, "path-sep", "\u203A");
                }
                label(used++, "path-chip", CallText.nodeName(f, step.nodeId()));
                if (step.digits() != null) {
                    label(used++, "path-digits", step.digits());
                }
                if (used > 24) {
                    break; // a long loop: the rest would not be seen anyway
                }
            }
            if (box.getChildren().size() > used) {
                box.getChildren().remove(used, box.getChildren().size());
            }
            setGraphic(box);
        }

        private void label(int index, String styleClass, String text) {
            while (pool.size() <= index) {
                Label l = new Label();
                l.setMinWidth(Region.USE_PREF_SIZE);
                pool.add(l);
            }
            Label l = pool.get(index);
            l.setText(text);
            if (!l.getStyleClass().contains(styleClass)) {
                l.getStyleClass().setAll("label", styleClass);
            }
            if (box.getChildren().size() <= index) {
                box.getChildren().add(l);
            } else if (box.getChildren().get(index) != l) {
                box.getChildren().set(index, l);
            }
        }
    }

    private static boolean passedOver(Flow flow, String nodeId) {
        String type = flow.nodeOrNull(nodeId).type();
        return IncomingCallType.ID.equals(type) || SwitchType.ID.equals(type);
    }
}
