package org.switchboard.engine.cli;

import static org.switchboard.engine.cli.SwitchboardEngineCli.fail;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.switchboard.engine.calltests.Coverage;
import org.switchboard.engine.calltests.JUnitReport;
import org.switchboard.engine.calltests.TestCall;
import org.switchboard.engine.calltests.TestCallRunner;
import org.switchboard.engine.calltests.TestCallsFile;
import org.switchboard.engine.calltests.TestGenerator;
import org.switchboard.engine.calltests.TestResult;
import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.flow.Flow;
import org.switchboard.engine.i18n.Messages;
import org.switchboard.engine.nodes.NodeTypes;
import org.switchboard.engine.runtime.RuntimeEvent;

/**
 * {@code test FLOW}: runs the test calls saved beside a flow ({@code NAME.tests.json}, docs/test-calls.md) against
 * it, through the real webhook server driven as sipgate would (the HTTP requests are handed to it inside the process,
 * {@link TestCallRunner#startInProcess}); {@code --generate} makes one test per
 * path through the flow as it is now and runs those instead, {@code --save} keeps them beside the flow. Prints one
 * line per test (with the first difference of a failure) and what no test reached. Exit 0 all passed, 1 a test
 * failed, 2 the flow or the tests cannot be read (or written).
 */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the test calls saved beside a flow (NAME.tests.json), or generates them.",
            "Exit code: 0 all tests passed, 1 a test failed, 2 the flow or the tests file cannot be read."})
public final class TestCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FLOW", description = "the flow file (.json) or a Node-RED export")
    Path flowFile;

    @Option(names = "--generate", description = "generate one test per path through the flow as it is now, and run "
            + "those instead of the saved tests")
    boolean generate;

    @Option(names = "--save", description = "with --generate: write the generated tests beside the flow "
            + "(NAME.tests.json), replacing the file")
    boolean save;

    @Option(names = "--tests", paramLabel = "FILE", description = "the test calls file (default: NAME.tests.json "
            + "beside FLOW)")
    Path testsFile;

    @Option(names = "--replay", paramLabel = "CALLS", description = "replay recorded calls (a test calls file) "
            + "against FLOW and show every step where its answers now differ")
    Path replay;

    @Option(names = "--junit-xml", paramLabel = "OUT", description = "also write a JUnit XML report for CI systems")
    Path junitXml;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (save && !generate) {
            return fail(err, "--save needs --generate (it saves the generated tests)");
        }
        if (replay != null && (generate || testsFile != null)) {
            return fail(err, "--replay runs the recorded calls; it does not go with --generate or --tests");
        }
        Path tests = replay != null ? replay : testsFile != null ? testsFile : TestCallsFile.besideFlow(flowFile);
        LoadedFlow loaded;
        List<TestCall> saved = List.of();
        try {
            loaded = FlowFiles.load(flowFile);
            if (!generate) {
                if (!Files.exists(tests)) {
                    return fail(err, tests + " does not exist; create it with: test --generate --save " + flowFile);
                }
                saved = TestCallsFile.load(tests);
            }
        } catch (FlowFileException e) {
            return fail(err, e.getMessage());
        }
        if (loaded.source() == LoadedFlow.Source.NODE_RED) {
            out.println("note: " + flowFile + " is a Node-RED export; it was converted for these tests");
        }
        Messages messages = Messages.forLocale(Locale.getDefault());
        Flow flow = loaded.flow();
        List<TestResult> results;
        List<TestCall> toRun;
        // local sounds are served from the flow's folder, as `run` serves them
        try (TestCallRunner runner = TestCallRunner.startInProcess(flow, NodeTypes.standard(),
                flowFile.toAbsolutePath().getParent())) {
            toRun = generate ? TestGenerator.generate(runner, messages) : saved;
            results = runner.runAll(toRun, messages);
        }
        int failed = 0;
        for (TestResult r : results) {
            if (r.passed()) {
                out.println("PASS " + r.test().name());
            } else {
                failed++;
                out.println("FAIL " + r.test().name() + ": " + r.difference());
            }
            if (replay != null && !r.passed()) {
                r.stepByStep(messages).forEach(out::println);
            }
        }
        printCoverage(Coverage.of(flow, NodeTypes.standard(), results), flow, messages, out);
        String summary = results.size() - failed + " passed, " + failed + " failed";
        out.println((generate ? "generated " + ValidateCommand.Report.count(toRun.size(), "test") + "; " : "")
                + summary);
        if (save) {
            try {
                TestCallsFile.save(tests, toRun);
                out.println("wrote " + tests);
            } catch (IOException e) {
                return fail(err, tests + " could not be written: " + SwitchboardEngineCli.oneLine(e));
            }
        }
        if (junitXml != null) {
            try {
                JUnitReport.write(junitXml, flowName(), results);
            } catch (IOException e) {
                return fail(err, junitXml + " could not be written: " + SwitchboardEngineCli.oneLine(e));
            }
        }
        out.flush();
        return failed == 0 ? SwitchboardEngineCli.OK : SwitchboardEngineCli.FLOW_ERRORS;
    }

    private String flowName() {
        String name = flowFile.getFileName().toString();
        return name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    }

    private void printCoverage(Coverage coverage, Flow flow, Messages m, PrintWriter out) {
        for (String node : coverage.untestedNodes()) {
            out.println("untested: " + FlowFiles.nodePlace(flow, node, m) + " is reached by no test");
        }
        for (RuntimeEvent.OutputTaken output : coverage.untestedOutputs()) {
            out.println("untested: output '" + output.port() + "' of " + FlowFiles.nodePlace(flow, output.nodeId(), m)
                    + " is taken by no test");
        }
    }
}
