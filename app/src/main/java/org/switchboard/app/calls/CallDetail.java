package org.switchboard.app.calls;

import java.util.Map;
import java.util.function.Supplier;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.flow.Flow;

/**
 * The selected call in detail: every push in order (event, time, how long the answer took, the fields sipgate sent,
 * what went wrong in plain words) and the exact XML answered to the push chosen in the list (the last one at first),
 * with Copy.
 */
final class CallDetail extends VBox {

    private final Supplier<Flow> flow;
    private final Label title = new Label();
    private final ListView<LoggedCall.Push> pushes = new ListView<>();
    private final Label xmlTitle = new Label();
    private final TextArea xml = new TextArea();
    private final Button copy = new Button(AppTexts.get("calls.copy"), Glyphs.ui("copy", 13));
    private LoggedCall call;

    CallDetail(Supplier<Flow> flow) {
        this.flow = flow;
        getStyleClass().add("call-detail");
        setId("call-detail");
        title.getStyleClass().addAll("call-detail-title", "semibold");
        title.setId("call-detail-title");
        title.setMaxWidth(Double.MAX_VALUE);
        pushes.setId("call-pushes");
        pushes.getStyleClass().add("call-pushes");
        pushes.setCellFactory(v -> new PushCell());
        pushes.setPlaceholder(new Label(AppTexts.get("calls.detail.none")));
        pushes.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> showXml(b));
        xmlTitle.getStyleClass().add("call-xml-title");
        xmlTitle.setId("call-xml-title");
        xml.setId("call-xml");
        xml.getStyleClass().add("call-xml");
        xml.setEditable(false);
        xml.setWrapText(false);
        copy.setId("call-xml-copy");
        copy.getStyleClass().add("small-button");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(xml.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        copy.disableProperty().bind(xml.textProperty().isEmpty());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox xmlBar = new HBox(6, xmlTitle, gap, copy);
        xmlBar.setAlignment(Pos.CENTER_LEFT);
        xmlBar.getStyleClass().add("call-xml-bar");
        VBox.setVgrow(pushes, Priority.ALWAYS);
        VBox.setVgrow(xml, Priority.ALWAYS);
        pushes.setPrefHeight(90);
        xml.setPrefHeight(90);
        getChildren().addAll(title, pushes, xmlBar, xml);
        show(null);
    }

    /** Shows {@code c} (null: nothing selected); the same call again keeps the chosen push unless it was the last. */
    void show(LoggedCall c) {
        boolean same = call != null && c != null && call.callId().equals(c.callId());
        int chosen = pushes.getSelectionModel().getSelectedIndex();
        boolean followLast = !same || chosen < 0 || chosen == pushes.getItems().size() - 1;
        call = c;
        if (c == null) {
            title.setText(AppTexts.get("calls.detail.empty"));
            pushes.getItems().clear();
            showXml(null);
            return;
        }
        title.setText(AppTexts.get("calls.detail.title", CallText.number(c.from()), CallText.number(c.to()),
                CallText.state(c).text()));
        pushes.getItems().setAll(c.pushes());
        if (!c.pushes().isEmpty()) {
            int at = followLast ? c.pushes().size() - 1 : Math.min(chosen, c.pushes().size() - 1);
            pushes.getSelectionModel().select(at);
            if (followLast) {
                pushes.scrollTo(at);
            }
        }
    }

    LoggedCall call() {
        return call;
    }

    private void showXml(LoggedCall.Push p) {
        if (p == null) {
            xmlTitle.setText(AppTexts.get("calls.xml"));
            xml.setText("");
            return;
        }
        xmlTitle.setText(AppTexts.get("calls.xml.to", p.event(), CallText.time(p.time()), PushExplainer.took(p)));
        xml.setText(p.xml() == null ? "" : p.xml());
    }

    /** One push: time, event, how long the answer took; the fields; plain-word problems. */
    private final class PushCell extends ListCell<LoggedCall.Push> {
        @Override
        protected void updateItem(LoggedCall.Push p, boolean empty) {
            super.updateItem(p, empty);
            getStyleClass().remove("push-problem");
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label head = new Label(CallText.time(p.time()) + "  " + p.event()
                    + (PushExplainer.took(p).isEmpty() ? "" : "  \u00B7  " + AppTexts.get("calls.took",
                    PushExplainer.took(p))));
            head.getStyleClass().add("semibold");
            StringBuilder fields = new StringBuilder();
            for (Map.Entry<String, String> f : p.fields().entrySet()) {
                if (!fields.isEmpty()) {
                    fields.append("  ");
                }
                fields.append(f.getKey()).append('=').append(f.getValue());
            }
            Label fieldLine = new Label(fields.toString());
            fieldLine.getStyleClass().addAll("push-fields", "mono");
            VBox box = new VBox(2, head, fieldLine);
            for (String problem : PushExplainer.explain(p, flow.get())) {
                Label l = new Label(problem, Glyphs.ui("warn", 12));
                l.getStyleClass().add("push-problem-text");
                l.setWrapText(true);
                box.getChildren().add(l);
                getStyleClass().add("push-problem");
            }
            setText(null);
            setGraphic(box);
        }
    }
}
