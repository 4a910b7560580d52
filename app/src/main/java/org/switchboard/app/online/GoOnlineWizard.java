package org.switchboard.app.online;

import java.io.IOException;
import java.util.List;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.settings.LabelledComboBox;
import org.switchboard.app.settings.OnlineSettings;
import org.switchboard.app.settings.SipgateAccountPane;
import org.switchboard.engine.tunnel.NgrokOptions;

/**
 * The one guided dialog for going online, four short steps with Back and Next: (1) the ngrok authtoken, with the
 * link to where ngrok shows it, and optionally region, reserved domain (with the link to where it is found, and why
 * it helps) and the signature check; (2) connecting, with the agent's download progress and Cancel, and the plain
 * explanation when it fails; (3) the sipgate personal access token (the same one Hang up call nodes use, with the
 * scopes each feature needs), or Skip to copy the URL by hand; (4) sipgate's current webhook URLs next to the new
 * ones, and Set in sipgate. Use in sipgate opens it at step 4 (or 3 without a token); a problem box's fix at step 1.
 */
final class GoOnlineWizard extends Dialog<Void> {

    /** The steps, in order. */
    enum Step { NGROK, CONNECT, SIPGATE, USE }

    static final String AUTHTOKEN_PAGE = "https://dashboard.ngrok.com/get-started/your-authtoken";
    static final String DOMAINS_PAGE = "https://dashboard.ngrok.com/domains";
    private static final List<String> REGIONS = List.of("", "eu", "us", "ap", "au", "sa", "jp", "in");

    private final OnlineController c;
    private final StackPane pages = new StackPane();
    private final Label stepTitle = new Label();
    private final ButtonType backType = new ButtonType(AppTexts.get("online.wizard.back"),
            ButtonBar.ButtonData.BACK_PREVIOUS);
    private final ButtonType nextType = new ButtonType(AppTexts.get("online.wizard.next"),
            ButtonBar.ButtonData.NEXT_FORWARD);
    private final ButtonType skipType = new ButtonType(AppTexts.get("online.wizard.skip"), ButtonBar.ButtonData.OTHER);
    private final ButtonType cancelType = new ButtonType(AppTexts.get("online.connect.cancel"),
            ButtonBar.ButtonData.CANCEL_CLOSE);
    private final Button back;
    private final Button next;
    private final Button skip;
    private Step step;

    // step 1
    private final PasswordField authtoken = new PasswordField();
    private final ComboBox<String> region = new ComboBox<>();
    private final TextField domain = new TextField();
    private final CheckBox signatures = new CheckBox(AppTexts.get("online.ngrok.signatures"));
    private final Label ngrokError = errorLabel("online-ngrok-error");
    // step 2
    private final Label connectStatus = new Label();
    private final ProgressBar connectProgress = new ProgressBar();
    private final Label connectError = errorLabel("online-connect-error");
    private OnlineController.Attempt attempt;
    // step 3
    private final Label url = new Label();
    private final SipgateAccountPane account;
    // step 4
    private final VBox changeBox = new VBox(8);
    private final Label useResult = new Label();
    private SipgateUrls.Change change;
    private boolean applied;

    GoOnlineWizard(OnlineController controller, Step start) {
        this.c = controller;
        if (c.owner() != null && c.owner().isShowing()) {
            initOwner(c.owner());
        }
        setTitle(AppTexts.get("online.wizard.title"));
        c.theme().style(this);
        getDialogPane().setId("online-wizard");
        getDialogPane().getStyleClass().add("online-wizard");
        getDialogPane().getButtonTypes().setAll(backType, skipType, nextType, cancelType);
        back = (Button) getDialogPane().lookupButton(backType);
        next = (Button) getDialogPane().lookupButton(nextType);
        skip = (Button) getDialogPane().lookupButton(skipType);
        back.setId("online-back");
        next.setId("online-next");
        skip.setId("online-skip");
        getDialogPane().lookupButton(cancelType).setId("online-cancel");
        back.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            back();
        });
        next.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            next();
        });
        setOnHidden(e -> {
            if (attempt != null && !attempt.result().isDone()) {
                attempt.cancel();
            }
        });
        account = new SipgateAccountPane(c.secrets());
        stepTitle.setId("online-step-title");
        stepTitle.getStyleClass().addAll("wizard-step", "semibold");
        VBox content = new VBox(14, stepTitle, pages);
        content.setPadding(new Insets(4, 0, 4, 0));
        content.setPrefWidth(460);
        getDialogPane().setContent(content);
        getDialogPane().setMinHeight(Region.USE_PREF_SIZE);
        setResizable(true);
        setResultConverter(b -> null);
        show(start);
    }

    private void show(Step s) {
        step = s;
        stepTitle.setText(AppTexts.get("online.step." + s.name().toLowerCase(java.util.Locale.ROOT)));
        Node page = switch (s) {
            case NGROK -> ngrokPage();
            case CONNECT -> connectPage();
            case SIPGATE -> sipgatePage();
            case USE -> usePage();
        };
        pages.getChildren().setAll(page);
        back.setDisable(s == Step.NGROK);
        skip.setVisible(s == Step.SIPGATE);
        skip.setManaged(s == Step.SIPGATE);
        skip.setOnAction(e -> close());
        next.setText(AppTexts.get(switch (s) {
            case NGROK -> "online.wizard.goOnline";
            case CONNECT, SIPGATE -> "online.wizard.next";
            case USE -> applied ? "online.wizard.finish" : "online.wizard.set";
        }));
        next.setDisable(s == Step.CONNECT && !c.isOnline());
        fit();
    }

    /** Fits the window to the page (after the layout pass that measures it). */
    private void fit() {
        javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private void back() {
        switch (step) {
            case CONNECT -> {
                if (attempt != null && !attempt.result().isDone()) {
                    attempt.cancel();
                }
                show(Step.NGROK);
            }
            case SIPGATE -> show(Step.NGROK);
            case USE -> show(Step.SIPGATE);
            default -> {
                // the first step has no Back
            }
        }
    }

    private void next() {
        switch (step) {
            case NGROK -> connect();
            case CONNECT -> show(Step.SIPGATE);
            case SIPGATE -> {
                try {
                    account.save();
                } catch (IOException e) {
                    return; // the pane shows why
                }
                if (!c.sipgate().hasToken()) {
                    account.showProblem(AppTexts.get("online.sipgate.noToken"));
                    return;
                }
                show(Step.USE);
            }
            case USE -> {
                if (applied || change == null) {
                    close();
                } else {
                    apply();
                }
            }
            default -> {
                // no other steps
            }
        }
    }

    // ---- step 1: the ngrok account ----

    private Node ngrokPage() {
        OnlineSettings s = c.settings().online();
        authtoken.setId("online-authtoken");
        authtoken.setPromptText(AppTexts.get("online.ngrok.authtoken.prompt"));
        if (authtoken.getText().isEmpty()) {
            authtoken.setText(c.storedAuthtoken().orElse(""));
        }
        region.setId("online-region");
        region.getItems().setAll(REGIONS);
        LabelledComboBox.label(region, r -> r == null || r.isEmpty() ? AppTexts.get("online.ngrok.region.auto") : r);
        if (region.getValue() == null) {
            region.setValue(s.region() == null ? "" : s.region());
        }
        region.setMaxWidth(Double.MAX_VALUE);
        domain.setId("online-domain");
        domain.setPromptText(AppTexts.get("online.ngrok.domain.prompt"));
        if (domain.getText().isEmpty() && s.domain() != null) {
            domain.setText(s.domain());
        }
        signatures.setId("online-check-signatures");
        if (!signatures.getProperties().containsKey("init")) {
            signatures.setSelected(s.checksSignatures());
            signatures.getProperties().put("init", true);
        }
        Label warning = new Label(AppTexts.get("online.ngrok.signatures.off"));
        warning.setId("online-signatures-warning");
        warning.getStyleClass().addAll("help", "warn-text");
        warning.setWrapText(true);
        warning.setMinHeight(Region.USE_PREF_SIZE);
        warning.visibleProperty().bind(signatures.selectedProperty().not());
        warning.managedProperty().bind(warning.visibleProperty());

        GridPane where = new GridPane();
        where.setHgap(10);
        where.setVgap(6);
        VBox regionBox = new VBox(6, title("online.ngrok.region"), region);
        VBox domainBox = new VBox(6, title("online.ngrok.domain"), domain);
        where.add(regionBox, 0, 0);
        where.add(domainBox, 1, 0);
        GridPane.setHgrow(domainBox, Priority.ALWAYS);
        regionBox.setPrefWidth(170);
        return new VBox(8, help("online.ngrok.lead"),
                title("online.ngrok.authtoken"), authtoken,
                link("online-authtoken-link", "online.ngrok.authtoken.link", AUTHTOKEN_PAGE),
                help("online.ngrok.stored"), ngrokError, gap(), where,
                link("online-domain-link", "online.ngrok.domain.link", DOMAINS_PAGE), help("online.ngrok.domain.why"),
                gap(), signatures, warning);
    }

    private void connect() {
        String token = authtoken.getText() == null ? "" : authtoken.getText().strip();
        ngrokError.setText("");
        if (token.isEmpty()) {
            ngrokError.setText(AppTexts.get("online.ngrok.authtoken.missing"));
            return;
        }
        if (token.chars().anyMatch(Character::isWhitespace)) {
            ngrokError.setText(AppTexts.get("online.ngrok.authtoken.spaces"));
            return;
        }
        OnlineSettings wanted = c.settings().online().withAddress(region.getValue(), domain.getText())
                .withSignatureCheck(signatures.isSelected());
        try {
            NgrokOptions.defaults(java.nio.file.Path.of(".")).withRegion(wanted.region()).withDomain(wanted.domain());
        } catch (IllegalArgumentException e) {
            ngrokError.setText(AppTexts.get("online.problem.invalidSetting", e.getMessage()));
            return;
        }
        connectError.setText("");
        connectStatus.setText(AppTexts.get("online.connect.starting"));
        connectProgress.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        show(Step.CONNECT);
        if (c.isOnline()) { // new settings: the tunnel opens again with them
            c.live().goOffline().whenComplete((done, failure) -> startConnect(token, wanted));
        } else {
            startConnect(token, wanted);
        }
    }

    private void startConnect(String token, OnlineSettings wanted) {
        OnlineController.Attempt a = c.connect(token, wanted, (done, total) -> javafx.application.Platform.runLater(
                () -> DownloadProgress.update(connectStatus, connectProgress, done, total)));
        attempt = a;
        a.result().whenComplete((publicUrl, failure) -> {
            if (attempt != a || a.isCancelled()) {
                return;
            }
            if (failure != null) {
                connectProgress.setProgress(0);
                connectStatus.setText("");
                connectError.setText(OnlineController.explain(OnlineController.unwrap(failure)));
                return;
            }
            attempt = null;
            show(Step.SIPGATE);
        });
    }

    // ---- step 2: connecting ----

    private Node connectPage() {
        connectStatus.setId("online-connect-status");
        connectStatus.setWrapText(true);
        connectProgress.setId("online-connect-progress");
        connectProgress.setMaxWidth(Double.MAX_VALUE);
        return new VBox(10, connectStatus, connectProgress, connectError);
    }

    // ---- step 3: the sipgate account ----

    private Node sipgatePage() {
        url.setId("online-wizard-url");
        url.getStyleClass().addAll("mono", "wizard-url");
        url.setText(c.webhookUrl());
        url.setWrapText(true);
        url.setMinHeight(Region.USE_PREF_SIZE);
        Button copy = new Button(AppTexts.get("online.copy"));
        copy.setId("online-wizard-copy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(c.webhookUrl());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox urlRow = new HBox(8, url, copy);
        urlRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(url, Priority.ALWAYS);
        return new VBox(8, help("online.connect.online"), urlRow, help("online.sipgate.lead"), account);
    }

    // ---- step 4: old → new, and Set in sipgate ----

    private Node usePage() {
        useResult.setId("online-use-result");
        useResult.setWrapText(true);
        useResult.setMinHeight(Region.USE_PREF_SIZE);
        useResult.getStyleClass().removeAll("ok", "error");
        change = null;
        applied = false;
        changeBox.getChildren().setAll(help("online.use.reading"));
        next.setDisable(true);
        String incoming = c.live().incomingUrl().orElse(null);
        String outgoing = c.live().outgoingUrl().orElse(null);
        if (incoming == null) {
            changeBox.getChildren().clear();
            result(false, AppTexts.get("online.use.noIncoming"));
            return new VBox(10, changeBox, useResult);
        }
        OnlineController.background("switchboard-sipgate-read", () -> {
            try {
                SipgateUrls.Change read = c.sipgate().read(incoming, outgoing);
                javafx.application.Platform.runLater(() -> showChange(read));
            } catch (SipgateUrls.SipgateFailure e) {
                javafx.application.Platform.runLater(() -> {
                    changeBox.getChildren().clear();
                    result(false, e.getMessage());
                    fit();
                });
            }
        });
        return new VBox(10, changeBox, useResult);
    }

    private void showChange(SipgateUrls.Change read) {
        if (step != Step.USE) {
            return;
        }
        change = read;
        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(4);
        grid.getStyleClass().add("url-change");
        addRow(grid, 0, "online.use.incoming", read.oldIncoming(), read.newIncoming(), "incoming");
        if (read.newOutgoing() != null) {
            addRow(grid, 2, "online.use.outgoing", read.oldOutgoing(), read.newOutgoing(), "outgoing");
        }
        changeBox.getChildren().setAll(help("online.use.lead"), grid);
        fit();
        next.setDisable(false);
        if (read.nothingToDo()) {
            applied = true;
            result(true, AppTexts.get("online.use.same"));
        }
        next.setText(AppTexts.get(applied ? "online.wizard.finish" : "online.wizard.set"));
    }

    private static void addRow(GridPane grid, int row, String key, String before, String after, String id) {
        Label name = title(key);
        Label old = new Label(before.isEmpty() ? AppTexts.get("online.use.none") : before);
        old.setId("online-use-" + id + "-old");
        old.getStyleClass().addAll("mono", "url-old");
        Label arrow = new Label("\u2192");
        Label now = new Label(after);
        now.setId("online-use-" + id + "-new");
        now.getStyleClass().addAll("mono", "url-new");
        grid.add(name, 0, row, 3, 1);
        grid.add(old, 0, row + 1);
        grid.add(arrow, 1, row + 1);
        grid.add(now, 2, row + 1);
    }

    private void apply() {
        SipgateUrls.Change wanted = change;
        next.setDisable(true);
        OnlineController.background("switchboard-sipgate-write", () -> {
            SipgateUrls.Outcome outcome = c.sipgate().apply(wanted);
            javafx.application.Platform.runLater(() -> {
                next.setDisable(false);
                applied = outcome.ok();
                result(outcome.ok(), outcome.ok() ? outcome.message()
                        : AppTexts.get("online.use.failed") + ": " + outcome.message());
                next.setText(AppTexts.get(applied ? "online.wizard.finish" : "online.wizard.set"));
            });
        });
    }

    private void result(boolean ok, String message) {
        useResult.setText(message);
        useResult.getStyleClass().removeAll("ok", "error");
        useResult.getStyleClass().add(ok ? "ok" : "error");
    }

    // ---- small pieces ----

    private Hyperlink link(String id, String key, String address) {
        Hyperlink link = new Hyperlink(AppTexts.get(key));
        link.setId(id);
        link.setGraphic(org.switchboard.app.ui.Glyphs.ui("external", 13));
        link.setOnAction(e -> c.open(address));
        link.setPadding(Insets.EMPTY);
        return link;
    }

    private static Label title(String key) {
        Label l = new Label(AppTexts.get(key));
        l.getStyleClass().addAll("field-title", "semibold");
        return l;
    }

    private static Label help(String key) {
        Label l = new Label(AppTexts.get(key));
        l.getStyleClass().add("help");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label errorLabel(String id) {
        Label l = new Label();
        l.setId(id);
        l.getStyleClass().addAll("help", "error");
        l.setWrapText(true);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.managedProperty().bind(l.textProperty().isNotEmpty());
        return l;
    }

    private static Region gap() {
        Region r = new Region();
        r.setMinHeight(4);
        return r;
    }
}
