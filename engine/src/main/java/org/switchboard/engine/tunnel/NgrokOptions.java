package org.switchboard.engine.tunnel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

import com.github.alexdlaird.ngrok.protocol.Region;

import org.switchboard.engine.settings.SecretStore;

/**
 * How to run the ngrok agent: which program ({@code agentPath}; null means "look on {@code searchPath}, the PATH",
 * then download it into {@code stateDir} if {@code allowDownload}), the authtoken (never logged), an optional region
 * ({@code us}, {@code eu}, …) and reserved domain, the per-user state directory (agent config, the pid of the agent
 * this program started, a downloaded agent) and how long to wait for the agent to come online.
 */
public record NgrokOptions(Path agentPath, String authtoken, String region, String domain, Path stateDir,
                           String searchPath, boolean allowDownload, int startupTimeoutSeconds) {

    /** The environment variable ngrok itself reads, and so does Switchboard. */
    public static final String AUTHTOKEN_ENV = "NGROK_AUTHTOKEN";
    public static final int DEFAULT_STARTUP_TIMEOUT = 15;

    /**
     * @throws IllegalArgumentException for an unknown region or a domain that is not a host name
     */
    public NgrokOptions {
        Objects.requireNonNull(stateDir, "stateDir");
        authtoken = authtoken == null || authtoken.isBlank() ? null : authtoken.strip();
        region = region == null || region.isBlank() ? null : region.strip().toLowerCase(Locale.ROOT);
        if (region != null) {
            toRegion(region);
        }
        domain = cleanDomain(domain);
        if (startupTimeoutSeconds <= 0) {
            startupTimeoutSeconds = DEFAULT_STARTUP_TIMEOUT;
        }
    }

    /** No agent path (PATH, then download), no token, region or domain, the PATH of this process. */
    public static NgrokOptions defaults(Path stateDir) {
        return new NgrokOptions(null, null, null, null, stateDir, System.getenv("PATH"), true,
                DEFAULT_STARTUP_TIMEOUT);
    }

    public NgrokOptions withAgentPath(Path path) {
        return new NgrokOptions(path, authtoken, region, domain, stateDir, searchPath, allowDownload,
                startupTimeoutSeconds);
    }

    public NgrokOptions withAuthtoken(String token) {
        return new NgrokOptions(agentPath, token, region, domain, stateDir, searchPath, allowDownload,
                startupTimeoutSeconds);
    }

    public NgrokOptions withRegion(String newRegion) {
        return new NgrokOptions(agentPath, authtoken, newRegion, domain, stateDir, searchPath, allowDownload,
                startupTimeoutSeconds);
    }

    public NgrokOptions withDomain(String newDomain) {
        return new NgrokOptions(agentPath, authtoken, region, newDomain, stateDir, searchPath, allowDownload,
                startupTimeoutSeconds);
    }

    public NgrokOptions withSearchPath(String path, boolean download) {
        return new NgrokOptions(agentPath, authtoken, region, domain, stateDir, path, download,
                startupTimeoutSeconds);
    }

    public NgrokOptions withStartupTimeout(int seconds) {
        return new NgrokOptions(agentPath, authtoken, region, domain, stateDir, searchPath, allowDownload, seconds);
    }

    /** The authtoken from {@code NGROK_AUTHTOKEN} ({@code envValue}, may be null), else from the stored secrets. */
    public static Optional<String> authtokenFrom(String envValue, SecretStore secrets) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            return Optional.of(envValue.strip());
        }
        return secrets.get(SecretStore.NGROK_AUTHTOKEN);
    }

    /** The region as java-ngrok knows it; null when none is set. */
    Region regionValue() {
        return region == null ? null : toRegion(region);
    }

    @Override
    public String toString() {
        return "NgrokOptions[agent=" + agentPath + ", authtoken=" + (authtoken == null ? "none" : "****")
                + ", region=" + region + ", domain=" + domain + ", stateDir=" + stateDir + "]";
    }

    private static Region toRegion(String name) {
        for (Region r : Region.values()) {
            if (r.toString().replace('_', '-').equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("Unknown ngrok region '" + name + "'; use one of "
                + Arrays.stream(Region.values()).map(r -> r.toString().replace('_', '-'))
                        .collect(Collectors.joining(", ")));
    }

    /** Accepts "name.ngrok-free.app" and also a pasted "https://name.ngrok-free.app/". */
    private static String cleanDomain(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String d = value.strip().toLowerCase(Locale.ROOT);
        d = d.replaceFirst("^https?://", "");
        while (d.endsWith("/")) {
            d = d.substring(0, d.length() - 1);
        }
        if (!d.matches("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+")) {
            throw new IllegalArgumentException("'" + value.strip() + "' is not a domain name such as "
                    + "name.ngrok-free.app");
        }
        return d;
    }
}
