package org.switchboard.engine.sipgate;

import java.util.List;

/**
 * The account's sipgate.io settings ({@code GET /settings/sipgateio}): the URL that receives {@code newCall} for
 * incoming calls and for outgoing calls ({@code ""} = none), whether sipgate keeps a debug log of pushes, and the
 * whitelist of phone lines and groups that trigger pushes. {@code whitelist} is {@code null} when there is no
 * restriction, which is not the same as an empty list, so it is kept as sipgate sent it.
 */
public record WebhookSettings(String incomingUrl, String outgoingUrl, boolean log, List<String> whitelist) {

    /** Copies the whitelist; a null one stays null ("no restriction"). */
    public WebhookSettings {
        whitelist = whitelist == null ? null : List.copyOf(whitelist);
    }
}
