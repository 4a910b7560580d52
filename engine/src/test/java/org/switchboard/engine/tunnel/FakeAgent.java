package org.switchboard.engine.tunnel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Writes an executable {@code ngrok} script that starts {@link FakeNgrok} with the given switches, the way the stack
 * notes describe: {@code exec java …}, so that a SIGTERM to the "agent" reaches the JVM itself.
 */
public final class FakeAgent {

    private FakeAgent() {
    }

    /** Creates {@code dir/ngrok} running the stand-in with {@code switches} (e.g. "--fake-mode=session-limit"). */
    public static Path script(Path dir, String... switches) throws IOException {
        Files.createDirectories(dir);
        Path script = dir.resolve("ngrok");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classes = Path.of(FakeNgrok.class.getProtectionDomain().getCodeSource().getLocation().getPath())
                .toString();
        String extra = Arrays.stream(switches).map(FakeAgent::quote).collect(Collectors.joining(" "));
        Files.writeString(script, "#!/bin/sh\nexec " + quote(java) + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
                + " -Xshare:auto -cp " + quote(classes) + " " + FakeNgrok.class.getName() + " " + extra
                + " \"$@\"\n", StandardCharsets.UTF_8);
        if (!script.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + script + " executable");
        }
        return script;
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }
}
