package org.switchboard.app.online;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.app.ui.Dialogs;
import org.switchboard.engine.tunnel.TunnelException;
import org.switchboard.engine.tunnel.TunnelProblem;

/**
 * Why going online failed, in plain words in the app's language with the fix ({@link TunnelProblem} says which
 * kind of failure it was; ngrok's error code is added when there is one), as a message box whose extra button does
 * the fix where the app can: enter the authtoken again, change the domain, stop the agent Switchboard started.
 */
final class OnlineProblems {

    /** What the user chose in the problem box. */
    enum Choice { CLOSE, ENTER_TOKEN, CHANGE_DOMAIN, STOP_AGENT }

    private static final Pattern CODE = Pattern.compile("ERR_NGROK_\\d+");

    private OnlineProblems() {
    }

    /** "What happened. What to do. (ngrok reported ERR_NGROK_…)" in the app's language. */
    static String explain(TunnelProblem problem, String engineMessage) {
        String text = what(problem) + " " + fix(problem);
        Matcher code = CODE.matcher(engineMessage == null ? "" : engineMessage);
        return code.find() ? text + " " + AppTexts.get("online.problem.code", code.group()) : text;
    }

    static String what(TunnelProblem problem) {
        return AppTexts.get("online.problem." + problem.name() + ".what");
    }

    static String fix(TunnelProblem problem) {
        return AppTexts.get("online.problem." + problem.name() + ".fix");
    }

    /** Shows the problem (header: what happened; text: the fix) and returns what the user chose. */
    static Choice show(Dialogs dialogs, Window owner, TunnelException e, boolean dropped) {
        TunnelProblem problem = e.problem();
        Alert a = dialogs.alert(Alert.AlertType.ERROR, owner, AppTexts.get("online.problem.title"),
                AppTexts.get(dropped ? "online.problem.dropped" : "online.problem.title"));
        a.setContentText(explain(problem, e.getMessage()));
        a.getDialogPane().setId("online-problem-dialog");
        a.getDialogPane().getStyleClass().add("problem-" + problem.name().toLowerCase(java.util.Locale.ROOT));
        a.getDialogPane().getProperties().put(TunnelProblem.class, problem);
        ButtonType close = new ButtonType(AppTexts.get("online.problem.close"), ButtonBar.ButtonData.CANCEL_CLOSE);
        ButtonType fix = switch (problem) {
            case AUTHTOKEN_MISSING, AUTHTOKEN_INVALID ->
                    new ButtonType(AppTexts.get("online.problem.enterToken"), ButtonBar.ButtonData.OK_DONE);
            case DOMAIN_NOT_RESERVED ->
                    new ButtonType(AppTexts.get("online.problem.changeDomain"), ButtonBar.ButtonData.OK_DONE);
            case SESSION_LIMIT ->
                    new ButtonType(AppTexts.get("online.problem.stopAgent"), ButtonBar.ButtonData.OK_DONE);
            default -> null;
        };
        if (fix == null) {
            a.getButtonTypes().setAll(close);
        } else {
            a.getButtonTypes().setAll(fix, close);
            a.getDialogPane().lookupButton(fix).setId("online-problem-fix");
        }
        a.getDialogPane().lookupButton(close).setId("online-problem-close");
        Optional<ButtonType> answer = a.showAndWait();
        if (answer.isEmpty() || answer.get() != fix) {
            return Choice.CLOSE;
        }
        return switch (problem) {
            case SESSION_LIMIT -> Choice.STOP_AGENT;
            case DOMAIN_NOT_RESERVED -> Choice.CHANGE_DOMAIN;
            default -> Choice.ENTER_TOKEN;
        };
    }
}
