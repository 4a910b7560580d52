package org.switchboard.engine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Locale;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import picocli.CommandLine;

/** Runs the command line in-process with captured output and English messages, as a user would in a terminal. */
abstract class EnglishCliTest {

    private static Locale before;

    protected final StringWriter out = new StringWriter();
    protected final StringWriter err = new StringWriter();

    @BeforeAll
    static void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterAll
    static void restore() {
        Locale.setDefault(before);
    }

    protected int run(CommandLine cmd, String... args) {
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        return cmd.execute(args);
    }

    protected int run(String... args) {
        return run(new CommandLine(new SwitchboardEngineCli()), args);
    }
}
