package org.switchboard.engine.calltests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.engine.files.FlowFileException;

/** The test calls file: written for diffs, read back unchanged, and strict with a clear message on bad input. */
class TestCallsFileTest {

    @TempDir
    Path dir;

    private static final TestCall ONE = new TestCall("Key 1 rings Anna",
            new TestCall.Setup("/sipgate", "+4930123456", "+4921112345678", "in", "Alice"),
            List.of(new Input.Press("1"), new Input.CalledParty("busy")),
            List.of(new Experience.Hears("https://example.com/menu.wav"), new Experience.MayPress(1, 2.5),
                    new Experience.ConnectedTo(List.of("+4915123456789"), "+4930123456", true),
                    new Experience.Ends("hungUpByFlow")));
    private static final TestCall TWO = new TestCall("Timeout \"quoted\"",
            new TestCall.Setup(null, "anonymous", "+4921112345678", "out", null),
            List.of(new Input.Timeout(), new Input.CallerHangsUp()),
            List.of(new Experience.Voicemail(), new Experience.RoutedNormally(), new Experience.ServerError(500),
                    new Experience.MayPress(3, 5)));

    @Test
    void savedTestsReadBackEqualWithOneLinePerStep() throws Exception {
        Path file = dir.resolve("family.tests.json");
        TestCallsFile.save(file, List.of(ONE, TWO));
        assertEquals(List.of(ONE, TWO), TestCallsFile.load(file));
        String text = Files.readString(file);
        assertTrue(text.contains("\n        {\"press\": \"1\"},\n        {\"calledParty\": \"busy\"}\n"), text);
        assertTrue(text.contains("\n        {\"mayPress\": 1, \"seconds\": 2.5},\n"), text);
        assertTrue(text.contains("\n        {\"mayPress\": 3, \"seconds\": 5}\n"), text);
        assertTrue(text.contains("{\"connectedTo\": [\"+4915123456789\"], \"callerId\": \"+4930123456\", "
                + "\"anonymous\": true}"), text);
        assertTrue(text.startsWith("{\n  \"formatVersion\": 1,\n  \"tests\": [\n    {\n      \"name\": "), text);
        assertEquals(List.of(), TestCallsFile.parse(TestCallsFile.toJson(List.of()), "empty"));
    }

    @Test
    void numbersMayBeTypedAsPeopleWriteThem() throws Exception {
        List<TestCall> tests = TestCallsFile.parse("{\"formatVersion\": 1, \"tests\": [{\"name\": \"a\", "
                + "\"expect\": [{\"connectedTo\": [\"+49 151 2345 6789\"]}]}]}", "t.json");
        assertEquals(new Experience.ConnectedTo(List.of("+4915123456789"), null, false), tests.get(0).expect().get(0));
        assertEquals("+4930123456", tests.get(0).call().from());
    }

    @Test
    void besideTheFlow() {
        assertEquals(Path.of("flows", "family.tests.json"), TestCallsFile.besideFlow(Path.of("flows", "family.json")));
    }

    @Test
    void badFilesSayWhereAndWhat() {
        assertEquals("t.json (tests[0].inputs[0]): unknown input \"pres\" (expected press, timeout, calledParty or "
                + "callerHangsUp)", problem("{\"formatVersion\": 1, \"tests\": [{\"name\": \"a\", "
                + "\"inputs\": [{\"pres\": \"1\"}]}]}"));
        assertEquals("t.json (tests[0].inputs[0].press): expected keys 0-9, * or #, found \"1a\"",
                problem("{\"formatVersion\": 1, \"tests\": [{\"name\": \"a\", \"inputs\": [{\"press\": \"1a\"}]}]}"));
        assertEquals("t.json (tests[0].expect[0]): unknown expectation \"hear\" (expected hears, mayPress, "
                + "connectedTo, voicemail, ends, routedNormally or serverError)",
                problem("{\"formatVersion\": 1, \"tests\": [{\"name\": \"a\", \"expect\": [{\"hear\": \"x\"}]}]}"));
        assertEquals("t.json (tests[0].call.direction): expected \"in\" or \"out\", found \"sideways\"",
                problem("{\"formatVersion\": 1, \"tests\": [{\"name\": \"a\", "
                        + "\"call\": {\"direction\": \"sideways\"}}]}"));
        assertEquals("t.json (tests[0].name): missing", problem("{\"formatVersion\": 1, \"tests\": [{}]}"));
        assertEquals("t.json (formatVersion): version 9 was written by a newer Switchboard; this one reads version 1",
                problem("{\"formatVersion\": 9, \"tests\": []}"));
        assertTrue(problem("{\"formatVersion\": 1, \"tests\": [").startsWith("t.json, line 1, column "));
    }

    @Test
    void aMissingFileSaysSo() {
        FlowFileException e = assertThrows(FlowFileException.class,
                () -> TestCallsFile.load(dir.resolve("none.tests.json")));
        assertEquals("none.tests.json: the file does not exist", e.getMessage());
    }

    private static String problem(String json) {
        return assertThrows(FlowFileException.class, () -> TestCallsFile.parse(json, "t.json")).getMessage();
    }
}
