package org.switchboard.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javafx.scene.text.Font;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled Inter font (Regular, Medium, SemiBold; SIL OFL 1.1, see {@code fonts/OFL.txt}) and makes a
 * small stylesheet that names the families as this platform reports them: JavaFX exposes each weight as its own
 * family ("Inter Medium", "Inter Semi Bold" on Linux), and CSS weights do not reach them. Style classes
 * {@code medium} and {@code semibold} pick the weights, {@code mono} a monospaced font that is installed. When a
 * font cannot be loaded the platform's default font is used, measured by the same layout.
 */
public final class Fonts {

    private static final Logger LOG = LoggerFactory.getLogger(Fonts.class);
    private static final List<String> MONO = List.of("JetBrains Mono", "Cascadia Mono", "Consolas",
            "DejaVu Sans Mono", "Menlo", "Monospaced");
    private static String stylesheet;

    private Fonts() {
    }

    /** Loads the fonts once and returns the stylesheet (a data URL) that applies them. */
    public static synchronized String stylesheet() {
        if (stylesheet == null) {
            String regular = load("Inter-Regular.otf");
            String medium = load("Inter-Medium.otf");
            String semibold = load("Inter-SemiBold.otf");
            Set<String> installed = Set.copyOf(Font.getFamilies());
            String mono = MONO.stream().filter(installed::contains).findFirst().orElse("Monospaced");
            StringBuilder css = new StringBuilder();
            if (regular != null) {
                css.append(".root{-fx-font-family:\"").append(regular).append("\";}\n");
            }
            css.append(".medium{-fx-font-family:\"").append(medium != null ? medium : regular != null ? regular
                    : "System").append("\";}\n");
            // the canvas's node titles are "bold" in its stylesheet; Inter's weight for them is SemiBold
            css.append(".semibold,.flow-canvas .node-title{-fx-font-family:\"")
                    .append(semibold != null ? semibold : "System")
                    .append("\";").append(semibold == null ? "-fx-font-weight:bold;" : "").append("}\n");
            css.append(".mono{-fx-font-family:\"").append(mono).append("\";}\n");
            stylesheet = "data:text/css;base64," + Base64.getEncoder()
                    .encodeToString(css.toString().getBytes(StandardCharsets.UTF_8));
        }
        return stylesheet;
    }

    private static String load(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream("/org/switchboard/app/fonts/" + file)) {
            Font f = in == null ? null : Font.loadFont(in, 13);
            if (f == null) {
                LOG.info("Font {} could not be loaded; using the system font", file);
                return null;
            }
            return f.getFamily();
        } catch (IOException e) {
            LOG.info("Font {} could not be read: {}", file, e.getMessage());
            return null;
        }
    }
}
