package org.switchboard.app.settings;

import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextFormatter;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;

import org.switchboard.app.i18n.AppTexts;

/**
 * The Run part of the Settings dialog: the port the embedded server listens on (127.0.0.1 only; used at the next
 * Run) and whether every valid edit is deployed at once while the flow runs.
 */
final class RunSettingsPane extends VBox {

    private final TextField port = new TextField();
    private final CheckBox autoDeploy = new CheckBox(AppTexts.get("settings.run.autoDeploy"));

    RunSettingsPane(AppSettings settings) {
        super(6);
        port.setId("settings-run-port");
        port.setPrefColumnCount(6);
        port.setMaxWidth(100);
        // digits only, at most five
        port.setTextFormatter(new TextFormatter<String>(change -> change.getControlNewText().matches("\\d{0,5}")
                ? change : null));
        port.setText(Integer.toString(settings.runPort()));
        Label portLabel = new Label(AppTexts.get("settings.run.port"));
        portLabel.setLabelFor(port);
        HBox portRow = new HBox(8, portLabel, port);
        portRow.setAlignment(Pos.CENTER_LEFT);
        Label help = new Label(AppTexts.get("settings.run.port.help"));
        help.getStyleClass().add("help");
        help.setWrapText(true);
        help.setMinHeight(Region.USE_PREF_SIZE);
        autoDeploy.setId("settings-run-auto-deploy");
        autoDeploy.setSelected(settings.autoDeploy());
        autoDeploy.setWrapText(true);
        getChildren().addAll(portRow, help, autoDeploy);
    }

    /** Writes the choices into the settings; a port outside 1–65535 keeps the one stored. */
    void apply(AppSettings settings) {
        try {
            int p = Integer.parseInt(port.getText());
            if (p >= 1 && p <= 65_535) {
                settings.setRunPort(p);
            }
        } catch (NumberFormatException empty) {
            // nothing typed: keep the stored port
        }
        settings.setAutoDeploy(autoDeploy.isSelected());
    }
}
