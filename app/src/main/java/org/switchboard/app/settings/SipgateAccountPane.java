package org.switchboard.app.settings;

import java.io.IOException;
import java.net.URI;
import java.util.Map;

import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.settings.SecretStore;
import org.switchboard.engine.sipgate.RestResult;
import org.switchboard.engine.sipgate.SipgateCredentials;
import org.switchboard.engine.sipgate.SipgateRestClient;

/**
 * The sipgate account part of Settings: the personal access token (token id and token), the REST API address, which
 * scope each feature needs, and a Check button that asks sipgate who the token belongs to
 * ({@code GET /authorization/userinfo}) on a background thread. The values live in the per-user secrets file
 * ({@link SecretStore}, readable only by the user), where {@code run} and the engine read them too; they are written
 * only by {@link #save()}, and the token is never shown in a message.
 */
public final class SipgateAccountPane extends VBox {

    private final SecretStore secrets;
    private final TextField tokenId = new TextField();
    private final PasswordField token = new PasswordField();
    private final TextField apiUrl = new TextField();
    private final Label result = new Label();
    private final Button check = new Button(AppTexts.get("settings.sipgate.check"));

    public SipgateAccountPane(SecretStore secrets) {
        super(6);
        this.secrets = secrets;
        tokenId.setId("settings-sipgate-token-id");
        tokenId.setPromptText("token-AB12CD");
        token.setId("settings-sipgate-token");
        token.setPromptText(AppTexts.get("settings.sipgate.token.prompt"));
        apiUrl.setId("settings-sipgate-api");
        apiUrl.setPromptText(SipgateRestClient.DEFAULT_BASE.toString());
        check.setId("settings-sipgate-check");
        check.getStyleClass().add("medium");
        check.setOnAction(e -> check());
        result.setId("settings-sipgate-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        Label scopes = help(AppTexts.get("settings.sipgate.scopes"));
        Label where = help(AppTexts.get("settings.sipgate.where"));
        HBox checkRow = new HBox(8, check, result);
        checkRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(result, Priority.ALWAYS);
        getChildren().addAll(field(AppTexts.get("settings.sipgate.tokenId")), tokenId,
                field(AppTexts.get("settings.sipgate.token")), token,
                field(AppTexts.get("settings.sipgate.api")), apiUrl, scopes, checkRow, where);
        load();
    }

    private void load() {
        try {
            Map<String, String> all = secrets.readAll();
            tokenId.setText(all.getOrDefault(SecretStore.SIPGATE_TOKEN_ID, ""));
            token.setText(all.getOrDefault(SecretStore.SIPGATE_TOKEN, ""));
            apiUrl.setText(all.getOrDefault(SecretStore.SIPGATE_API_URL, ""));
        } catch (IOException e) {
            showResult(false, e.getMessage());
        }
    }

    /** Writes the three values (an empty field removes its entry); a failure is shown here and thrown. */
    public void save() throws IOException {
        try {
            secrets.put(SecretStore.SIPGATE_TOKEN_ID, tokenId.getText().strip());
            secrets.put(SecretStore.SIPGATE_TOKEN, token.getText().strip());
            secrets.put(SecretStore.SIPGATE_API_URL, apiUrl.getText().strip());
        } catch (IOException e) {
            showResult(false, e.getMessage());
            throw e;
        }
    }

    private void check() {
        SipgateRestClient client;
        try {
            String api = apiUrl.getText().strip();
            client = new SipgateRestClient(api.isEmpty() ? null : URI.create(api),
                    new SipgateCredentials(tokenId.getText(), token.getText()));
        } catch (IllegalArgumentException e) {
            showResult(false, e.getMessage());
            return;
        }
        check.setDisable(true);
        result.setText(AppTexts.get("settings.sipgate.checking"));
        Thread t = new Thread(() -> {
            RestResult r = client.userInfo();
            Platform.runLater(() -> {
                check.setDisable(false);
                showResult(r.ok(), r.message());
            });
        }, "switchboard-sipgate-check");
        t.setDaemon(true);
        t.start();
    }

    /** Shows a problem with the token under the fields. */
    public void showProblem(String message) {
        showResult(false, message);
    }

    private void showResult(boolean ok, String message) {
        result.setText(message);
        result.getStyleClass().removeAll("ok", "error");
        result.getStyleClass().add(ok ? "ok" : "error");
    }

    private static Label field(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-title");
        return l;
    }

    private static Label help(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("help");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }
}
