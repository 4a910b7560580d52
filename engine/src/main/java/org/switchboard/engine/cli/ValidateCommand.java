package org.switchboard.engine.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadProblem;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.flow.Problem;
import org.switchboard.engine.flow.SoundRef;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.FlowValidator;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.nodes.PropertyChecks;
import org.switchboard.engine.nodes.SoundProperties;
import org.switchboard.engine.nodes.checks.BaseUrlCheck;
import org.switchboard.engine.sounds.FlowSounds;
import org.switchboard.engine.sounds.UrlCheck;

/**
 * {@code validate FILE}: opens a flow file (or a Node-RED export) and prints every problem on its own line,
 * {@code error: file: node 'Main menu' (menu): message}, including local sounds that are missing beside the flow;
 * with {@code --check-sounds} it also downloads the start of every sound URL and checks it. Exit 0 without errors,
 * 1 with errors, 2 when the file cannot be read.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks a flow file and prints every problem, one per line.",
            "Exit code: 0 no errors (warnings allowed), 1 errors, 2 the file cannot be read."})
public final class ValidateCommand implements Callable<Integer> {

    private static final Duration URL_TIMEOUT = Duration.ofSeconds(10);

    @Parameters(paramLabel = "FILE", description = "the flow file (.json) or a Node-RED export")
    Path file;

    @Option(names = "--check-sounds", description = "download the start of every sound URL and check that it "
            + "answers with a WAV file in sipgate's format")
    boolean checkSounds;
    @Option(names = "--base-url", paramLabel = "URL",
            description = "also check the public URL sipgate will post to (sipgate neo needs https://)")
    String baseUrl;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadedFlow loaded;
        try {
            loaded = FlowFiles.load(file);
        } catch (FlowFileException e) {
            err.println("error: " + e.getMessage());
            return SwitchboardEngineCli.FAILED;
        }
        if (loaded.source() == LoadedFlow.Source.NODE_RED) {
            out.println("note: " + file + " is a Node-RED export; it was converted for this check "
                    + "(\"import\" saves the conversion as a Switchboard flow)");
        }
        Messages messages = Messages.forLocale(Locale.getDefault());
        List<Problem> extra = checkSounds ? urlProblems(loaded.flow(), messages) : List.of();
        Report report = Report.print(file, loaded.problems(), loaded.flow(), extra, messages, out);
        Problem http = BaseUrlCheck.problem(baseUrl, messages);
        if (http != null) {
            out.println("warning: " + http.message());
            report = new Report(report.errors(), report.warnings() + 1);
        }
        out.println(file + ": " + report.summary());
        return report.errors() > 0 ? SwitchboardEngineCli.FLOW_ERRORS : SwitchboardEngineCli.OK;
    }

    /** One error per sound URL that does not answer with a sipgate WAV. */
    private static List<Problem> urlProblems(Flow flow, Messages m) {
        UrlCheck check = new UrlCheck(URL_TIMEOUT, m);
        List<Problem> problems = new ArrayList<>();
        for (SoundProperties.Use use : SoundProperties.of(flow, NodeTypes.standard())) {
            if (use.sound().source() == SoundRef.Source.URL) {
                String problem = check.problem(use.sound().url());
                if (problem != null) {
                    problems.add(Problem.error(use.node().id(), use.spec().key(),
                            PropertyChecks.label(use.type(), use.spec(), m) + ": " + problem));
                }
            }
        }
        return problems;
    }

    /** Counts of what was printed. */
    record Report(int errors, int warnings) {

        static Report print(Path file, LoadedFlow loaded, Messages m, PrintWriter out) {
            return print(file, loaded.problems(), loaded.flow(), List.of(), m, out);
        }

        /**
         * Prints the load problems (as warnings), the validation problems of the flow, the problems of its local
         * sounds in the file's folder and the given extra problems, one per line.
         */
        static Report print(Path file, List<LoadProblem> loadProblems, Flow flow, List<Problem> extra, Messages m,
                            PrintWriter out) {
            int errors = 0;
            int warnings = 0;
            for (LoadProblem p : loadProblems) {
                out.println("warning: " + file + ": " + p);
                warnings++;
            }
            List<Problem> problems = new ArrayList<>(FlowValidator.validate(flow, m));
            problems.addAll(FlowSounds.check(flow, folderOf(file), NodeTypes.standard(), m));
            problems.addAll(extra);
            for (Problem p : problems) {
                out.println((p.isError() ? "error: " : "warning: ")
                        + FlowFiles.describe(file, flow, p, m));
                if (p.isError()) {
                    errors++;
                } else {
                    warnings++;
                }
            }
            return new Report(errors, warnings);
        }

        static Path folderOf(Path file) {
            Path parent = file.toAbsolutePath().getParent();
            return parent == null ? Path.of("") : parent;
        }

        String summary() {
            if (errors == 0 && warnings == 0) {
                return "no problems";
            }
            return count(errors, "error") + ", " + count(warnings, "warning");
        }

        static String count(int n, String what) {
            return n + " " + what + (n == 1 ? "" : "s");
        }
    }
}
