package org.switchboard.app.settings;

import javafx.geometry.Pos;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;

/**
 * The Calls part of Settings: how much of the kept call log stays (days and calls, 90 and 10,000 unless changed)
 * and whether incoming calls show a notification (off unless turned on).
 */
final class CallSettingsPane extends VBox {

    private final Spinner<Integer> days = new Spinner<>(1, 3650, 90);
    private final Spinner<Integer> calls = new Spinner<>(100, 100_000, 10_000, 1000);
    private final CheckBox notify = new CheckBox(AppTexts.get("settings.calls.notify"));

    /** @param desktop whether the desktop's own notifications can be reached, so the help can say so */
    CallSettingsPane(AppSettings settings, boolean desktop) {
        super(6);
        days.setId("settings-calls-days");
        calls.setId("settings-calls-max");
        notify.setId("settings-calls-notify");
        for (Spinner<Integer> s : java.util.List.of(days, calls)) {
            s.setEditable(true);
            s.setPrefWidth(110);
        }
        days.getValueFactory().setValue(settings.callLogDays());
        calls.getValueFactory().setValue(settings.callLogMaxCalls());
        notify.setSelected(settings.callNotifications());
        HBox keep = new HBox(6, new Label(AppTexts.get("settings.calls.keep")), days,
                new Label(AppTexts.get("settings.calls.days")));
        keep.setAlignment(Pos.CENTER_LEFT);
        HBox most = new HBox(6, new Label(AppTexts.get("settings.calls.atMost")), calls,
                new Label(AppTexts.get("settings.calls.calls")));
        most.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label(AppTexts.get(desktop ? "settings.calls.help.desktop" : "settings.calls.help.app"));
        help.getStyleClass().add("help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(keep, most, notify, help);
    }

    void apply(AppSettings settings) {
        settings.setCallLogRetention(days.getValue(), calls.getValue());
        settings.setCallNotifications(notify.isSelected());
    }
}
