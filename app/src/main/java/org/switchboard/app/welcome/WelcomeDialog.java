package org.switchboard.app.welcome;

import java.util.function.BiConsumer;

import javafx.application.HostServices;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.settings.AppSettings;
import org.switchboard.app.ui.Glyphs;
import org.switchboard.app.ui.Theme;
import org.switchboard.app.welcome.Samples.Sample;

/**
 * Shown on the very first start (and from Help ▸ Welcome): what Switchboard does, how to start today, the bundled
 * sample flows as cards that open them, a link to the help, and "Don't show again". It offers nothing that does not
 * exist yet.
 */
public final class WelcomeDialog extends Dialog<ButtonType> {

    private static final double CARD_WIDTH = 192;

    /**
     * @param openSample opens a sample: its classpath resource and file name
     * @param openHelp   opens the help (the README on the project site)
     */
    public WelcomeDialog(Window owner, Theme theme, AppSettings settings, Runnable saveSettings, HostServices host,
                         BiConsumer<String, String> openSample, Runnable openHelp) {
        initOwner(owner);
        // not modal: the window behind stays usable (and closable) while the welcome is open
        initModality(Modality.NONE);
        setTitle(AppTexts.get("welcome.title"));
        setHeaderText(null);
        theme.style(this);
        getDialogPane().setId("welcome-dialog");
        getDialogPane().getStyleClass().add("welcome");

        Label title = new Label(AppTexts.get("welcome.heading"));
        title.getStyleClass().addAll("welcome-title", "semibold");
        Label lead = wrapped(AppTexts.get("welcome.lead"), "welcome-lead");

        VBox steps = new VBox(8,
                step("1", AppTexts.get("welcome.step.sample")),
                step("2", AppTexts.get("welcome.step.empty")),
                step("3", AppTexts.get("welcome.step.test")));

        TilePane cards = new TilePane(10, 10);
        cards.setPrefColumns(3);
        cards.setPrefTileWidth(CARD_WIDTH);
        cards.getStyleClass().add("sample-cards");
        for (Sample s : Samples.list()) {
            cards.getChildren().add(card(s, openSample));
        }

        Hyperlink help = new Hyperlink(AppTexts.get("welcome.help"));
        help.setId("welcome-help");
        help.setGraphic(Glyphs.ui("external", 14));
        help.setOnAction(e -> openHelp.run());
        help.setDisable(host == null);

        CheckBox dontShow = new CheckBox(AppTexts.get("welcome.dontShow"));
        dontShow.setId("welcome-dont-show");
        dontShow.setSelected(!settings.showWelcome());

        VBox content = new VBox(14, title, lead,
                section(AppTexts.get("welcome.start")), steps,
                section(AppTexts.get("welcome.samples")), cards,
                help);
        // three cards and their gaps, plus the content's own padding (app.css: 28 left and right)
        content.setPrefWidth(3 * CARD_WIDTH + 2 * 10 + 2 * 28);
        getDialogPane().setContent(content);
        ButtonType start = new ButtonType(AppTexts.get("welcome.close"), ButtonType.CLOSE.getButtonData());
        getDialogPane().getButtonTypes().setAll(start);
        getDialogPane().lookupButton(start).getStyleClass().add("accent");
        content.getChildren().add(dontShow);

        setOnHidden(e -> {
            settings.setShowWelcome(!dontShow.isSelected());
            saveSettings.run();
        });
    }

    private Region card(Sample s, BiConsumer<String, String> openSample) {
        Label name = new Label(s.title());
        name.getStyleClass().addAll("sample-name", "semibold");
        String key = "sample." + s.key() + ".description";
        Label text = wrapped(AppTexts.has(key) ? AppTexts.get(key)
                : AppTexts.get("welcome.sample.nodes", s.flow().nodes().size()), "help");
        Label open = new Label(AppTexts.get("welcome.sample.open"), Glyphs.ui("arrow-r", 13));
        open.setContentDisplay(javafx.scene.control.ContentDisplay.RIGHT);
        open.getStyleClass().add("sample-open");
        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        VBox card = new VBox(6, name, text, spacer, open);
        card.getStyleClass().add("sample-card");
        card.setId("sample-" + s.key());
        card.setPrefWidth(CARD_WIDTH);
        card.setOnMouseClicked(e -> {
            close();
            openSample.accept(s.resource(), s.fileName());
        });
        return card;
    }

    private static HBox step(String number, String text) {
        Label n = new Label(number);
        n.getStyleClass().addAll("step-number", "semibold");
        n.setMinWidth(Region.USE_PREF_SIZE);
        Label t = wrapped(text, "step-text");
        HBox.setHgrow(t, Priority.ALWAYS);
        HBox row = new HBox(10, n, t);
        row.setAlignment(Pos.TOP_LEFT);
        return row;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().addAll("section-title", "semibold");
        return l;
    }

    private static Label wrapped(String text, String style) {
        Label l = new Label(text);
        l.getStyleClass().add(style);
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
