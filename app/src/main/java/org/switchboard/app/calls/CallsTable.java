package org.switchboard.app.calls;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

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

    /** The cells whose text runs with the clock (weakly: the table may make its cells anew). */
    private final Set<LabelCell> ticking = Collections.newSetFromMap(new WeakHashMap<>());

    CallsTable(Supplier<Flow> flow, Clock clock) {
        setId("calls-table");
        getStyleClass().add("calls-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS); // only Path grows (the rest is fixed)
        setPlaceholder(new Label(AppTexts.get("calls.none")));
        // cells keep their nodes and only change texts and classes: rows shift on every new call, and making new
        // nodes (and styling them) for every visible cell several times a second would cost the canvas its frames
        TableColumn<LoggedCall, LoggedCall> time = column("calls.col.time", 60, true, () -> {
            Label dot = new Label();
            dot.getStyleClass().add("live-dot");
            return dot;
        }, (l, c) -> {
            l.setText(CallText.listTime(c.start(), clock.instant()));
            l.getGraphic().setVisible(c.inProgress());
            l.getGraphic().setManaged(c.inProgress());
        });
        // both direction icons are made once per cell, and the one of the call's direction is shown
        TableColumn<LoggedCall, LoggedCall> from = column("calls.col.from", 138, false, () -> {
            Node incoming = Glyphs.ui("incoming", 12);
            Node outgoing = Glyphs.ui("dial", 12);
            incoming.getStyleClass().add("direction-icon");
            outgoing.getStyleClass().add("direction-icon");
            return new StackPane(incoming, outgoing);
        }, (l, c) -> {
            l.setText(CallText.number(c.from()));
            boolean out = "out".equals(c.direction());
            List<Node> icons = ((StackPane) l.getGraphic()).getChildren();
            icons.get(0).setVisible(!out);
            icons.get(1).setVisible(out);
        });
        TableColumn<LoggedCall, LoggedCall> to = column("calls.col.to", 112, false, () -> null,
                (l, c) -> l.setText(CallText.number(c.to())));
        TableColumn<LoggedCall, LoggedCall> path = new TableColumn<>(AppTexts.get("calls.col.path"));
        path.setId("calls-col-path");
        path.setPrefWidth(200);
        path.setMinWidth(120);
        path.setSortable(false);
        path.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        path.setCellFactory(c -> new PathCell(flow));
        double wide = stateWidth();
        TableColumn<LoggedCall, LoggedCall> state = column("calls.col.state", wide, false, () -> null, (l, c) -> {
            CallText.State st = CallText.state(c);
            l.setText(st.text());
            String wanted = "state-" + st.name().toLowerCase(java.util.Locale.ROOT);
            if (!l.getStyleClass().contains(wanted)) { // a changed class makes the label's style be looked up anew
                l.getStyleClass().removeIf(k -> k.startsWith("state-"));
                l.getStyleClass().add(wanted);
            }
            if (!l.getStyleClass().contains("call-state")) {
                l.getStyleClass().add("call-state");
            }
        });
        TableColumn<LoggedCall, LoggedCall> duration = column("calls.col.duration", 62, true, () -> null, (l, c) -> {
            l.setText(CallText.duration(c, clock.instant()));
            if (c.inProgress() != l.getStyleClass().contains("live-text")) {
                if (c.inProgress()) {
                    l.getStyleClass().add("live-text");
                } else {
                    l.getStyleClass().remove("live-text");
                }
            }
        });
        getColumns().setAll(java.util.List.of(time, from, to, path, state, duration));
        // all rows are as high as the first one laid out (the style decides); with the height fixed, the table need
        // not measure rows again whenever calls come, which cost the canvas frames under a busy line
        setRowFactory(t -> new TableRow<>() {
            @Override
            protected void layoutChildren() {
                super.layoutChildren();
                if (getFixedCellSize() <= 0 && !isEmpty() && getHeight() > 0) {
                    setFixedCellSize(getHeight());
                }
            }
        });
    }

    /** Wide enough for the longest state in the window's language ("Anrufer legte auf"). */
    private static double stateWidth() {
        double widest = 0;
        for (CallText.State st : CallText.State.values()) {
            javafx.scene.text.Text t = new javafx.scene.text.Text(st.text());
            t.setFont(javafx.scene.text.Font.font("Inter", 12));
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return Math.ceil(Math.max(80, widest + 16));
    }

    private TableColumn<LoggedCall, LoggedCall> column(String key, double width, boolean ticks,
                                                        Supplier<Node> graphic, BiConsumer<Label, LoggedCall> show) {
        TableColumn<LoggedCall, LoggedCall> col = new TableColumn<>(AppTexts.get(key));
        col.setId(key.replace('.', '-'));
        col.setPrefWidth(width);
        col.setMinWidth(width); // fits its longest text (a time with the live dot, a number, a state, 1:02:03)
        col.setMaxWidth(width);
        col.setResizable(false);
        col.setSortable(false);
        col.setCellValueFactory(f -> new ReadOnlyObjectWrapper<>(f.getValue()));
        col.setCellFactory(c -> {
            LabelCell cell = new LabelCell(graphic.get(), show);
            if (ticks) {
                ticking.add(cell);
            }
            return cell;
        });
        return col;
    }

    /**
     * Brings the durations and times of the live calls in the shown rows up to now: only those labels change, where
     * {@link #refresh} would make every cell of the table anew (and style it) once a second.
     */
    void tick() {
        for (LabelCell cell : ticking) {
            LoggedCall call = cell.getItem();
            if (call != null && !cell.isEmpty() && call.inProgress()) {
                cell.show.accept(cell.label, call);
            }
        }
    }

    /** A cell of one label that shows a text (and a graphic) of its call. */
    private static final class LabelCell extends TableCell<LoggedCall, LoggedCall> {
        private final Label label = new Label();
        private final BiConsumer<Label, LoggedCall> show;

        LabelCell(Node graphic, BiConsumer<Label, LoggedCall> show) {
            this.show = show;
            label.getStyleClass().add("tabular");
            label.setGraphic(graphic);
            label.setGraphicTextGap(6);
            setGraphic(label);
        }

        @Override
        protected void updateItem(LoggedCall item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            // the label stays in the cell, hidden (with its last text) while the cell is empty: taking it out and
            // putting it back, or emptying its text (which takes its text node out), would have the style of what
            // comes back looked up anew every time
            boolean none = empty || item == null;
            label.setVisible(!none);
            if (!none) {
                show.accept(label, item);
            }
        }
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
            setGraphic(box);
        }

        @Override
        protected void updateItem(LoggedCall call, boolean empty) {
            super.updateItem(call, empty);
            setText(null);
            box.setVisible(!empty && call != null); // kept in the cell, as the labels of the other columns
            if (empty || call == null) {
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
            // labels not needed now stay in the box, hidden and left out of its layout: taking them out and putting
            // them back would have their style looked up anew
            for (int i = used; i < pool.size(); i++) {
                Label l = pool.get(i);
                l.setText(null);
                l.setVisible(false);
                l.setManaged(false);
            }
        }

        private void label(int index, String styleClass, String text) {
            while (pool.size() <= index) {
                Label l = new Label();
                l.setMinWidth(Region.USE_PREF_SIZE);
                pool.add(l);
                box.getChildren().add(l);
            }
            Label l = pool.get(index);
            l.setText(text);
            l.setVisible(true);
            l.setManaged(true);
            if (!l.getStyleClass().contains(styleClass)) {
                l.getStyleClass().setAll("label", styleClass);
            }
        }
    }

    private static boolean passedOver(Flow flow, String nodeId) {
        String type = flow.nodeOrNull(nodeId).type();
        return IncomingCallType.ID.equals(type) || SwitchType.ID.equals(type);
    }
}
