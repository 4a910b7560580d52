package org.switchboard.engine.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import org.switchboard.engine.warmup.Warmup;

/**
 * The {@code switchboard-engine} command line: checks and converts flow files without the desktop app. Every
 * subcommand prints plain one-line messages and never a stack trace; exit codes are 0 (fine), 1 (the flow has
 * errors) and 2 (the command could not do its job, e.g. a file that cannot be read).
 */
@Command(name = "switchboard-engine", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Check, convert, test and run Switchboard call flows without the desktop app.",
        subcommands = {
            ValidateCommand.class,
            ImportCommand.class,
            RunCommand.class,
            TestCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SwitchboardEngineCli implements Callable<Integer> {

    /** Exit code: the command did its job and found nothing wrong. */
    public static final int OK = 0;
    /** Exit code: the flow has errors. */
    public static final int FLOW_ERRORS = 1;
    /** Exit code: the command could not do its job (bad arguments, unreadable file, refused overwrite). */
    public static final int FAILED = 2;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        if (args.length > 0 && "run".equals(args[0])) {
            Warmup.serverInBackground(); // overlaps Jetty's and the push path's set-up with picocli's
        }
        if (args.length > 0 && "test".equals(args[0])) {
            // the test server logs every simulated push; only its warnings belong in a test report (set before the
            // warm-up starts logging)
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            Warmup.testCallsInBackground(); // as for run, and the simulator's answer reader
        }
        System.exit(commandLine().execute(args));
    }

    /** The command line with the one-line error handler installed, as {@link #main} runs it. */
    public static CommandLine commandLine() {
        CommandLine cmd = new CommandLine(new SwitchboardEngineCli());
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("error: " + oneLine(ex));
            commandLine.getErr().flush();
            return FAILED;
        });
        return cmd;
    }

    /** Prints {@code error: message} on stderr and returns {@link #FAILED}. */
    static int fail(PrintWriter err, String message) {
        err.println("error: " + message);
        err.flush();
        return FAILED;
    }

    /** An unexpected failure as one line: its message, or what kind of failure it was when it has none. */
    static String oneLine(Throwable ex) {
        String message = ex.getMessage();
        if (message == null || message.isBlank()) {
            return "unexpected failure (" + ex.getClass().getSimpleName() + ")";
        }
        return message.lines().findFirst().orElse(message).trim();
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        err.println("error: missing command");
        spec.commandLine().usage(err);
        return FAILED;
    }
}
