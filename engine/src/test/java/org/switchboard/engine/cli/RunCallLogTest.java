package org.switchboard.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.calllog.CallLogReader;
import org.switchboard.engine.calllog.LoggedCall;
import org.switchboard.engine.files.FlowFiles;
import org.switchboard.engine.server.FamilyMenu;
import org.switchboard.engine.settings.ConfigDirs;
import org.switchboard.engine.simulate.SimulatedCall;
import org.switchboard.engine.simulate.SipgateSimulator;
import picocli.CommandLine;

/**
 * {@code run --call-log FILE} end to end: the real command serves the family menu, a call is pushed over loopback
 * (newCall, dtmf 1, hangup), the command stops, and the call is read back from the file: numbers, direction, the
 * path with the digits pressed, the end and every push with its answer. The file is owner-only, and the numbers
 * appear in no output line.
 */
class RunCallLogTest {

    @TempDir
    Path dir;

    @Test
    void aCallPushedToRunIsReadBackFromTheCallLog() throws Exception {
        Path flow = dir.resolve("family.json");
        FlowFiles.save(flow, FamilyMenu.flow());
        Path log = dir.resolve("calls.jsonl");
        String originalHome = System.getProperty(ConfigDirs.OVERRIDE_PROPERTY);
        System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, dir.resolve("config").toString());
        try {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            CommandLine cli = SwitchboardEngineCli.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(err, true));
            RunCommand command = (RunCommand) cli.getSubcommands().get("run").getCommand();
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> cli.execute("run", "--flow",
                    flow.toString(), "--port", "0", "--no-reload", "--call-log", log.toString()));
            String url = RunHangUpCallTest.awaitListening(out, err, exit);
            assertTrue(out.toString().contains("Call log: " + log), out::toString);

            SimulatedCall call = SipgateSimulator.forServer(url).newCall(FamilyMenu.PATH, "4930111222333",
                    "4921144455566", "in");
            assertEquals(200, call.pressDigits("1").status());
            assertEquals(200, call.hangup("normalClearing").status());
            command.stop();
            assertEquals(0, exit.get(10, TimeUnit.SECONDS), () -> out + "" + err);

            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(log)));
            CallLogReader.Result read = CallLogReader.read(log);
            assertEquals(0, read.skippedLines());
            assertEquals(1, read.calls().size(), read::toString);
            LoggedCall logged = read.calls().get(0);
            assertEquals(call.callId(), logged.callId());
            assertEquals("4930111222333", logged.from());
            assertEquals("4921144455566", logged.to());
            assertEquals("in", logged.direction());
            assertEquals(List.of(new LoggedCall.Step("in", null), new LoggedCall.Step("menu", "1"),
                    new LoggedCall.Step("choice", null), new LoggedCall.Step("anna", null)), logged.path());
            assertEquals("normalClearing", logged.endCause());
            assertFalse(logged.duration().isNegative());
            assertEquals(List.of("newCall", "dtmf", "hangup"),
                    logged.pushes().stream().map(LoggedCall.Push::event).toList());
            assertTrue(logged.pushes().get(1).xml().contains("4915123456789"), logged.pushes().get(1)::xml);
            String printed = out + "" + err;
            assertFalse(printed.contains("4930111222333"), printed);
        } finally {
            if (originalHome == null) {
                System.clearProperty(ConfigDirs.OVERRIDE_PROPERTY);
            } else {
                System.setProperty(ConfigDirs.OVERRIDE_PROPERTY, originalHome);
            }
        }
    }

    @Test
    void aCallLogThatCannotBeOpenedIsAClearError() throws Exception {
        Path flow = dir.resolve("family.json");
        FlowFiles.save(flow, FamilyMenu.flow());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = SwitchboardEngineCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        Path missing = dir.resolve("no-such-folder").resolve("calls.jsonl");
        int code = cli.execute("run", "--flow", flow.toString(), "--port", "0", "--call-log", missing.toString());
        assertEquals(2, code, () -> out + "" + err);
        assertTrue(err.toString().contains(missing.toString()), err::toString);
        assertFalse(err.toString().contains("Exception"), err::toString);
    }
}
