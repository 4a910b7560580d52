package org.switchboard.app.settings;

/**
 * How the app goes online, as stored in {@code settings.json} under {@code online}: the ngrok region ({@code eu},
 * {@code us}, …; {@code null}: ngrok's choice) and reserved domain ({@code null}: a random address), the path to the
 * ngrok agent ({@code null}: the PATH, else a download), the address the agent is downloaded from ({@code null}:
 * java-ngrok's usual one) and whether pushes must carry a valid sipgate signature while online ({@code null}: yes).
 * The authtoken is a secret and lives in the secrets file, not here.
 */
public record OnlineSettings(String region, String domain, String ngrokPath, String downloadUrl,
                             Boolean checkSignatures) {

    public static final OnlineSettings DEFAULTS = new OnlineSettings(null, null, null, null, null);

    public OnlineSettings {
        region = blankToNull(region);
        domain = blankToNull(domain);
        ngrokPath = blankToNull(ngrokPath);
        downloadUrl = blankToNull(downloadUrl);
    }

    /** Whether the signature check is on while online (the default). */
    public boolean checksSignatures() {
        return checkSignatures == null || checkSignatures;
    }

    public OnlineSettings withAddress(String newRegion, String newDomain) {
        return new OnlineSettings(newRegion, newDomain, ngrokPath, downloadUrl, checkSignatures);
    }

    public OnlineSettings withSignatureCheck(boolean on) {
        return new OnlineSettings(region, domain, ngrokPath, downloadUrl, on);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
