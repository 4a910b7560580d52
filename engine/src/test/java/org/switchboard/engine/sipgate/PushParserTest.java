package org.switchboard.engine.sipgate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.engine.sipgate.TestVectors.FORM;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PushParserTest {

    private static final String HEX_ID =
            "54566B150B0C0D3A5D534D5F565D7C5F54535A5C5B53525A7E5B5D5745504457444C425D5057";

    private static PushEvent parse(String body) throws BadPushException {
        return PushParser.parse(body.getBytes(StandardCharsets.UTF_8), FORM);
    }

    private static String error(String body) {
        return error(body.getBytes(StandardCharsets.UTF_8), FORM);
    }

    private static String error(byte[] body, String contentType) {
        BadPushException e = assertThrows(BadPushException.class, () -> PushParser.parse(body, contentType));
        assertFalse(e.getMessage().contains("\n") || e.getMessage().contains("\r"), e.getMessage());
        assertEquals(0, e.getStackTrace().length, "no stack trace on the hot path");
        return e.getMessage();
    }

    // --- real bodies -------------------------------------------------------------------------------------------

    @Test
    void parsesTheNodeLibraryVectorWithQsStyleArrays() throws Exception {
        byte[] body = TestVectors.body1();
        PushEvent push = PushParser.parse(body, FORM);
        assertEquals(PushEvent.NEW_CALL, push.event());
        assertTrue(push.isNewCall());
        assertEquals("", push.callId());
        assertEquals("", push.origCallId(), "falls back to originalCallId");
        assertEquals("", push.xcid());
        assertEquals("4912354678", push.from());
        assertEquals("49999999", push.to());
        assertEquals("in", push.direction());
        assertEquals(List.of("TestUser"), push.users());
        assertEquals(List.of("123456789"), push.userIds());
        assertEquals(List.of("123456789"), push.fullUserIds());
        assertNull(push.diversion());
        assertNull(push.answeringNumber());
        assertNull(push.cause());
        assertNull(push.dtmf());
        assertEquals(List.of("callId", "direction", "event", "from", "fullUserId", "originalCallId", "to", "user",
                "userId", "xcid"), new ArrayList<>(push.fields().keySet()), "normalised keys in body order");
        assertArrayEquals(body, push.rawBody());
    }

    @Test
    void parsesTheRealCaptureWithHexIdsAndAnEmptyUser() throws Exception {
        PushEvent push = PushParser.parse(TestVectors.body2(), FORM);
        assertEquals(PushEvent.NEW_CALL, push.event());
        assertEquals(HEX_ID, push.callId());
        assertEquals(76, push.callId().length());
        assertEquals(HEX_ID, push.origCallId());
        assertEquals("8419b3450b75cd19", push.xcid());
        assertEquals("491776249000", push.from());
        assertEquals("4928559389086", push.to());
        assertEquals("in", push.direction());
        assertEquals(List.of(), push.users(), "user%5B%5D= names nobody");
        assertEquals(List.of(""), push.fields().get("user"), "but the field itself is kept as sent");
        assertEquals(List.of(), push.userIds());
        assertEquals(List.of(), push.fullUserIds());
        assertNull(push.dtmf());
        assertEquals(267, push.rawBody().length);
    }

    // --- curl examples from the spec, section 1.7 ----------------------------------------------------------------

    @Test
    void groupCallKeepsAllUsersInOrder() throws Exception {
        PushEvent push = parse("event=newCall&from=492111234567&to=4915791234567&direction=in&callId=123456"
                + "&origCallId=123456&xcid=abc123&user%5B%5D=Alice&user%5B%5D=Bob&userId%5B%5D=w0&userId%5B%5D=w1"
                + "&fullUserId%5B%5D=1234567w0&fullUserId%5B%5D=1234567w1");
        assertEquals(List.of("Alice", "Bob"), push.users());
        assertEquals(List.of("w0", "w1"), push.userIds());
        assertEquals(List.of("1234567w0", "1234567w1"), push.fullUserIds());
        assertEquals("123456", push.callId());
        assertEquals("123456", push.origCallId());
        assertEquals("abc123", push.xcid());
        assertEquals("492111234567", push.from());
        assertEquals("4915791234567", push.to());
        assertEquals("Alice", push.first("user"));
        assertEquals("Alice", push.first("user[]"));
    }

    @Test
    void outgoingNewCall() throws Exception {
        PushEvent push = parse("event=newCall&from=4921100000000&to=4915799912345&direction=out&callId=777"
                + "&user%5B%5D=Alice");
        assertEquals("out", push.direction());
        assertEquals(List.of("Alice"), push.users());
        assertNull(push.origCallId());
        assertNull(push.xcid());
    }

    @Test
    void answerWithPlusAsSpace() throws Exception {
        PushEvent push = parse("event=answer&callId=123456&user=John+Doe&userId=w0&fullUserId=1234567w0"
                + "&from=492111234567&to=4915791234567&direction=in&answeringNumber=4921199999999");
        assertEquals(PushEvent.ANSWER, push.event());
        assertEquals(List.of("John Doe"), push.users());
        assertEquals(List.of("w0"), push.userIds());
        assertEquals(List.of("1234567w0"), push.fullUserIds());
        assertEquals("4921199999999", push.answeringNumber());
        assertFalse(push.isNewCall());
    }

    @Test
    void answerByVoicemailNamesNobody() throws Exception {
        assertEquals(List.of(), parse("event=answer&callId=1&user=&answeringNumber=49").users());
    }

    @Test
    void hangupWithCause() throws Exception {
        PushEvent push = parse("event=hangup&cause=normalClearing&callId=123456&from=492111234567"
                + "&to=4915791234567&direction=in&answeringNumber=4921199999999");
        assertEquals(PushEvent.HANGUP, push.event());
        assertEquals("normalClearing", push.cause());
        assertEquals("4921199999999", push.answeringNumber());
        assertEquals(List.of(), push.users());
    }

    @Test
    void dtmfWithDigitsKeepsLeadingZeros() throws Exception {
        PushEvent push = parse("event=dtmf&dtmf=0123&callId=123456");
        assertEquals(PushEvent.DTMF, push.event());
        assertEquals("0123", push.dtmf());
        assertEquals("1", parse("event=dtmf&dtmf=1&callId=123456").dtmf());
    }

    @Test
    void dtmfMissingIsNullAndEmptyIsEmpty() throws Exception {
        assertNull(parse("event=dtmf&callId=123456").dtmf());
        assertEquals("", parse("event=dtmf&dtmf=&callId=123456").dtmf());
        assertEquals("", parse("event=dtmf&dtmf&callId=123456").dtmf());
        assertEquals("*#", parse("event=dtmf&dtmf=*%23&callId=1").dtmf());
    }

    @Test
    void diversionIsRead() throws Exception {
        assertEquals("4921100000000", parse("event=newCall&callId=B&diversion=4921100000000").diversion());
    }

    // --- keys ------------------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"user[]", "user%5B%5D", "user%5b%5d", "user[0]", "user%5B0%5D", "user[][0]",
        "user%5B%5D%5B0%5D", "user[][12]", "user", "user[0][1]"})
    void allArraySpellingsBecomeOneKey(String key) throws Exception {
        PushEvent push = parse("event=newCall&" + key + "=Alice&" + key + "=Bob");
        assertEquals(List.of("Alice", "Bob"), push.users());
        assertEquals(List.of("event", "user"), new ArrayList<>(push.fields().keySet()));
    }

    @Test
    void mixedSpellingsAreMergedInBodyOrder() throws Exception {
        assertEquals(List.of("A", "B", "C"), parse("user[]=A&event=newCall&user%5B%5D%5B0%5D=B&user=C").users());
    }

    @ParameterizedTest
    @CsvSource({"user[],user", "user[0],user", "user[][0],user", "user[][7],user", "user[x],user[x]",
        "[],[]", "[0],[0]", "user],user]", "user[,user[", "a[b][],a[b]", "user[1x],user[1x]", "plain,plain"})
    void normalisesKeys(String key, String expected) {
        assertEquals(expected, PushParser.normaliseKey(key));
    }

    @Test
    void splitsAtTheFirstEqualsSignOnly() throws Exception {
        PushEvent push = parse("event=newCall&note=a=b=c&flag&=anonymous&x=%3D");
        assertEquals("a=b=c", push.first("note"));
        assertEquals("", push.first("flag"));
        assertEquals("anonymous", push.first(""));
        assertEquals("=", push.first("x"));
    }

    @Test
    void skipsEmptyPairs() throws Exception {
        PushEvent push = parse("&&event=newCall&&callId=1&");
        assertEquals("1", push.callId());
        assertEquals(2, push.fields().size());
    }

    @Test
    void decodesUtf8AndPlus() throws Exception {
        PushEvent push = parse("event=answer&user=J%C3%BCrgen+M%C3%BCller&note=%E2%82%AC+%F0%9F%98%80&p=%2B49"
                + "&raw=Grüße");
        assertEquals(List.of("Jürgen Müller"), push.users());
        assertEquals("€ 😀", push.first("note"));
        assertEquals("+49", push.first("p"));
        assertEquals("Grüße", push.first("raw"), "unencoded UTF-8 bytes are accepted too");
    }

    @Test
    void decodesEncodedKeysAndControlCharactersInValues() throws Exception {
        PushEvent push = parse("event=newCall&my%20key=%00%0A");
        assertEquals("\u0000\n", push.first("my key"), "values are data; only messages are cleaned");
    }

    // --- content type ----------------------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=UTF-8",
        "APPLICATION/X-WWW-FORM-URLENCODED;CHARSET=utf-8", "  application/x-www-form-urlencoded ; charset=utf-8 "})
    void acceptsFormContentTypes(String contentType) throws Exception {
        assertEquals("1", PushParser.parse("event=dtmf&callId=1".getBytes(StandardCharsets.US_ASCII), contentType)
                .callId());
    }

    @Test
    void refusesOtherContentTypes() {
        byte[] body = "event=dtmf&callId=1".getBytes(StandardCharsets.US_ASCII);
        String prefix = "Expected a form-encoded body (application/x-www-form-urlencoded), got ";
        assertEquals(prefix + "no content type", error(body, null));
        assertEquals(prefix + "no content type", error(body, ""));
        assertEquals(prefix + "no content type", error(body, "  "));
        assertEquals(prefix + "text/plain", error(body, "text/plain"));
        assertEquals(prefix + "application/json; charset=UTF-8", error(body, "application/json; charset=UTF-8"));
        assertEquals(prefix + "application/x-www-form-urlencodedX", error(body, "application/x-www-form-urlencodedX"));
        assertEquals(prefix + "multipart/form-data; boundary=abc", error(body, "multipart/form-data; boundary=abc"));
    }

    @Test
    void clipsAndCleansALongContentType() {
        String message = error("event=dtmf".getBytes(StandardCharsets.US_ASCII),
                "text/\r\nX-Evil: 1\u202e" + "x".repeat(500));
        String echoed = message.substring(message.indexOf("got ") + 4);
        assertEquals("text/X-Evil: 1" + "x".repeat(26) + "…", echoed);
    }

    // --- errors ----------------------------------------------------------------------------------------------------

    @Test
    void emptyBody() {
        assertEquals("Empty body", error(new byte[0], FORM));
        assertEquals("Empty body", error(null, FORM));
    }

    @Test
    void missingOrEmptyEvent() {
        assertEquals("Missing 'event' field", error("callId=1&from=49"));
        assertEquals("Missing 'event' field", error("event=&callId=1"));
        assertEquals("Missing 'event' field", error("event&callId=1"));
        assertEquals("Missing 'event' field", error("&&&"));
    }

    @Test
    void unknownEvent() {
        assertEquals("Unknown event 'xyz' (expected newCall, answer, hangup or dtmf)", error("event=xyz"));
        assertEquals("Unknown event 'NewCall' (expected newCall, answer, hangup or dtmf)", error("event=NewCall"),
                "event names are case-sensitive");
        assertEquals("Unknown event 'newCall ' (expected newCall, answer, hangup or dtmf)", error("event=newCall+"),
                "no trimming: sipgate sends exact names");
    }

    @Test
    void unknownEventEchoesAtMostFortyCleanCharacters() {
        String message = error("event=%1B%5B31m" + "A".repeat(1000) + "%0D%0Afake+log+line");
        assertEquals("Unknown event '[31m" + "A".repeat(36) + "…' (expected newCall, answer, hangup or dtmf)",
                message);
    }

    @Test
    void firstEventWins() throws Exception {
        assertEquals(PushEvent.HANGUP, parse("event=hangup&event=xyz").event());
        assertSame(PushEvent.HANGUP, parse("event=hangup").event());
    }

    @Test
    void fieldLimit() throws Exception {
        StringBuilder body = new StringBuilder("event=newCall");
        for (int i = 1; i < PushParser.MAX_FIELDS; i++) {
            body.append("&f").append(i).append('=').append(i);
        }
        assertEquals(PushParser.MAX_FIELDS, parse(body.toString()).fields().size());
        body.append("&one=more");
        assertEquals("Too many form fields (limit 100)", error(body.toString()));
        assertEquals("Too many form fields (limit 100)", error("event=newCall" + "&u=1".repeat(100)),
                "repeated keys count too");
    }

    @Test
    void brokenPercentEncoding() {
        assertEquals("Broken percent-encoding in field 'callId' at position 21", error("event=newCall&callId=%G1"));
        assertEquals("Broken percent-encoding in field 'callId' at position 24", error("event=newCall&callId=abc%4"));
        assertEquals("Broken percent-encoding in field 'callId' at position 21", error("event=newCall&callId=%"));
        assertEquals("Broken percent-encoding in field 'callId' at position 22",
                error("event=newCall&callId=1%4&from=2"), "a truncated escape before the next pair");
        assertEquals("Broken percent-encoding in field 'ev%ZZent' at position 2", error("ev%ZZent=newCall"));
        assertEquals("Broken percent-encoding in field 'user' at position 22", error("event=newCall&user=%C3%"));
    }

    @Test
    void brokenPercentEncodingInAHugeKeyIsClipped() {
        String message = error("x".repeat(10_000) + "%zz=1");
        assertEquals("Broken percent-encoding in field '" + "x".repeat(40) + "…' at position 10000", message);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%C3%28", "%C0%AF", "%E0%80%AF", "%ED%A0%80", "%F4%90%80%80", "%F8%88%80%80%80", "%FF",
        "%C3", "%E2%82", "%80", "ok%C3"})
    void invalidUtf8(String value) {
        assertEquals("Invalid UTF-8 in field 'from'", error("event=newCall&from=" + value));
    }

    @Test
    void invalidUtf8InRawBytes() {
        byte[] body = {'e', 'v', 'e', 'n', 't', '=', 'd', 't', 'm', 'f', '&', 'x', '=', (byte) 0xFF};
        assertEquals("Invalid UTF-8 in field 'x'", error(body, FORM));
    }

    @Test
    void validUtf8Edges() throws Exception {
        assertEquals("\u0080\u07FF\u0800\uFFFF\uD800\uDC00\uDBFF\uDFFF",
                parse("event=dtmf&x=%C2%80%DF%BF%E0%A0%80%EF%BF%BF%F0%90%80%80%F4%8F%BF%BF").first("x"));
    }

    @Test
    void survivesRandomGarbage() {
        Random random = new Random(42);
        String alphabet = "=&%+[]0123456789abcdefABCDEFGevntwCalhupdms \u00fc";
        for (int i = 0; i < 20_000; i++) {
            byte[] body;
            if (i % 2 == 0) {
                body = new byte[random.nextInt(60)];
                random.nextBytes(body);
            } else {
                StringBuilder text = new StringBuilder(i % 4 == 1 ? "event=newCall&" : "");
                for (int k = random.nextInt(60); k > 0; k--) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                body = text.toString().getBytes(StandardCharsets.UTF_8);
            }
            try {
                PushEvent push = PushParser.parse(body, FORM);
                assertTrue(List.of("newCall", "answer", "hangup", "dtmf").contains(push.event()));
            } catch (BadPushException expected) {
                assertFalse(expected.getMessage().isBlank());
            }
        }
    }

    // --- the event value ---------------------------------------------------------------------------------------------

    @Test
    void eventIsImmutable() throws Exception {
        byte[] body = "event=newCall&user[]=A&callId=1".getBytes(StandardCharsets.US_ASCII);
        PushEvent push = PushParser.parse(body, FORM);
        body[0] = 'X';
        assertEquals('e', push.rawBody()[0], "the event copied the body");
        push.rawBody()[0] = 'Y';
        assertEquals('e', push.rawBody()[0], "callers get a copy");
        assertThrows(UnsupportedOperationException.class, () -> push.fields().put("x", List.of()));
        assertThrows(UnsupportedOperationException.class, () -> push.fields().get("user").add("B"));
        assertThrows(UnsupportedOperationException.class, () -> push.users().add("B"));
        assertThrows(UnsupportedOperationException.class, () -> push.userIds().add("B"));
    }

    @Test
    void firstFindsNormalisedAndWireKeys() throws Exception {
        PushEvent push = parse("event=newCall&user%5B%5D%5B0%5D=A&user[]=B");
        assertEquals("A", push.first("user"));
        assertEquals("A", push.first("user[][0]"));
        assertNull(push.first("nope"));
        assertNull(push.first(null));
    }

    @Test
    void eventsAreValuesIncludingTheBody() throws Exception {
        String body = "event=dtmf&dtmf=1&callId=7";
        assertEquals(parse(body), parse(body));
        assertEquals(parse(body).hashCode(), parse(body).hashCode());
        assertNotEquals(parse(body), parse("callId=7&event=dtmf&dtmf=1"), "same fields, different bytes");
        assertTrue(parse(body).toString().contains("rawBody=26 bytes"), parse(body).toString());
    }

    @Test
    void constructorFillsInEmptyCollections() {
        PushEvent push = new PushEvent(PushEvent.DTMF, "1", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
        assertEquals(List.of(), push.users());
        assertEquals(List.of(), push.userIds());
        assertEquals(List.of(), push.fullUserIds());
        assertEquals(Map.of(), push.fields());
        assertEquals(0, push.rawBody().length);
        assertNull(push.first("dtmf"));
    }
}
