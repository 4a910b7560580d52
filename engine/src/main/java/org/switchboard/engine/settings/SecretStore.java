package org.switchboard.engine.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.switchboard.engine.sipgate.SipgateCredentials;

/**
 * The user's secrets (sipgate personal access token, later the ngrok authtoken), kept outside any flow file and
 * outside the repository, in {@code secrets.json} in the {@link ConfigDirs config directory}, readable only by the
 * user (0600 on POSIX systems). Written atomically. Values are never logged; {@link #toString()} shows keys only.
 */
public final class SecretStore {

    public static final String SIPGATE_TOKEN_ID = "sipgate.tokenId";
    public static final String SIPGATE_TOKEN = "sipgate.token";
    public static final String NGROK_AUTHTOKEN = "ngrok.authtoken";

    private static final ObjectMapper JSON = new ObjectMapper();
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
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path tmp = posix
                ? Files.createTempFile(file.getParent(), ".secrets", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), ".secrets", ".tmp");
        try {
            Files.writeString(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all),
                    StandardCharsets.UTF_8);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public String toString() {
        return "SecretStore[" + file + "]";
    }
}
