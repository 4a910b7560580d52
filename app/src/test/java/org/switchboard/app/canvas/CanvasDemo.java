package org.switchboard.app.canvas;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.switchboard.app.document.EditorDocument;
import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.FlowNode;
import org.switchboard.engine.flow.Wire;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.SwitchRule;

/**
 * A throwaway window for looking at the canvas: the family menu in a 1200×700 stage. Arguments: {@code dark},
 * {@code de}, {@code warn} (Anna's number without country code), {@code export=<file.png>}.
 */
public final class CanvasDemo {

    private CanvasDemo() {
    }

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The family menu from the design brief, laid out like the mockup. */
    static Flow familyMenu(boolean warn) {
        NodeTypes t = NodeTypes.standard();
        FlowNode in = t.get("incomingCall").newNode("in1", 40, 220);
        FlowNode gather = t.get("gather").newNode("gather1", 260, 220).withName("Main menu")
                .withProperty("prompt", "https://example.org/audio/main-menu.wav")
                .withProperty("maxDigits", 1L).withProperty("timeout", 5000L);
        FlowNode sw = t.get("switch").newNode("switch1", 520, 220).withProperty("field", "digits")
                .withProperty("rules", List.of(SwitchRule.data(SwitchRule.Op.EQUALS, "1"),
                        SwitchRule.data(SwitchRule.Op.EQUALS, "2")));
        FlowNode anna = t.get("dial").newNode("dial1", 740, 60).withName("Anna")
                .withProperty("numbers", List.of(warn ? "0151 2345678" : "+49 151 23456789"));
        FlowNode ben = t.get("dial").newNode("dial2", 740, 240).withName("Ben")
                .withProperty("numbers", List.of("+49 160 9876543"));
        FlowNode play = t.get("play").newNode("play1", 740, 420).withName("Sorry")
                .withProperty("url", "https://example.org/audio/sorry.wav");
        FlowNode hang = t.get("hangup").newNode("hangup1", 960, 420);
        return Flow.of("Family menu", List.of(in, gather, sw, anna, ben, play, hang), List.of(
                new Wire("in1", "call", "gather1"), new Wire("gather1", "digits", "switch1"),
                new Wire("switch1", "1", "dial1"), new Wire("switch1", "2", "dial2"),
                new Wire("switch1", "otherwise", "play1"), new Wire("play1", "next", "hangup1")));
    }

    /** The JavaFX application behind {@link #main}. */
    public static final class App extends Application {

        @Override
        public void start(Stage stage) throws Exception {
            Set<String> opts = Set.copyOf(getParameters().getRaw());
            boolean dark = opts.contains("dark");
            if (opts.contains("de")) {
                AppTexts.setLocale(Locale.GERMAN);
            }
            // AtlantaFX 2.1.0's classes are built for Java 21; its stylesheets load fine on 17.
            Application.setUserAgentStylesheet(CanvasDemo.class.getResource("/atlantafx/base/theme/primer-"
                    + (dark ? "dark" : "light") + ".css").toExternalForm());
            EditorDocument doc = EditorDocument.checkedBy(NodeTypes.standard(), AppTexts.engine());
            doc.reset(opts.contains("big") ? CanvasBenchmark.bigFlow(CanvasBenchmark.NODES)
                    : familyMenu(opts.contains("warn")), null, true);
            FlowCanvas canvas = new FlowCanvas(doc, NodeTypes.standard(), AppTexts.engine());
            StackPane root = new StackPane(canvas);
            if (dark) {
                root.getStyleClass().add("dark");
            }
            stage.setScene(new Scene(root, 1200, 700));
            stage.setTitle("Canvas demo");
            stage.setX(0);
            stage.setY(0);
            stage.show();
            doc.select(List.of("gather1"));
            Map<String, String> named = new java.util.HashMap<>();
            for (String o : opts) {
                int eq = o.indexOf('=');
                if (eq > 0) {
                    named.put(o.substring(0, eq), o.substring(eq + 1));
                }
            }
            if (named.containsKey("zoom")) {
                canvas.zoomProperty().set(Double.parseDouble(named.get("zoom")));
            }
            if (opts.contains("fit")) {
                Platform.runLater(canvas::zoomToFit);
            }
            if (opts.contains("quickadd")) {
                Platform.runLater(() -> canvas.mouse().openQuickAdd("gather1", "digits",
                        new javafx.geometry.Point2D(560, 560), () -> { }));
            }
            if (named.containsKey("export")) {
                Platform.runLater(() -> {
                    try {
                        canvas.exportPng(Path.of(named.get("export")), 2);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
            }
        }
    }
}
