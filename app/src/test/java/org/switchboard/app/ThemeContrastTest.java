package org.switchboard.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * WCAG AA contrast of every text/background pair the stylesheets use, in both themes, computed from the colour
 * tokens as they stand in {@code app.css} and {@code canvas.css} (translucent colours laid over what they sit on).
 * Text needs 4.5:1; icons and outlines that carry meaning need 3:1.
 */
class ThemeContrastTest {

    private static final Pattern TOKEN = Pattern.compile("(-sb-[\\w-]+):\\s*([^;]+);");
    private static final Pattern RGBA = Pattern.compile("rgba\\((\\d+),\\s*(\\d+),\\s*(\\d+),\\s*([\\d.]+)\\)");

    /** text token, background token, what lies under the background (for translucent ones), minimum ratio */
    private record Pair(String text, String background, String under, double minimum) {
    }

    private static final List<Pair> WINDOW = List.of(
            // body text, secondary text, hints and placeholders on every panel and input
            text("-sb-text", "-sb-chrome"), text("-sb-text", "-sb-surface"), text("-sb-text", "-sb-surface-2"),
            text("-sb-text", "-sb-input"), text("-sb-text", "-sb-segment-on"),
            text("-sb-text-2", "-sb-chrome"), text("-sb-text-2", "-sb-surface"), text("-sb-text-2", "-sb-surface-2"),
            text("-sb-text-2", "-sb-surface-3"), text("-sb-text-2", "-sb-input"),
            text("-sb-text-3", "-sb-chrome"), text("-sb-text-3", "-sb-surface"), text("-sb-text-3", "-sb-surface-2"),
            text("-sb-text-3", "-sb-input"),
            // links, selected rows and tabs, tips
            text("-sb-accent", "-sb-chrome"), text("-sb-accent", "-sb-surface"),
            text("-sb-accent-text", "-sb-chrome"), text("-sb-accent-text", "-sb-accent-soft"),
            // primary buttons: white on the fill at rest, hovered and focused
            text("white", "-sb-accent-solid"), text("white", "-sb-accent-hover"), text("white", "-sb-danger-solid"),
            // warnings and errors in fields, the Problems panel and the footer
            text("-sb-warn", "-sb-chrome"), text("-sb-warn", "-sb-surface"), text("-sb-warn", "-sb-warn-soft"),
            text("-sb-danger", "-sb-chrome"), text("-sb-danger", "-sb-surface"), text("-sb-danger", "-sb-danger-soft"),
            // category icons on their tinted tiles
            icon("-sb-ev", "-sb-ev-soft"), icon("-sb-cc", "-sb-cc-soft"), icon("-sb-rt", "-sb-rt-soft"));

    private static final List<Pair> CANVAS = List.of(
            // node cards and the hint line on the canvas
            text("-sb-text", "-sb-surface"), text("-sb-text-2", "-sb-surface"), text("-sb-text-3", "-sb-surface"),
            text("-sb-text-3", "-sb-surface-2"), text("-sb-text-2", "-sb-canvas"), text("-sb-text-3", "-sb-canvas"),
            text("-sb-warn", "-sb-warn-soft"), text("-sb-warn-ink", "-sb-warn-fill"),
            text("-sb-danger", "-sb-danger-soft"), text("-sb-danger", "-sb-surface"), icon("white", "-sb-danger-solid"),
            icon("-sb-ev", "-sb-ev-soft"), icon("-sb-cc", "-sb-cc-soft"), icon("-sb-rt", "-sb-rt-soft"),
            icon("-sb-wire", "-sb-canvas"), icon("-sb-accent", "-sb-canvas"));

    private static Pair text(String text, String background) {
        return new Pair(text, background, null, 4.5);
    }

    private static Pair icon(String icon, String background) {
        return new Pair(icon, background, null, 3.0);
    }

    @Test
    void windowColoursReachAaInBothThemes() throws IOException {
        check("app.css", ".root {", ".root.dark {", "-sb-chrome", WINDOW);
    }

    @Test
    void canvasColoursReachAaInBothThemes() throws IOException {
        check("canvas/canvas.css", ".flow-canvas {", ".flow-canvas.dark {", "-sb-canvas", CANVAS);
    }

    private static void check(String css, String lightBlock, String darkBlock, String ground, List<Pair> pairs)
            throws IOException {
        String text;
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/org/switchboard/app/" + css)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> light = tokens(text, lightBlock);
        Map<String, String> dark = new HashMap<>(light);
        dark.putAll(tokens(text, darkBlock));
        List<String> failures = new ArrayList<>();
        for (var theme : Map.of("light", light, "dark", dark).entrySet()) {
            Map<String, String> t = theme.getValue();
            for (Pair p : pairs) {
                double[] under = colour(t, ground, null);
                double[] bg = colour(t, p.background(), under);
                double[] fg = colour(t, p.text(), bg);
                double ratio = ratio(fg, bg);
                if (ratio < p.minimum()) {
                    failures.add(String.format("%s %s: %s on %s is %.2f:1, needs %.1f:1", css, theme.getKey(),
                            p.text(), p.background(), ratio, p.minimum()));
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Map<String, String> tokens(String css, String block) {
        int start = css.indexOf(block);
        assertTrue(start >= 0, "no block " + block);
        int open = css.indexOf('{', start);
        String body = css.substring(open, css.indexOf('}', open));
        Map<String, String> tokens = new HashMap<>();
        Matcher m = TOKEN.matcher(body);
        while (m.find()) {
            tokens.put(m.group(1), m.group(2).trim());
        }
        return tokens;
    }

    /** A colour as r, g, b (0..1), laid over {@code under} when it is translucent. */
    private static double[] colour(Map<String, String> tokens, String name, double[] under) {
        String v = name.startsWith("-sb-") ? tokens.get(name) : name;
        assertTrue(v != null, "no token " + name);
        if (v.equals("white")) {
            return new double[] {1, 1, 1};
        }
        if (v.startsWith("#")) {
            return new double[] {Integer.parseInt(v.substring(1, 3), 16) / 255.0,
                Integer.parseInt(v.substring(3, 5), 16) / 255.0, Integer.parseInt(v.substring(5, 7), 16) / 255.0};
        }
        Matcher m = RGBA.matcher(v);
        assertTrue(m.matches(), "cannot read " + name + ": " + v);
        double a = Double.parseDouble(m.group(4));
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            c[i] = Integer.parseInt(m.group(i + 1)) / 255.0 * a + (under == null ? 1 : under[i]) * (1 - a);
        }
        return c;
    }

    private static double luminance(double[] c) {
        double[] l = new double[3];
        for (int i = 0; i < 3; i++) {
            l[i] = c[i] <= 0.03928 ? c[i] / 12.92 : Math.pow((c[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2];
    }

    private static double ratio(double[] a, double[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }
}
