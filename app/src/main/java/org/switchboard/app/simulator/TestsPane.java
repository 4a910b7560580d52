package org.switchboard.app.simulator;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;

/**
 * The Tests tab: the open flow's test calls with pass or fail and, for a failure, its first difference in plain
 * words; Run all tests, Generate tests, and whether they run again on every edit.
 */
public final class TestsPane extends VBox {

    public TestsPane(TestCalls tests) {
        getStyleClass().add("tests");
        getStylesheets().add(TestsPane.class.getResource("simulator.css").toExternalForm());
        setId("tests");
        Button run = new Button(AppTexts.get("tests.run"), Glyphs.ui("play", 13));
        run.setId("tests-run");
        run.getStyleClass().add("small-button");
        run.setOnAction(e -> tests.runAll());
        Button generate = new Button(AppTexts.get("tests.generate"), Glyphs.ui("bolt", 13));
        generate.setId("tests-generate");
        generate.getStyleClass().add("small-button");
        generate.setOnAction(e -> tests.generate());
        CheckBox rerun = new CheckBox(AppTexts.get("tests.rerun"));
        rerun.setId("tests-rerun");
        rerun.setSelected(tests.rerunOnEdit());
        rerun.selectedProperty().addListener((o, a, b) -> tests.setRerunOnEdit(b));
        Label summary = new Label();
        summary.setId("tests-summary");
        summary.getStyleClass().add("tests-summary");
        summary.textProperty().bind(Bindings.createStringBinding(() -> {
            if (tests.runningProperty().get()) {
                return AppTexts.get("tests.running");
            }
            long passed = tests.items().stream().filter(i -> Boolean.TRUE.equals(i.passed())).count();
            long failed = tests.items().stream().filter(i -> Boolean.FALSE.equals(i.passed())).count();
            return tests.items().isEmpty() ? "" : AppTexts.get("tests.summary", passed, failed);
        }, tests.items(), tests.runningProperty()));
        Label status = new Label();
        status.setId("tests-status");
        status.getStyleClass().add("sim-status");
        status.textProperty().bind(tests.statusProperty());
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        HBox bar = new HBox(8, run, generate, rerun, summary, status);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tests-bar");

        ListView<TestCalls.Item> list = new ListView<>(tests.items());
        list.setId("tests-list");
        list.getStyleClass().add("tests-list");
        Label empty = new Label(AppTexts.get("tests.none"), Glyphs.ui("info", 15));
        empty.setWrapText(true);
        empty.getStyleClass().add("problems-empty");
        list.setPlaceholder(empty);
        list.setCellFactory(v -> new TestCell(tests));
        VBox.setVgrow(list, Priority.ALWAYS);
        getChildren().addAll(bar, list);
    }

    private static final class TestCell extends ListCell<TestCalls.Item> {
        private final TestCalls tests;

        TestCell(TestCalls tests) {
            this.tests = tests;
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TestCalls.Item item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("pass", "fail");
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            boolean failed = Boolean.FALSE.equals(item.passed());
            if (item.passed() != null) {
                getStyleClass().add(failed ? "fail" : "pass");
            }
            Node icon = Glyphs.ui(item.passed() == null ? "clock" : failed ? "error" : "info", 15);
            icon.getStyleClass().add("test-icon");
            Label name = new Label(item.test().name());
            name.getStyleClass().addAll("test-name", "medium");
            Label state = new Label(AppTexts.get(item.passed() == null ? "tests.notRun"
                    : failed ? "tests.fail" : "tests.pass"));
            state.getStyleClass().add("test-state");
            state.setMinWidth(Region.USE_PREF_SIZE);
            VBox text = new VBox(2, name);
            if (failed && item.difference() != null) {
                Label diff = new Label(item.difference());
                diff.getStyleClass().add("test-difference");
                diff.setWrapText(true);
                diff.setMinWidth(0);
                text.getChildren().add(diff);
            }
            text.setMinWidth(0);
            HBox.setHgrow(text, Priority.ALWAYS);
            Button remove = new Button(null, Glyphs.ui("trash", 13));
            remove.getStyleClass().addAll("small-button", "row-remove");
            remove.setFocusTraversable(false);
            remove.setAccessibleText(AppTexts.get("tests.remove"));
            remove.setTooltip(new javafx.scene.control.Tooltip(AppTexts.get("tests.remove")));
            remove.setOnAction(e -> tests.remove(item.test()));
            HBox row = new HBox(10, icon, text, state, remove);
            row.setAlignment(Pos.CENTER_LEFT);
            row.getStyleClass().add("test-row");
            setGraphic(row);
            setText(null);
        }
    }
}
