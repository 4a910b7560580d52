package org.switchboard.app.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The answer's XML laid out for reading, and odd XML shown as it came. */
class XmlPrettyTest {

    private static String pretty(String xml) {
        return XmlPretty.text(XmlPretty.lines(xml));
    }

    @Test
    void oneElementALineIndentedTextElementsOnOneLine() {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Dial><Number>4916098765</Number></Dial>"
                + "<Hangup/></Response>";
        assertEquals(String.join("\n",
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
                "<Response>",
                "  <Dial>",
                "    <Number>4916098765</Number>",
                "  </Dial>",
                "  <Hangup/>",
                "</Response>"), pretty(xml));
    }

    @Test
    void existingLineBreaksAndIndentsAreReplacedNotAddedTo() {
        String xml = "<Response>\n        <Play>\n   <Url>https://x/a.wav</Url>\n</Play>\n\n</Response>\n";
        assertEquals("<Response>\n  <Play>\n    <Url>https://x/a.wav</Url>\n  </Play>\n</Response>", pretty(xml));
    }

    @Test
    void aLongStartTagPutsEachAttributeOnALineOfItsOwn() {
        String xml = "<Response onAnswer=\"http://127.0.0.1:8080/cb/answer?k=1&amp;x=2\" "
                + "onHangup='http://127.0.0.1:8080/cb/hangup'><Reject reason=\"busy\"/></Response>";
        assertEquals(String.join("\n",
                "<Response",
                "    onAnswer=\"http://127.0.0.1:8080/cb/answer?k=1&amp;x=2\"",
                "    onHangup='http://127.0.0.1:8080/cb/hangup'>",
                "  <Reject reason=\"busy\"/>",
                "</Response>"), pretty(xml), "values keep their quotes and escapes");
    }

    @Test
    void piecesSayWhatTheyAre() {
        List<XmlPretty.Span> line = XmlPretty.lines("<Reject reason=\"busy\"/>").get(0);
        assertEquals(List.of(new XmlPretty.Span("<", XmlPretty.Kind.PUNCT),
                new XmlPretty.Span("Reject", XmlPretty.Kind.TAG),
                new XmlPretty.Span(" ", XmlPretty.Kind.TEXT), new XmlPretty.Span("reason", XmlPretty.Kind.ATTR),
                new XmlPretty.Span("=", XmlPretty.Kind.PUNCT), new XmlPretty.Span("\"busy\"", XmlPretty.Kind.VALUE),
                new XmlPretty.Span("/>", XmlPretty.Kind.PUNCT)), line);
    }

    @Test
    void commentsAndCdataStay() {
        assertEquals("<Response>\n  <!-- a note -->\n  <Play><![CDATA[a < b]]></Play>\n</Response>",
                pretty("<Response><!-- a note --><Play><![CDATA[a < b]]></Play></Response>"));
    }

    @Test
    void oddXmlIsShownAsItCameAndNeverThrows() {
        List<String> odd = List.of("<Response><Dial>", "<Response></Dial>", "</Response>", "<Response", "<",
                "<>", "<a b></a>", "<a b=c/>", "<a b=\"x></a>", "<!-- open", "<![CDATA[ open", "<?xml version",
                "plain text", "a\nb\r\nc", "<a>\n<b>\n</a>", "<a =\"x\"/>", "</>", "<a/><<b/>", "<a></a></a>",
                "\u0000<\u0000>", " ");
        for (String xml : odd) {
            String shown = pretty(xml);
            String expected = xml.equals(" ") ? " " : String.join("\n", xml.split("\r\n|\r|\n", -1));
            assertEquals(expected, shown, "shown as it came: " + xml);
        }
        assertEquals("", pretty(""));
        assertEquals("", pretty(null));
    }

    @Test
    void textBesideElementsGetsALineOfItsOwn() {
        String shown = pretty("<a>hello <b>x</b> world</a>");
        assertEquals("<a>\n  hello\n  <b>x</b>\n  world\n</a>", shown);
        assertTrue(pretty("<a>  spaced  </a>").equals("<a>  spaced  </a>"), "a text element keeps its text exactly");
    }
}
