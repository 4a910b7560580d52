package org.switchboard.app.settings;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Theme;
import org.switchboard.engine.settings.SecretStore;

/**
 * The Settings dialog: language (applies after a restart, and says so), appearance (System, Light, Dark; applies at
 * once), the home country for phone numbers without a country code, the sipgate account (personal access token, kept
 * in the secrets file), the call log's retention and call notifications, whether converted sounds are trimmed of
 * silence and whether the welcome dialog shows at start. OK stores the settings; Cancel changes nothing.
 */
public final class SettingsDialog extends Dialog<ButtonType> {

    public SettingsDialog(Window owner, Theme look, AppSettings settings, Runnable save,
                          Consumer<ThemeMode> applyTheme) {
        this(owner, look, settings, save, applyTheme, false);
    }

    /** @param desktopNotifications whether call notifications can also come from the desktop (notify-send) */
    public SettingsDialog(Window owner, Theme look, AppSettings settings, Runnable save,
                          Consumer<ThemeMode> applyTheme, boolean desktopNotifications) {
        initOwner(owner);
        setTitle(AppTexts.get("settings.title"));
        setHeaderText(null);
        look.style(this);
        getDialogPane().setId("settings-dialog");
        getDialogPane().getStyleClass().add("settings-dialog");

        ComboBox<Language> language = new ComboBox<>();
        language.setId("settings-language");
        language.getItems().setAll(Language.values());
        LabelledComboBox.label(language, l -> l == null ? "" : AppTexts.get("settings.language." + l.id()));
        language.setValue(settings.language());
        language.setMaxWidth(Double.MAX_VALUE);
        Label restart = new Label(AppTexts.get("settings.language.restart"));
        restart.getStyleClass().add("help");
        restart.setWrapText(true);
        restart.setMinHeight(Region.USE_PREF_SIZE);

        ToggleGroup themes = new ToggleGroup();
        HBox theme = new HBox(2);
        theme.getStyleClass().add("segmented");
        for (ThemeMode mode : ThemeMode.values()) {
            ToggleButton b = new ToggleButton(AppTexts.get("settings.theme." + mode.id()));
            b.setId("settings-theme-" + mode.id());
            b.getStyleClass().addAll("segment", "medium");
            b.setUserData(mode);
            b.setToggleGroup(themes);
            b.setSelected(mode == settings.theme());
            b.setMaxWidth(Double.MAX_VALUE);
            b.setOnAction(e -> b.setSelected(true));
            HBox.setHgrow(b, Priority.ALWAYS);
            theme.getChildren().add(b);
        }

        CheckBox welcome = new CheckBox(AppTexts.get("settings.welcome"));
        welcome.setId("settings-welcome");
        welcome.setSelected(settings.showWelcome());

        ComboBox<String> homeCountry = HomeCountries.comboBox(settings.homeCountry());
        Label homeHelp = new Label(AppTexts.get("settings.homeCountry.help"));
        homeHelp.getStyleClass().add("help");
        homeHelp.setWrapText(true);
        homeHelp.setMinHeight(Region.USE_PREF_SIZE);
        SipgateAccountPane sipgate = new SipgateAccountPane(SecretStore.standard());
        CallSettingsPane calls = new CallSettingsPane(settings, desktopNotifications);
        CheckBox trim = new CheckBox(AppTexts.get("settings.sounds.trim"));
        trim.setId("settings-trimSilence");
        trim.setSelected(settings.trimSilence());
        trim.setWrapText(true);
        trim.setMinHeight(Region.USE_PREF_SIZE);

        VBox content = new VBox(6,
                title(AppTexts.get("settings.language")), language, restart, gap(),
                title(AppTexts.get("settings.theme")), theme, gap(),
                title(AppTexts.get("settings.homeCountry")), homeCountry, homeHelp, gap(),
                title(AppTexts.get("settings.sipgate")), sipgate, gap(),
                title(AppTexts.get("settings.calls")), calls, gap(),
                title(AppTexts.get("settings.sounds")), trim, gap(),
                title(AppTexts.get("settings.start")), welcome);
        content.setPadding(new Insets(4, 0, 4, 0));
        content.setPrefWidth(380);
        getDialogPane().setContent(scrolling(content));
        getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);

        // a secrets file that cannot be written keeps the dialog open with the reason shown, so nothing typed is lost
        getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            try {
                sipgate.save();
            } catch (java.io.IOException failed) {
                e.consume();
            }
        });
        setResultConverter(button -> {
            if (button == ButtonType.OK) {
                settings.setHomeCountry(homeCountry.getValue());
                settings.setLanguage(language.getValue());
                ThemeMode mode = (ThemeMode) themes.getSelectedToggle().getUserData();
                settings.setTheme(mode);
                settings.setShowWelcome(welcome.isSelected());
                calls.apply(settings);
                settings.setTrimSilence(trim.isSelected());
                save.run();
                applyTheme.accept(mode);
            }
            return button;
        });
    }

    /** The sections scroll when they are taller than the screen has room for, so OK and Cancel stay in view. */
    private static javafx.scene.control.ScrollPane scrolling(VBox content) {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        double room = Math.max(300, javafx.stage.Screen.getPrimary().getVisualBounds().getHeight() - 200);
        scroll.prefViewportHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(room, content.prefHeight(content.getPrefWidth())), content.layoutBoundsProperty()));
        return scroll;
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("field-title", "semibold");
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinHeight(10);
        return r;
    }
}
