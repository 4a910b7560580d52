package org.switchboard.engine.sipgate.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.switchboard.engine.sipgate.xml.DomAssert.assertSameXml;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every verb and attribute combination from the sipgate.io spec (sections 2.3 and 2.6), written by
 * {@link SipgateXml} and compared as a tree with a hand-written golden document. Each case also reads the golden
 * document back and checks that it gives the same model, and that the model survives a write/read round trip.
 */
class SipgateXmlGoldenTest {

    private static final String CB = "https://flows.example.net/sg/cb?flow=42";

    static Stream<Arguments> cases() {
        return Stream.of(
                golden("empty response", new Response(), "<Response/>"),
                golden("empty with onAnswer", new Response().withOnAnswer(CB + "&ev=answer"),
                        "<Response onAnswer='" + CB + "&amp;ev=answer'/>"),
                golden("empty with onHangup", new Response().withOnHangup(CB + "&ev=hangup"),
                        "<Response onHangup='" + CB + "&amp;ev=hangup'/>"),
                golden("empty with onAnswer and onHangup",
                        new Response().withOnAnswer(CB + "&ev=answer").withOnHangup(CB + "&ev=hangup"),
                        "<Response onAnswer='" + CB + "&amp;ev=answer' onHangup='" + CB + "&amp;ev=hangup'/>"),
                golden("spec 2.6: gather menu with prompt and subscriptions",
                        new Response().withOnAnswer(CB + "&ev=answer").withOnHangup(CB + "&ev=hangup")
                                .add(Gather.of(CB + "&node=menu1", 1, 4000,
                                        Play.of("https://flows.example.net/audio/menu1.wav"))),
                        """
                        <?xml version="1.0" encoding="UTF-8"?>
                        <Response onAnswer="https://flows.example.net/sg/cb?flow=42&amp;ev=answer"
                                  onHangup="https://flows.example.net/sg/cb?flow=42&amp;ev=hangup">
                          <Gather onData="https://flows.example.net/sg/cb?flow=42&amp;node=menu1" maxDigits="1"
                                  timeout="4000">
                            <Play><Url>https://flows.example.net/audio/menu1.wav</Url></Play>
                          </Gather>
                        </Response>"""),
                golden("spec 2.6: two numbers, anonymous",
                        Response.of(Dial.toNumbers(List.of("4915799912345", "492111234567")).withAnonymous(true)),
                        """
                        <Response>
                          <Dial anonymous="true">
                            <Number>4915799912345</Number>
                            <Number>492111234567</Number>
                          </Dial>
                        </Response>"""),
                golden("spec 2.6: outgoing with caller id",
                        Response.of(Dial.toNumber("4915799912345").withCallerId("492111234567")),
                        "<Response><Dial callerId=\"492111234567\"><Number>4915799912345</Number></Dial></Response>"),
                golden("dial anonymous false", Response.of(Dial.toNumber("4915799912345").withAnonymous(false)),
                        "<Response><Dial anonymous=\"false\"><Number>4915799912345</Number></Dial></Response>"),
                golden("dial anonymous absent", Response.of(Dial.toNumber("4915799912345")),
                        "<Response><Dial><Number>4915799912345</Number></Dial></Response>"),
                golden("dial caller id and anonymous",
                        Response.of(Dial.toNumber("4915799912345").withCallerId("492111234567").withAnonymous(true)),
                        "<Response><Dial anonymous='true' callerId='492111234567'>"
                                + "<Number>4915799912345</Number></Dial></Response>"),
                golden("dial five numbers",
                        Response.of(Dial.toNumbers(List.of("491", "492", "493", "494", "495"))),
                        "<Response><Dial><Number>491</Number><Number>492</Number><Number>493</Number>"
                                + "<Number>494</Number><Number>495</Number></Dial></Response>"),
                golden("spec 2.6: voicemail", Response.of(Dial.toVoicemail()),
                        "<Response><Dial><Voicemail/></Dial></Response>"),
                golden("voicemail with subscriptions",
                        Response.of(Dial.toVoicemail()).withOnHangup("https://h.example/x?a=1&b=2"),
                        "<Response onHangup='https://h.example/x?a=1&amp;b=2'><Dial><Voicemail/></Dial></Response>"),
                golden("spec 2.6: reject busy", Response.of(Reject.of(Reject.BUSY)),
                        "<Response><Reject reason=\"busy\"/></Response>"),
                golden("reject rejected", Response.of(Reject.of("rejected")),
                        "<Response><Reject reason=\"rejected\"/></Response>"),
                golden("reject without reason", Response.of(new Reject()),
                        "<Response><Reject/></Response>"),
                golden("spec 2.6: hangup", Response.of(new Hangup()), "<Response><Hangup/></Response>"),
                golden("spec 2.6: play", Response.of(Play.of("https://flows.example.net/audio/closed.wav")),
                        "<Response><Play><Url>https://flows.example.net/audio/closed.wav</Url></Play></Response>"),
                golden("play url with ampersand and quote",
                        Response.of(Play.of("https://a.example/get?f=1&g=\"2\"&h=<3>")),
                        "<Response><Play><Url>https://a.example/get?f=1&amp;g=\"2\"&amp;h=&lt;3&gt;</Url></Play>"
                                + "</Response>"),
                golden("gather without play", Response.of(Gather.of(CB, 4, 3000, null)),
                        "<Response><Gather onData='" + CB + "' maxDigits='4' timeout='3000'/></Response>"),
                golden("gather with only onData", Response.of(Gather.of(CB, null, null, null)),
                        "<Response><Gather onData='" + CB + "'/></Response>"),
                golden("gather with play and only maxDigits",
                        Response.of(Gather.of(CB, 3, null, Play.of("https://a.example/p.wav"))),
                        "<Response><Gather onData='" + CB + "' maxDigits='3'><Play><Url>https://a.example/p.wav"
                                + "</Url></Play></Gather></Response>"),
                golden("sequence play then dial",
                        Response.of(Play.of("https://a.example/hello.wav"), Dial.toNumber("4915799912345")),
                        "<Response><Play><Url>https://a.example/hello.wav</Url></Play>"
                                + "<Dial><Number>4915799912345</Number></Dial></Response>"),
                golden("sequence play then hangup",
                        Response.of(Play.of("https://a.example/bye.wav"), new Hangup()),
                        "<Response><Play><Url>https://a.example/bye.wav</Url></Play><Hangup/></Response>"),
                golden("sequence play then reject",
                        Response.of(Play.of("https://a.example/closed.wav"), Reject.busy())
                                .withOnHangup("https://a.example/h"),
                        "<Response onHangup='https://a.example/h'><Play><Url>https://a.example/closed.wav</Url>"
                                + "</Play><Reject reason='busy'/></Response>"),
                golden("sequence play, play, hangup",
                        Response.of(Play.of("https://a.example/1.wav"), Play.of("https://a.example/2.wav"),
                                new Hangup()),
                        "<Response><Play><Url>https://a.example/1.wav</Url></Play>"
                                + "<Play><Url>https://a.example/2.wav</Url></Play><Hangup/></Response>"),
                golden("utf-8 text", Response.of(Play.of("https://a.example/grüße-€-日本-😀.wav"))
                                .withOnAnswer("https://a.example/ä?x=ö&y=ß"),
                        "<Response onAnswer='https://a.example/ä?x=ö&amp;y=ß'>"
                                + "<Play><Url>https://a.example/grüße-€-日本-😀.wav</Url></Play></Response>"));
    }

    private static Arguments golden(String name, Response model, String xml) {
        return Arguments.of(name, model, xml);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void writesTheGoldenDocument(String name, Response model, String golden) {
        String written = SipgateXml.write(model);
        assertSameXml(golden, written);
        assertSameXml(golden, new String(SipgateXml.writeBytes(model), java.nio.charset.StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void readsTheGoldenDocumentIntoTheSameModel(String name, Response model, String golden) {
        assertEquals(model, SipgateXml.read(golden));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void roundTrips(String name, Response model, String golden) {
        Response back = SipgateXml.read(SipgateXml.write(model));
        assertEquals(model, back);
        assertEquals(model.hashCode(), back.hashCode());
    }

    /** The golden comparison is only worth something if it notices differences. */
    @Test
    void treeComparisonNoticesDifferences() {
        String dial = "<Response><Dial anonymous='true'><Number>1</Number><Number>2</Number></Dial></Response>";
        assertSameXml(dial, "<?xml version='1.0'?>\n<Response>\n  <Dial anonymous=\"true\">\n    <Number> 1 </Number>"
                + "<Number>2</Number>\n  </Dial>\n</Response>");
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial anonymous='false'><Number>1</Number><Number>2</Number></Dial></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial><Number>1</Number><Number>2</Number></Dial></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial anonymous='true' callerId='3'><Number>1</Number><Number>2</Number></Dial>"
                        + "</Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial anonymous='true'><Number>2</Number><Number>1</Number></Dial></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial anonymous='true'><Number>1</Number></Dial></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml(dial,
                "<Response><Dial anonymous='true'><Number>1</Number><Numbers>2</Numbers></Dial></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml("<Response/>", "<Response><Hangup/></Response>"));
        assertThrows(AssertionError.class, () -> assertSameXml("<Response/>", "<Respons/>"));
    }
}
