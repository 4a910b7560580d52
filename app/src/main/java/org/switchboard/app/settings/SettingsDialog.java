package org.switchboard.app.settings;

import java.util.function.Consumer;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Theme;
import org.switchboard.engine.settings.SecretStore;

/**
 * The Settings dialog: language (applies after a restart, and says so), appearance (System, Light, Dark; applies at
 * once), the home country for phone numbers without a country code, the sipgate account (personal access token, kept
 * in the secrets file), the call log's retention and call notifications, whether converted sounds are trimmed of
 * silence, Run's port and automatic deploy, and whether the welcome dialog shows at start. OK stores the settings;
 * Cancel changes nothing.
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
        RunSettingsPane run = new RunSettingsPane(settings);

        VBox content = new VBox(6,
                title(AppTexts.get("settings.language")), language, restart, gap(),
                title(AppTexts.get("settings.theme")), theme, gap(),
                title(AppTexts.get("settings.homeCountry")), homeCountry, homeHelp, gap(),
                title(AppTexts.get("settings.sipgate")), sipgate, gap(),
                title(AppTexts.get("settings.calls")), calls, gap(),
                title(AppTexts.get("settings.sounds")), trim, gap(),
                title(AppTexts.get("settings.run")), run, gap(),
                title(AppTexts.get("settings.start")), welcome);
        content.setPadding(new Insets(4, 0, 4, 0));
        content.setPrefWidth(380);
        // as tall as its content, but never taller than the screen: the rest scrolls, so OK stays in reach
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("settings-scroll");
        setOnShowing(e -> {
            getDialogPane().applyCss();
            double screen = Screen.getPrimary().getVisualBounds().getHeight();
            scroll.setPrefViewportHeight(Math.min(content.prefHeight(380), Math.max(300, screen - 200)));
        });
        getDialogPane().setContent(scroll);
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
                run.apply(settings);
                save.run();
                applyTheme.accept(mode);
            }
            return button;
        });
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
