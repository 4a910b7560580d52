package org.switchboard.engine.calltests;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.switchboard.engine.files.AtomicFiles;

/**
 * Writes test call results as a JUnit XML report (one {@code <testsuite>} named after the flow, one
 * {@code <testcase>} per test, a {@code <failure>} with the first difference), the format CI systems read.
 */
public final class JUnitReport {

    private JUnitReport() {
    }

    /** Writes the report atomically. */
    public static void write(Path file, String suite, List<TestResult> results) throws IOException {
        AtomicFiles.write(file, xml(suite, results).getBytes(StandardCharsets.UTF_8));
    }

    static String xml(String suite, List<TestResult> results) {
        long failures = results.stream().filter(r -> !r.passed()).count();
        long total = results.stream().mapToLong(TestResult::millis).sum();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(escape(suite)).append("\" tests=\"").append(results.size())
                .append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"0\" time=\"")
                .append(seconds(total)).append("\">\n");
        for (TestResult r : results) {
            sb.append("  <testcase classname=\"").append(escape(suite)).append("\" name=\"")
                    .append(escape(r.test().name())).append("\" time=\"")
                    .append(seconds(r.millis())).append('"');
            if (r.passed()) {
                sb.append("/>\n");
            } else {
                sb.append(">\n    <failure message=\"").append(escape(r.difference())).append("\">")
                        .append(escape(r.difference())).append("</failure>\n  </testcase>\n");
            }
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String escape(String text) {
        StringBuilder sb = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '&' -> sb.append("&amp;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c < 0x20 && c != '\n' && c != '\t' ? ' ' : c);
            }
        }
        return sb.toString();
    }
}
