package org.switchboard.engine.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.sipgate.SipgateCredentials;

/**
 * The user's secrets (sipgate personal access token, later the ngrok authtoken), kept outside any flow file and
 * outside the repository, in {@code secrets.json} in the {@link ConfigDirs config directory}, readable only by the
 * user (0600 on POSIX systems). Written atomically and forced to disk ({@link AtomicFiles#writePrivate}). A secrets
 * file that others can read (e.g. copied with a wide umask) is made owner-only before it is used, with a warning;
 * when that is not possible (the file belongs to someone else) it is refused. Values are never logged;
 * {@link #toString()} shows keys only.
 */
public final class SecretStore {

    public static final String SIPGATE_TOKEN_ID = "sipgate.tokenId";
    public static final String SIPGATE_TOKEN = "sipgate.token";
    public static final String NGROK_AUTHTOKEN = "ngrok.authtoken";

    private static final Logger LOG = LoggerFactory.getLogger(SecretStore.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private final Path file;

    public SecretStore(Path file) {
        this.file = file;
    }

    public static SecretStore standard() {
        return new SecretStore(ConfigDirs.configDir().resolve("secrets.json"));
    }

    public Path file() {
        return file;
    }

    /** All secrets; an unreadable file gives a clear one-line {@link IOException}. */
    public Map<String, String> readAll() throws IOException {
        if (!Files.exists(file)) {
            return Map.of();
        }
        ensurePrivate();
        try {
            return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), new TypeReference<>() { });
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not a valid secrets file (expected a JSON object of strings)");
        }
    }

    public Optional<String> get(String key) throws IOException {
        return Optional.ofNullable(readAll().get(key)).filter(v -> !v.isBlank());
    }

    public void put(String key, String value) throws IOException {
        Map<String, String> all = new TreeMap<>(readAll());
        if (value == null || value.isBlank()) {
            all.remove(key);
        } else {
            all.put(key, value);
        }
        write(all);
    }

    /** The sipgate personal access token, if both parts are set. */
    public Optional<SipgateCredentials> sipgateCredentials() throws IOException {
        Map<String, String> all = readAll();
        String id = all.get(SIPGATE_TOKEN_ID);
        String token = all.get(SIPGATE_TOKEN);
        return id == null || token == null || id.isBlank() || token.isBlank() ? Optional.empty()
                : Optional.of(new SipgateCredentials(id, token));
    }

    private void write(Map<String, String> all) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writePrivate(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(all));
    }

    /**
     * Makes a secrets file that group or others may read owner-only, or refuses it with the reason when that is
     * not possible. Nothing to do where files have no POSIX permissions.
     */
    private void ensurePrivate() throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> permissions = view.readAttributes().permissions();
        if (permissions.stream().noneMatch(OTHERS::contains)) {
            return;
        }
        try {
            view.setPermissions(PosixFilePermissions.fromString("rw-------"));
            LOG.warn("{} could be read by others ({}); it is now readable by you only", file,
                    PosixFilePermissions.toString(permissions));
        } catch (IOException | SecurityException e) {
            throw new IOException(file + " can be read by others (" + PosixFilePermissions.toString(permissions)
                    + ") and its permissions cannot be changed; make it readable by you only (chmod 600)");
        }
    }

    @Override
    public String toString() {
        return "SecretStore[" + file + "]";
    }
}
