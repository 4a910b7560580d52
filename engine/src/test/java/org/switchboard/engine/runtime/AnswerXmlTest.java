package org.switchboard.engine.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.switchboard.engine.sipgate.xml.Dial;
import org.switchboard.engine.sipgate.xml.Gather;
import org.switchboard.engine.sipgate.xml.Hangup;
import org.switchboard.engine.sipgate.xml.Play;
import org.switchboard.engine.sipgate.xml.Reject;
import org.switchboard.engine.sipgate.xml.Response;
import org.switchboard.engine.sipgate.xml.SipgateXml;
import org.switchboard.engine.sipgate.xml.Verb;

/** The hot-path writer must produce exactly what the JAXB writer produces, character for character. */
class AnswerXmlTest {

    private static void assertSame(Response response) {
        assertEquals(SipgateXml.write(response), AnswerXml.write(response), response::toString);
    }

    @Test
    void everyVerbAndAttributeIsWrittenLikeJaxb() {
        String cb = "http://127.0.0.1:8080/cb/AbCdEfGhIjKlMnOpQrStUv";
        assertSame(new Response());
        assertSame(new Response().withOnAnswer(cb).withOnHangup(cb));
        assertSame(Response.of(Gather.of(cb, 1, 5000, Play.of("https://example.org/menu.wav"))).withOnHangup(cb));
        assertSame(Response.of(Gather.of(cb, null, null, null)));
        assertSame(Response.of(Gather.of(null, 4, null, new Play())));
        assertSame(Response.of(Dial.toNumbers(List.of("4915123456789", "4930123456")).withCallerId("4930")
                .withAnonymous(true)));
        assertSame(Response.of(Dial.toNumber("491").withAnonymous(false)));
        assertSame(Response.of(Dial.toVoicemail()));
        assertSame(Response.of(Dial.toNumbers(List.of())));
        assertSame(Response.of(Play.of("https://example.org/sorry.wav"), new Hangup()));
        assertSame(Response.of(Play.of("https://example.org/busy.wav"), Reject.busy()));
        assertSame(Response.of(new Reject(), Reject.of("rejected"), new Hangup(), new Play()));
    }

    @Test
    void escapingMatchesJaxbIncludingTheRareCharacters() {
        String[] values = {"a&b", "<tag>", "\"quoted\"", "it's", "x=1&y=2", "ümlaut €", "emoji \ud83d\ude00",
            "tab\there", "line\nbreak", "cr\rhere", "nul\u0001", "\u2028\u0085", "&amp;", "]]>", ""};
        for (String v : values) {
            assertSame(new Response().withOnAnswer(v).withOnHangup(v));
            assertSame(Response.of(Play.of(v)));
            assertSame(Response.of(Gather.of(v, 1, 1, Play.of(v))));
            assertSame(Response.of(Dial.toNumber(v).withCallerId(v)));
            assertSame(Response.of(Reject.of(v)));
        }
    }

    @Test
    void randomDocumentsMatch() {
        Random random = new Random(42);
        String alphabet = "abc09:/?=&<>\"' \t\n\u00e9\u20ac";
        for (int n = 0; n < 2000; n++) {
            List<Verb> verbs = new ArrayList<>();
            int count = random.nextInt(4);
            for (int i = 0; i < count; i++) {
                verbs.add(switch (random.nextInt(5)) {
                    case 0 -> Gather.of(text(random, alphabet), random.nextBoolean() ? random.nextInt(33) : null,
                            random.nextBoolean() ? random.nextInt(60_000) : null,
                            random.nextBoolean() ? Play.of(text(random, alphabet)) : null);
                    case 1 -> Play.of(text(random, alphabet));
                    case 2 -> random.nextBoolean() ? Dial.toVoicemail()
                            : Dial.toNumbers(List.of(text(random, alphabet), text(random, alphabet)))
                            .withCallerId(random.nextBoolean() ? text(random, alphabet) : null)
                            .withAnonymous(random.nextBoolean() ? random.nextBoolean() : null);
                    case 3 -> Reject.of(random.nextBoolean() ? text(random, alphabet) : null);
                    default -> new Hangup();
                });
            }
            Response response = Response.of(verbs.toArray(new Verb[0]));
            if (random.nextBoolean()) {
                response.withOnAnswer(text(random, alphabet)).withOnHangup(text(random, alphabet));
            }
            assertSame(response);
        }
    }

    private static String text(Random random, String alphabet) {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(12);
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}
