package org.switchboard.engine.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import org.switchboard.engine.files.FlowFileException;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.files.LoadedFlow;
import org.switchboard.engine.i18n.Messages;

/**
 * {@code import NODE_RED.json OUT.json}: converts a Node-RED export of node-red-contrib-sipgate flows into a
 * Switchboard flow file and prints what could not be converted and what validation finds. It never overwrites an
 * existing file unless {@code --force} is given. Exit 0 when the file was written (even with problems left to fix
 * in the editor), 2 when nothing was written.
 */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Converts a Node-RED export (node-red-contrib-sipgate) into a Switchboard flow file.",
            "Prints every problem of the conversion. Exit code: 0 written, 2 not written."})
public final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "NODE_RED.json", description = "the Node-RED export to convert")
    Path input;

    @Parameters(index = "1", paramLabel = "OUT.json", description = "the Switchboard flow file to write")
    Path output;

    @Option(names = {"-f", "--force"}, description = "overwrite OUT.json if it exists")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Files.exists(output) && !force) {
            err.println("error: " + output + " already exists; add --force to overwrite it");
            return SwitchboardEngineCli.FAILED;
        }
        LoadedFlow loaded;
        try {
            loaded = FlowFiles.load(input);
        } catch (FlowFileException e) {
            err.println("error: " + e.getMessage());
            return SwitchboardEngineCli.FAILED;
        }
        if (loaded.source() == LoadedFlow.Source.SWITCHBOARD) {
            out.println("note: " + input + " is already a Switchboard flow; it is written in the current format");
        }
        ValidateCommand.Report report = ValidateCommand.Report.print(output, loaded,
                Messages.forLocale(Locale.getDefault()), out);
        try {
            FlowFiles.save(output, loaded.flow());
        } catch (IOException e) {
            err.println("error: " + SwitchboardEngineCli.oneLine(e)); // names the file and why, or "read-only"
            return SwitchboardEngineCli.FAILED;
        }
        out.println("wrote " + output + ": " + ValidateCommand.Report.count(loaded.flow().nodes().size(), "node")
                + ", " + ValidateCommand.Report.count(loaded.flow().wires().size(), "wire") + "; " + report.summary()
                + (report.errors() + report.warnings() > 0 ? " (open it in Switchboard to fix them)" : ""));
        return SwitchboardEngineCli.OK;
    }
}
