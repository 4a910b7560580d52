package org.switchboard.app.inspector;

import java.time.Duration;
import java.util.function.Supplier;

import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.sounds.Background;
import org.switchboard.app.sounds.SoundPlayer;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.sounds.UrlCheck;

/**
 * Check and Listen for a sound URL, both off the FX thread. Check asks the address for the WAV header, as
 * {@code validate --check-sounds} does, and says in plain words whether it does not answer, is not in sipgate's
 * format, or is fine (with the format and length). Listen downloads the sound (at most {@link UrlCheck#MAX_DOWNLOAD}
 * and within the time limit) and plays exactly those bytes, as sipgate plays them; a file sipgate could not play is
 * not played but explained.
 */
final class UrlSoundActions extends VBox {

    /** How long an address may take; replaced in tests. */
    static Duration timeout = Duration.ofSeconds(10);

    private final Supplier<String> url;
    private final Messages messages;
    private final Button check = new Button(AppTexts.get("inspector.sound.check"));
    private final Button listen = new Button(AppTexts.get("inspector.sound.listen"));
    private final Label result = new Label();

    /** @param messages the language of the results */
    UrlSoundActions(String key, Supplier<String> url, Messages messages) {
        super(4);
        this.url = url;
        this.messages = messages;
        setId("sound-urlActions-" + key);
        check.setId("sound-check-" + key);
        listen.setId("sound-urlListen-" + key);
        check.getStyleClass().add("small-button");
        listen.getStyleClass().add("small-button");
        result.setId("sound-urlResult-" + key);
        result.setWrapText(true);
        SoundEditor.collapseWhenEmpty(result);
        check.setOnAction(e -> check());
        listen.setOnAction(e -> listen());
        getChildren().addAll(new HBox(6, check, listen), result);
    }

    /** The URL changed: an earlier result no longer applies; nothing to check without one. */
    void urlChanged(String now) {
        result.setText("");
        result.getStyleClass().removeAll("sound-ok", "sound-problem");
        boolean none = now == null || now.isBlank();
        check.setDisable(none);
        listen.setDisable(none);
    }

    private void check() {
        String address = url.get();
        busy(AppTexts.get("inspector.sound.checking"));
        Background.run("sound-check", () -> new UrlCheck(timeout, messages).check(address), (r, problem) -> {
            if (r == null) {
                show(false, problem);
            } else {
                show(r.ok(), r.message());
            }
        });
    }

    private void listen() {
        String address = url.get();
        busy(AppTexts.get("inspector.sound.downloading"));
        Background.run("sound-url-listen", () -> {
            byte[] wav = new UrlCheck(timeout, messages).download(address, UrlCheck.MAX_DOWNLOAD);
            return SoundPlayer.play(wav);
        }, (noOutput, problem) -> show(problem == null && noOutput == null,
                problem != null ? problem : noOutput != null ? noOutput : ""));
    }

    private void busy(String text) {
        check.setDisable(true);
        listen.setDisable(true);
        result.getStyleClass().removeAll("sound-ok", "sound-problem");
        result.setText(text);
    }

    private void show(boolean ok, String text) {
        check.setDisable(false);
        listen.setDisable(false);
        result.setText(text);
        result.getStyleClass().removeAll("sound-ok", "sound-problem");
        if (!text.isEmpty()) {
            result.getStyleClass().add(ok ? "sound-ok" : "sound-problem");
        }
    }
}
