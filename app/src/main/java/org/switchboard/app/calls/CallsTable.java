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
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
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

    /** The Time column's width while all calls listed are of today ("14:32" with the live dot). */
    private static final double TODAY_WIDTH = 60;
    private final TableColumn<LoggedCall, LoggedCall> time;
    private final double earlierWidth = earlierWidth();

    /** The cells whose text runs with the clock (weakly: the table may make its cells anew). */
    private final Set<LabelCell> ticking = Collections.newSetFromMap(new WeakHashMap<>());

    CallsTable(Supplier<Flow> flow, Clock clock) {
        setId("calls-table");
        getStyleClass().add("calls-table");
        setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS); // only Path grows (the rest is fixed)
        setPlaceholder(new Label(AppTexts.get("calls.none")));
        // cells keep their nodes and only change texts and classes: rows shift on every new call, and making new
        // nodes (and styling them) for every visible cell several times a second would cost the canvas its frames
        time = column("calls.col.time", TODAY_WIDTH, true, () -> {
            Label dot = new Label();
            dot.getStyleClass().add("live-dot");
            return dot;
        }, (l, c) -> {
            // the dot comes and goes as the label's graphic: a label lays out a graphic that became visible again
            // only when its own text changes too, and a time often stays the same as its row shows another call
            Node dot = (Node) l.getProperties().get(LabelCell.GRAPHIC);
            if ((l.getGraphic() != null) != c.inProgress()) {
                l.setGraphic(c.inProgress() ? dot : null);
            }
            l.setText(CallText.listTime(c.start(), clock.instant()));
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

    /**
     * Makes the Time column as wide as the start of a call of an earlier day needs ("28 Sep 22:58") while such a call
     * is listed, and narrow (today's times only) otherwise, so that the path has the room.
     */
    void fitTime(boolean earlierDays) {
        double w = earlierDays ? earlierWidth : TODAY_WIDTH;
        if (time.getPrefWidth() != w) {
            time.setMinWidth(w);
            time.setMaxWidth(w);
            time.setPrefWidth(w);
        }
    }

    /** Wide enough for the longest start of an earlier day in the window's language. */
    private static double earlierWidth() {
        double widest = 0;
        java.time.ZoneId zone = java.time.ZoneId.systemDefault();
        for (int month = 1; month <= 12; month++) {
            java.time.ZonedDateTime day = java.time.LocalDateTime.of(2026, month, 28, 22, 58).atZone(zone);
            widest = Math.max(widest, textWidth(CallText.earlierDays().format(day)));
        }
        return Math.ceil(Math.max(TODAY_WIDTH, widest + 16));
    }

    private static double textWidth(String text) {
        javafx.scene.text.Text t = new javafx.scene.text.Text(text);
        t.setFont(javafx.scene.text.Font.font("Inter", 12));
        return t.getLayoutBounds().getWidth();
    }

    /** Wide enough for the longest state in the window's language ("Anrufer legte auf"). */
    private static double stateWidth() {
        double widest = 0;
        for (CallText.State st : CallText.State.values()) {
            widest = Math.max(widest, textWidth(st.text()));
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

        /** The label's graphic as made for the cell (kept there while the label shows none). */
        static final String GRAPHIC = "switchboard.graphic";

        LabelCell(Node graphic, BiConsumer<Label, LoggedCall> show) {
            this.show = show;
            label.getStyleClass().add("tabular");
            label.getProperties().put(GRAPHIC, graphic);
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

    /**
     * The path as chips (node names, the digits pressed), made from a pool of labels the cell keeps. A path longer
     * than the column ends in the first chip that does not fit, cut short with an ellipsis; the tooltip has it whole.
     */
    private static final class PathCell extends TableCell<LoggedCall, LoggedCall> {
        private final Supplier<Flow> flow;
        private final ChipRow box = new ChipRow();
        private final List<Label> pool = new ArrayList<>();
        private final Tooltip whole = new Tooltip();

        PathCell(Supplier<Flow> flow) {
            this.flow = flow;
            box.getStyleClass().add("path-chips");
            setGraphic(box);
        }

        @Override
        protected void updateItem(LoggedCall call, boolean empty) {
            super.updateItem(call, empty);
            setText(null);
            box.setVisible(!empty && call != null); // kept in the cell, as the labels of the other columns
            if (empty || call == null) {
                setTooltip(null);
                return;
            }
            Flow f = flow.get();
            whole.setText(CallText.path(call, f));
            setTooltip(whole.getText().isEmpty() ? null : whole);
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
                l.setEllipsisString("\u2026"); // the chip cut short at the column's end
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

    /**
     * Chips in a row, each as wide as it likes, left to right. The first that does not fit whole gets the room that
     * is left (its label then ends in an ellipsis) when that is enough for a few letters, and is left out otherwise
     * (with the separator before it); the chips after it are left out.
     */
    static final class ChipRow extends javafx.scene.layout.Pane {
        private static final double GAP = 4;
        private static final double MIN_CUT = 28;

        @Override
        protected double computePrefWidth(double height) {
            double w = 0;
            for (Node n : getManagedChildren()) {
                w += (w > 0 ? GAP : 0) + n.prefWidth(-1);
            }
            return w + snappedLeftInset() + snappedRightInset();
        }

        @Override
        protected double computePrefHeight(double width) {
            double h = 0;
            for (Node n : getManagedChildren()) {
                h = Math.max(h, n.prefHeight(-1));
            }
            return h + snappedTopInset() + snappedBottomInset();
        }

        @Override
        protected double computeMinWidth(double height) {
            return 0;
        }

        @Override
        protected void layoutChildren() {
            double x = snappedLeftInset();
            double right = getWidth() - snappedRightInset();
            double top = snappedTopInset();
            double room = getHeight() - top - snappedBottomInset();
            boolean ended = false;
            Node lastShown = null;
            for (Node n : getManagedChildren()) {
                if (ended) {
                    n.setVisible(false);
                    continue;
                }
                double w = snapSizeX(n.prefWidth(-1));
                double h = Math.min(room, snapSizeY(n.prefHeight(-1)));
                if (x + w > right) {
                    ended = true;
                    w = right - x;
                    if (w < MIN_CUT || n.getStyleClass().contains("path-sep")) {
                        n.setVisible(false);
                        continue;
                    }
                }
                n.setVisible(true);
                n.resizeRelocate(x, top + Math.floor((room - h) / 2), w, h);
                lastShown = n;
                x += w + GAP;
            }
            if (ended && lastShown != null && lastShown.getStyleClass().contains("path-sep")) {
                lastShown.setVisible(false); // no separator pointing at nothing
            }
        }
    }

    private static boolean passedOver(Flow flow, String nodeId) {
        String type = flow.nodeOrNull(nodeId).type();
        return IncomingCallType.ID.equals(type) || SwitchType.ID.equals(type);
    }
}
