package org.switchboard.app.calls;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.files.AtomicFiles;
import org.switchboard.engine.flow.Flow;

/**
 * The shown calls as CSV (RFC 4180: comma-separated, quoted where needed, CRLF line ends, UTF-8): start, from, to,
 * direction, path, state, duration in seconds, call id. Written atomically and readable by the owner only, like the
 * log: phone numbers are personal data.
 */
final class CallsCsv {

    static final String HEADER = "start,from,to,direction,path,state,duration_s,call_id";

    private CallsCsv() {
    }

    static void write(Path file, List<LoggedCall> calls, Flow flow, Instant now) throws IOException {
        StringBuilder out = new StringBuilder(HEADER).append("\r\n");
        for (LoggedCall c : calls) {
            long seconds = c.inProgress() ? java.time.Duration.between(c.start(), now).getSeconds()
                    : c.duration().getSeconds();
            out.append(String.join(",", cell(CallText.dayTime(c.start())), cell(CallText.number(c.from())),
                    cell(CallText.number(c.to())), cell(CallText.direction(c)), cell(CallText.path(c, flow)),
                    cell(CallText.state(c).text()), Long.toString(Math.max(0, seconds)), cell(c.callId())))
                    .append("\r\n");
        }
        AtomicFiles.writePrivate(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** A field, quoted when it holds a comma, quote or line break; a leading = + - @ is defused for spreadsheets. */
    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("\\+[0-9 ]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
