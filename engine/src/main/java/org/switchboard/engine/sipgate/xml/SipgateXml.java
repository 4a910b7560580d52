package org.switchboard.engine.sipgate.xml;

import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import jakarta.xml.bind.Marshaller;
import jakarta.xml.bind.Unmarshaller;
import jakarta.xml.bind.ValidationEvent;
import jakarta.xml.bind.ValidationEventLocator;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Writes a {@link Response} as the XML document sipgate expects, and reads one back (for the call simulator and
 * tests). Output is UTF-8 and starts with {@value #DECLARATION}, without the {@code standalone="yes"} JAXB would
 * add; attribute values are escaped ({@code &} becomes {@code &amp;}), null attributes are left out. Reading is
 * strict: an unknown element, a wrong root, a non-number {@code maxDigits} or malformed XML is an
 * {@link IllegalArgumentException} with a one-line message, and DTDs and external entities are refused. The JAXB
 * context is created once (it costs about 100 ms); marshallers are not thread-safe, so each call makes its own.
 */
public final class SipgateXml {

    /** The XML declaration every written document starts with. */
    public static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    private static final byte[] DECLARATION_BYTES = DECLARATION.getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_MESSAGE = 200;
    private static final JAXBContext CONTEXT = createContext();

    private SipgateXml() {
    }

    /** The document as a string, starting with {@value #DECLARATION}. */
    public static String write(Response response) {
        StringWriter out = new StringWriter(256);
        out.write(DECLARATION);
        try {
            newMarshaller().marshal(Objects.requireNonNull(response, "response"), out);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write sipgate XML: " + describe(e), e);
        }
        return out.toString();
    }

    /** The document as UTF-8 bytes, ready to send with {@code Content-Type: application/xml; charset=UTF-8}. */
    public static byte[] writeBytes(Response response) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(DECLARATION_BYTES);
        try {
            newMarshaller().marshal(Objects.requireNonNull(response, "response"), out);
        } catch (JAXBException e) {
            throw new IllegalStateException("Cannot write sipgate XML: " + describe(e), e);
        }
        return out.toByteArray();
    }

    /**
     * Parses a sipgate XML answer.
     *
     * @throws IllegalArgumentException with a one-line message if the text is not a valid {@code <Response>}
     */
    public static Response read(String xml) {
        if (xml == null || xml.isBlank()) {
            throw new IllegalArgumentException("Not a sipgate XML answer: the text is empty");
        }
        ValidationEvent[] firstProblem = new ValidationEvent[1];
        XMLStreamReader reader = null;
        Object root;
        try {
            reader = secureInputFactory().createXMLStreamReader(new StringReader(xml));
            Unmarshaller unmarshaller = CONTEXT.createUnmarshaller();
            unmarshaller.setEventHandler(event -> { // unknown elements or bad numbers are errors, not noise
                if (firstProblem[0] == null) {
                    firstProblem[0] = event;
                }
                return false;
            });
            root = unmarshaller.unmarshal(reader);
        } catch (JAXBException | XMLStreamException | RuntimeException e) {
            // JAXB lets some conversion errors (e.g. NumberFormatException for maxDigits="abc") escape unwrapped
            String detail = firstProblem[0] != null
                    ? readable(String.valueOf(firstProblem[0].getMessage())) + locate(firstProblem[0].getLocator())
                    : describe(e);
            throw new IllegalArgumentException("Not a sipgate XML answer: " + detail, e);
        } finally {
            closeQuietly(reader);
        }
        if (root instanceof Response response) {
            return response;
        }
        throw new IllegalArgumentException("Not a sipgate XML answer: the root element is not <Response>");
    }

    private static Marshaller newMarshaller() throws JAXBException {
        Marshaller marshaller = CONTEXT.createMarshaller();
        marshaller.setProperty(Marshaller.JAXB_ENCODING, "UTF-8");
        marshaller.setProperty(Marshaller.JAXB_FRAGMENT, Boolean.TRUE); // we write our own declaration
        return marshaller;
    }

    private static XMLInputFactory secureInputFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, Boolean.FALSE);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, Boolean.FALSE);
        trySetProperty(factory, XMLConstants.ACCESS_EXTERNAL_DTD, "");
        return factory;
    }

    private static void trySetProperty(XMLInputFactory factory, String name, Object value) {
        try {
            factory.setProperty(name, value);
        } catch (IllegalArgumentException unsupported) {
            // not every StAX implementation knows every property; SUPPORT_DTD=false already covers the risk
        }
    }

    private static void closeQuietly(XMLStreamReader reader) {
        if (reader != null) {
            try {
                reader.close();
            } catch (XMLStreamException ignored) {
                // nothing was opened that needs releasing
            }
        }
    }

    /**
     * One shortened line for an exception chain: a StAX parse error with its position if there is one (JAXB wraps
     * it, and {@link JAXBException#getCause()} is the linked exception), else the first message found.
     */
    private static String describe(Throwable e) {
        String first = null;
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof XMLStreamException xse && xse.getLocation() != null) {
                // StAX writes "ParseError at [row,col]:[1,5] Message: …"; keep the text, say the position our way
                String message = String.valueOf(xse.getMessage());
                int at = message.indexOf("Message:");
                return oneLine(at >= 0 ? message.substring(at + 8) : message) + " (line "
                        + xse.getLocation().getLineNumber() + ", column " + xse.getLocation().getColumnNumber() + ")";
            }
            if (first == null && t.getMessage() != null) {
                first = t.getMessage();
            }
        }
        return oneLine(first != null ? first : e.getClass().getSimpleName());
    }

    /**
     * JAXB's event texts are written for developers: {@code unexpected element (uri:"", local:"Numbr"). Expected
     * elements are <{}Dial>,…} or {@code java.lang.IllegalArgumentException: …}. Say the same in plain XML terms.
     */
    private static String readable(String message) {
        String text = message;
        if (text.startsWith("java.") && text.indexOf(": ") > 0) {
            text = text.substring(text.indexOf(": ") + 2);
        }
        int local = text.indexOf("(uri:\"\", local:\"");
        if (local >= 0) {
            int nameStart = local + "(uri:\"\", local:\"".length();
            int nameEnd = text.indexOf("\")", nameStart);
            if (nameEnd > nameStart) {
                text = text.substring(0, local) + "<" + text.substring(nameStart, nameEnd) + ">"
                        + text.substring(nameEnd + 2);
            }
        }
        return oneLine(text.replace("<{}", "<").replace(">,<", ">, <"));
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("\\s+", " ").trim();
        return line.length() <= MAX_MESSAGE ? line : line.substring(0, MAX_MESSAGE) + "…";
    }

    private static String locate(ValidationEventLocator locator) {
        return locator == null || locator.getLineNumber() < 0 ? ""
                : " (line " + locator.getLineNumber() + ", column " + locator.getColumnNumber() + ")";
    }

    private static JAXBContext createContext() {
        try {
            return JAXBContext.newInstance(Response.class);
        } catch (JAXBException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
