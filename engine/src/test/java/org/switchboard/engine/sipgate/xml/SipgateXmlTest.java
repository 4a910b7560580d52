package org.switchboard.engine.sipgate.xml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SipgateXmlTest {

    private static final Response MENU = new Response().withOnAnswer("https://a.example/cb?x=1&ev=answer")
            .add(Gather.of("https://a.example/cb?x=1&node=menu", 1, 4000, Play.of("https://a.example/menu.wav")));

    @Test
    void startsWithThePlainUtf8DeclarationAndNoStandalone() {
        String xml = SipgateXml.write(new Response());
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response"), xml);
        assertFalse(xml.contains("standalone"), xml);
        assertEquals(1, xml.split("<\\?xml", -1).length - 1, "exactly one declaration: " + xml);
    }

    @Test
    void bytesAreTheUtf8OfTheString() {
        Response response = Response.of(Play.of("https://a.example/grüße-€.wav"));
        byte[] bytes = SipgateXml.writeBytes(response);
        assertArrayEquals(SipgateXml.write(response).getBytes(StandardCharsets.UTF_8), bytes);
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(text.contains("grüße-€"), text);
        assertTrue(containsSequence(bytes, new byte[] {(byte) 0xC3, (byte) 0xBC}), "ü as UTF-8");
        assertTrue(containsSequence(bytes, new byte[] {(byte) 0xE2, (byte) 0x82, (byte) 0xAC}), "€ as UTF-8");
    }

    @Test
    void escapesAmpersandsInAttributes() {
        String xml = SipgateXml.write(MENU);
        assertTrue(xml.contains("onAnswer=\"https://a.example/cb?x=1&amp;ev=answer\""), xml);
        assertFalse(xml.contains("x=1&ev"), xml);
    }

    @Test
    void leavesOutNullAttributesInsteadOfWritingNullOrUndefined() {
        String xml = SipgateXml.write(Response.of(Dial.toNumber("49"), new Reject(), Gather.of("https://g", null,
                null, null)));
        for (String absent : List.of("anonymous", "callerId", "reason", "maxDigits", "timeout", "onAnswer",
                "onHangup", "null", "undefined")) {
            assertFalse(xml.contains(absent), absent + " in " + xml);
        }
    }

    @Test
    void readsPrettyPrintedDocumentsWithoutDeclaration() {
        Response read = SipgateXml.read("""

                <Response onAnswer="https://a.example/cb?x=1&amp;ev=answer">
                    <!-- a comment -->
                    <Gather onData="https://a.example/cb?x=1&amp;node=menu" maxDigits="1" timeout="4000">
                        <Play>
                            <Url>https://a.example/menu.wav</Url>
                        </Play>
                    </Gather>
                </Response>
                """.strip());
        assertEquals(MENU, read);
        Gather gather = (Gather) read.getVerbs().get(0);
        assertEquals(Integer.valueOf(1), gather.getMaxDigits());
        assertEquals("https://a.example/menu.wav", gather.getPlay().getUrl());
        assertNull(read.getOnHangup());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "not xml at all",
        "<Response>",
        "<Response><Hangup></Response>",
        "<Foo/>",
        "<response/>",
        "<Response><Numbr>1</Numbr></Response>",
        "<Response><Dial><Numbr>1</Numbr></Dial></Response>",
        "<Response><Gather onData='x' maxDigits='abc'/></Response>",
        "<Response><Gather onData='x' timeout='1.5'/></Response>",
        "<Response><Dial anonymous='maybe'><Number>1</Number></Dial></Response>",
        "<Response/><Response/>",
        "<?xml version='1.0'?><!DOCTYPE Response [<!ENTITY x SYSTEM 'file:///etc/hostname'>]>"
                + "<Response><Play><Url>&x;</Url></Play></Response>",
        "<!DOCTYPE Response [<!ENTITY a 'aaaaaaaaaa'><!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'>]>"
                + "<Response><Play><Url>&b;</Url></Play></Response>"
    })
    void refusesBadXmlWithAOneLineMessage(String xml) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SipgateXml.read(xml));
        assertTrue(e.getMessage().startsWith("Not a sipgate XML answer: "), e.getMessage());
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertTrue(e.getMessage().length() < 300, e.getMessage());
    }

    @Test
    void namesTheUnknownElementAndItsPosition() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SipgateXml.read("<Response>\n<Dial><Numbr>1</Numbr></Dial></Response>"));
        assertTrue(e.getMessage().contains("Numbr"), e.getMessage());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void nullIsRefusedClearly() {
        assertThrows(IllegalArgumentException.class, () -> SipgateXml.read(null));
        assertThrows(NullPointerException.class, () -> SipgateXml.write(null));
        assertThrows(NullPointerException.class, () -> SipgateXml.writeBytes(null));
    }

    @Test
    void writesFromManyThreadsAtOnce() throws Exception {
        String expected = SipgateXml.write(MENU);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!expected.equals(SipgateXml.write(MENU))
                                || !Arrays.equals(expected.getBytes(StandardCharsets.UTF_8),
                                        SipgateXml.writeBytes(MENU))) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void modelHasValueEquality() {
        assertEquals(Dial.toNumbers(List.of("1", "2")).withAnonymous(true),
                Dial.toNumbers(List.of("1", "2")).withAnonymous(true));
        assertNotEquals(Dial.toNumbers(List.of("1", "2")), Dial.toNumbers(List.of("2", "1")));
        assertNotEquals(Dial.toNumber("1").withAnonymous(false), Dial.toNumber("1"));
        assertNotEquals(Dial.toVoicemail(), new Dial());
        assertEquals(Dial.toVoicemail(), new Dial().withVoicemail(true));
        assertEquals(new Hangup(), new Hangup());
        assertEquals(new Hangup().hashCode(), new Hangup().hashCode());
        assertNotEquals(new Hangup(), new Reject());
        assertEquals(Reject.busy(), Reject.of("busy"));
        assertNotEquals(Reject.busy(), new Reject());
        assertEquals(Play.of("u"), new Play().withUrl("u"));
        assertNotEquals(Play.of("u"), Play.of("v"));
        assertEquals(Gather.of("d", 1, 2, Play.of("u")), new Gather().withOnData("d").withMaxDigits(1)
                .withTimeout(2).withPlay(Play.of("u")));
        assertNotEquals(Gather.of("d", 1, 2, Play.of("u")), Gather.of("d", 1, 2, null));
        assertEquals(Response.of(new Hangup()).withOnAnswer("a"), new Response().withOnAnswer("a")
                .add(new Hangup()));
        assertNotEquals(Response.of(new Hangup(), Play.of("u")), Response.of(Play.of("u"), new Hangup()));
        assertEquals(Response.of(Dial.toVoicemail()).hashCode(), Response.of(Dial.toVoicemail()).hashCode());
    }

    @Test
    void gettersExposeTheModelButNotItsInsides() {
        Dial dial = Dial.toNumbers(List.of("1", "2")).withCallerId("3").withAnonymous(false);
        assertEquals(List.of("1", "2"), dial.getNumbers());
        assertEquals("3", dial.getCallerId());
        assertEquals(Boolean.FALSE, dial.getAnonymous());
        assertFalse(dial.isVoicemail());
        assertTrue(Dial.toVoicemail().isVoicemail());
        assertTrue(Dial.toVoicemail().getNumbers().isEmpty());
        assertThrows(UnsupportedOperationException.class, () -> dial.getNumbers().add("4"));
        Response response = Response.of(dial);
        assertThrows(UnsupportedOperationException.class, () -> response.getVerbs().add(new Hangup()));
        assertThrows(NullPointerException.class, () -> response.add(null));
        assertThrows(NullPointerException.class, () -> Dial.toNumbers(Arrays.asList("1", null)));
        assertEquals("busy", Reject.busy().getReason());
        assertNull(new Reject().getReason());
        assertEquals("rejected", new Reject().withReason(Reject.REJECTED).getReason());
    }

    private static boolean containsSequence(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int k = 0; k < needle.length; k++) {
                if (haystack[i + k] != needle[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
