package org.switchboard.app.welcome;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.switchboard.app.i18n.AppTexts;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.flow.Flow;

/**
 * The sample flows bundled with the app (the project's {@code sample-flows/}, on the classpath under
 * {@code /samples}), found by listing that folder whether the app runs from classes or from a jar.
 */
public final class Samples {

    private static final Logger LOG = LoggerFactory.getLogger(Samples.class);

    /** One sample: its classpath resource, file name and flow. */
    public record Sample(String resource, String fileName, Flow flow) {
        /** The file name without ".json", used as the key of its description text. */
        public String key() {
            return fileName.replaceFirst("\\.json$", "");
        }

        /** The sample's title in the user's language: the flow's name, translated where the texts have it. */
        public String title() {
            return AppTexts.sampleTitle(fileName, flow.name().isBlank() ? fileName : flow.name());
        }
    }

    private Samples() {
    }

    public static List<Sample> list() {
        List<Sample> out = new ArrayList<>();
        for (String name : fileNames()) {
            String resource = "/samples/" + name;
            try (InputStream in = Samples.class.getResourceAsStream(resource)) {
                if (in != null) {
                    Flow flow = FlowFiles.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), name).flow();
                    out.add(new Sample(resource, name, flow));
                }
            } catch (IOException | FlowFileException e) {
                LOG.warn("Sample {} cannot be read: {}", name, e.getMessage());
            }
        }
        return out;
    }

    private static List<String> fileNames() {
        URL dir = Samples.class.getResource("/samples");
        if (dir == null) {
            return List.of();
        }
        try {
            if ("jar".equals(dir.getProtocol())) {
                // read the jar's entries directly: the packaged runtime has no zip file system provider
                String spec = dir.getPath();
                Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
                try (JarFile file = new JarFile(jar.toFile())) {
                    return file.stream().map(JarEntry::getName)
                            .filter(n -> n.startsWith("samples/") && n.endsWith(".json"))
                            .map(n -> n.substring("samples/".length())).filter(n -> !n.contains("/"))
                            .sorted().toList();
                }
            }
            return names(Path.of(dir.toURI()));
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.warn("Cannot list the sample flows: {}", e.getMessage());
            return List.of();
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().toList();
        }
    }
}
