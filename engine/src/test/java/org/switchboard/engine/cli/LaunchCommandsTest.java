package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The documented and the installed launch commands make the JVM exit on {@code OutOfMemoryError} (so a supervisor
 * restarts it rather than leaving a process with dead threads), and the JVM options the process tests use are the
 * ones the documentation gives.
 */
class LaunchCommandsTest {

    private static final String EXIT_ON_OOM = "-XX:+ExitOnOutOfMemoryError";
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Test
    void everyDocumentedRunCommandExitsOnOutOfMemory() throws IOException {
        List<String> commands = new ArrayList<>();
        for (Path doc : List.of(ROOT.resolve("README.md"), ROOT.resolve("docs/cli.md"))) {
            // a command may continue over lines ending in a backslash, or run on inside a list item
            String text = Files.readString(doc).replaceAll("\\\\\\n\\s*", " ").replaceAll("\\n {2,}", " ");
            Matcher m = Pattern.compile("java [^`\\n]*switchboard-engine\\.jar run[^`\\n]*").matcher(text);
            while (m.find()) {
                commands.add(doc.getFileName() + ": " + m.group());
            }
        }
        assertFalse(commands.isEmpty(), "found the documented run commands");
        for (String command : commands) {
            assertTrue(command.contains(EXIT_ON_OOM), command);
        }
    }

    @Test
    void theInstalledLauncherExitsOnOutOfMemory() throws IOException {
        String pom = Files.readString(ROOT.resolve("installer/pom.xml"));
        Matcher options = Pattern.compile("<installer\\.java\\.options>([^<]*)</installer\\.java\\.options>")
                .matcher(pom);
        assertTrue(options.find(), "installer.java.options is set");
        assertTrue(options.group(1).contains(EXIT_ON_OOM), options.group(1));
        assertTrue(pom.contains("<arg value=\"--java-options\"/> <arg value=\"${installer.java.options}\"/>"),
                "jpackage gets those options");
        String engine = Files.readString(ROOT.resolve("installer/launchers/switchboard-engine.properties"));
        Matcher engineOptions = Pattern.compile("(?m)^java-options=(.*)$").matcher(engine);
        assertTrue(engineOptions.find(), "the switchboard-engine launcher sets java-options");
        assertTrue(engineOptions.group(1).contains(EXIT_ON_OOM), engineOptions.group(1));
    }

    @Test
    void theProcessTestsRunWithTheDocumentedOptions() throws IOException {
        String cli = Files.readString(ROOT.resolve("docs/cli.md")).replaceAll("\\n\\s*", " ");
        assertTrue(cli.contains("java " + String.join(" ", RunProcessTest.DOCUMENTED_JVM_OPTIONS)
                + " -jar switchboard-engine.jar run"), "docs/cli.md gives " + RunProcessTest.DOCUMENTED_JVM_OPTIONS);
    }
}
