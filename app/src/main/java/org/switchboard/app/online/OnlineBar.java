package org.switchboard.app.online;

import java.util.List;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.util.Duration;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.live.LiveRun;
import org.switchboard.app.ui.CompactButtons;
import org.switchboard.app.ui.Glyphs;

/**
 * The toolbar's online controls, as drawn in the design: offline a primary <em>Go online</em> button (enabled while
 * the flow runs); online a green URL chip (pulse, lock, the webhook URL, a <em>Copy</em> segment), <em>Use in
 * sipgate</em> and <em>Go offline</em>. While the tunnel reconnects the chip turns amber and says so. A view only:
 * it follows {@link LiveRun}'s state and the URL it is given, and hands clicks to the {@link OnlineController}.
 */
final class OnlineBar extends HBox {

    private final Button go = new Button(AppTexts.get("online.go"));
    private final HBox chip = new HBox();
    private final Label url = new Label();
    private final Label lead = new Label();
    private final Button copy = new Button(AppTexts.get("online.copy"));
    private final Button use = new Button(AppTexts.get("online.use"));
    private final Button offline = new Button(AppTexts.get("online.offline"));
    private final StringProperty webhookUrl = new SimpleStringProperty(this, "webhookUrl", "");
    private final BooleanProperty busy = new SimpleBooleanProperty(this, "busy");
    private final Tooltip goTip = tip(AppTexts.get("online.go.tip"));

    OnlineBar(OnlineController controller, LiveRun run) {
        super(8);
        setId("online-bar");
        getStyleClass().add("online-bar");
        setAlignment(Pos.CENTER_LEFT);
        setMinWidth(Region.USE_COMPUTED_SIZE); // the labels give way (with an ellipsis) before the window does

        go.setId("go-online");
        go.getStyleClass().addAll("primary-button", "semibold");
        go.setGraphic(Glyphs.ui("globe", 15));
        go.setOnAction(e -> controller.goOnline());
        go.setTooltip(goTip);

        Region pulse = new Region();
        pulse.getStyleClass().add("pulse");
        lead.setId("online-state");
        lead.setGraphic(pulse);
        lead.getStyleClass().addAll("chip-lead", "semibold");
        url.setId("online-url");
        url.getStyleClass().add("chip-url");
        url.setGraphic(Glyphs.ui("lock", 13));
        url.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        url.setMaxWidth(230);
        url.setPrefWidth(200); // the whole URL is in Copy and the tooltip; the buttons keep their words
        url.setMinWidth(140); // the chip gives way first when the toolbar runs out of room, down to a readable URL
        url.textProperty().bind(webhookUrl);
        url.setTooltip(tip(AppTexts.get("online.url.tip")));
        copy.setId("online-copy");
        copy.getStyleClass().addAll("chip-copy", "medium");
        copy.setGraphic(Glyphs.ui("copy", 14));
        copy.setTooltip(tip(AppTexts.get("online.copy.tip")));
        copy.setOnAction(e -> controller.copyUrl());
        copy.setFocusTraversable(false);
        copy.setMinWidth(Region.USE_PREF_SIZE);
        lead.setMinWidth(Region.USE_PREF_SIZE);
        chip.setId("online-chip");
        chip.getStyleClass().add("url-chip");
        chip.setAlignment(Pos.CENTER_LEFT);
        chip.getChildren().addAll(lead, url, copy);

        use.setId("use-in-sipgate");
        use.getStyleClass().addAll("plain-button", "medium");
        use.setGraphic(Glyphs.ui("external", 15));
        use.setTooltip(tip(AppTexts.get("online.use.tip")));
        use.setOnAction(e -> controller.useInSipgate());
        offline.setId("go-offline");
        offline.getStyleClass().addAll("plain-button", "medium");
        offline.setTooltip(tip(AppTexts.get("online.offline.tip")));
        offline.setOnAction(e -> controller.goOffline());
        go.setMinWidth(Region.USE_PREF_SIZE);
        for (Button b : new Button[] {go, use, offline}) {
            b.setFocusTraversable(false);
        }
        // "Use in sipgate" and "Go offline" keep their words until the toolbar is short of room, then their icons
        use.setMinWidth(Region.USE_PREF_SIZE);
        offline.setMinWidth(Region.USE_PREF_SIZE);
        offline.setGraphic(Glyphs.ui("close", 14));
        CompactButtons.watch(this, use, offline);

        // the ngrok settings (authtoken, region, domain, signature check) stay reachable after the first time
        javafx.scene.control.MenuItem ngrok = new javafx.scene.control.MenuItem(AppTexts.get("online.settings"));
        ngrok.setId("online-settings");
        ngrok.setOnAction(e -> controller.ngrokSettings());
        javafx.scene.control.ContextMenu menu = new javafx.scene.control.ContextMenu(ngrok);
        go.setContextMenu(menu);
        chip.setOnContextMenuRequested(e -> menu.show(chip, e.getScreenX(), e.getScreenY()));

        run.statusProperty().addListener((o, was, now) -> show(now));
        busy.addListener((o, was, now) -> show(run.getStatus()));
        show(run.getStatus());
    }

    private void show(LiveRun.Status status) {
        boolean online = status.state() == LiveRun.State.ONLINE || status.state() == LiveRun.State.RECONNECTING;
        boolean reconnecting = status.state() == LiveRun.State.RECONNECTING;
        go.setDisable(busy.get() || status.state() != LiveRun.State.RUNNING);
        go.setText(AppTexts.get(busy.get() ? "online.connecting" : "online.go"));
        goTip.setText(AppTexts.get(status.serving() ? "online.go.tip" : "online.go.notRunning"));
        lead.setText(reconnecting ? AppTexts.get("online.reconnecting") : "");
        lead.setTooltip(reconnecting && status.reason() != null ? tip(status.reason()) : null);
        chip.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("reconnecting"), reconnecting);
        List<Node> wanted = online ? List.of(chip, use, offline) : List.of(go);
        if (!getChildren().equals(wanted)) { // status updates come often; the controls change only with the state
            getChildren().setAll(wanted);
        }
    }

    /** The URL shown in the chip (and copied). */
    StringProperty webhookUrlProperty() {
        return webhookUrl;
    }

    /** While true, Go online shows "Connecting …" and cannot be pressed again. */
    BooleanProperty busyProperty() {
        return busy;
    }

    /** Shows "Copied" on the Copy segment for a moment. */
    void flashCopied() {
        copy.setText(AppTexts.get("online.copied"));
        javafx.animation.PauseTransition back = new javafx.animation.PauseTransition(Duration.seconds(1.5));
        back.setOnFinished(e -> copy.setText(AppTexts.get("online.copy")));
        back.play();
    }

    private static Tooltip tip(String text) {
        Tooltip t = new Tooltip(text);
        t.setShowDelay(Duration.millis(400));
        t.setWrapText(true);
        t.setMaxWidth(360);
        return t;
    }
}
