package org.switchboard.engine.sipgate.xml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Compares two XML documents as trees, not as strings: element names, attributes as a map (order and quoting do
 * not matter), child elements in order, and the trimmed text of each element. Whitespace between elements,
 * comments and the XML declaration are ignored.
 */
final class DomAssert {

    private DomAssert() {
    }

    static void assertSameXml(String expected, String actual) {
        Element want = parse(expected, "expected").getDocumentElement();
        Element got = parse(actual, "actual").getDocumentElement();
        compare(want, got, "/" + want.getTagName(), expected, actual);
    }

    static Document parse(String xml, String which) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("The " + which + " XML does not parse: " + e.getMessage() + "\n" + xml, e);
        }
    }

    private static void compare(Element want, Element got, String path, String expected, String actual) {
        if (!want.getTagName().equals(got.getTagName())) {
            fail(path, "element <" + want.getTagName() + "> expected but was <" + got.getTagName() + ">",
                    expected, actual);
        }
        Map<String, String> wantAttributes = attributes(want);
        Map<String, String> gotAttributes = attributes(got);
        if (!wantAttributes.equals(gotAttributes)) {
            fail(path, "attributes " + wantAttributes + " expected but were " + gotAttributes, expected, actual);
        }
        String wantText = text(want);
        String gotText = text(got);
        if (!wantText.equals(gotText)) {
            fail(path, "text '" + wantText + "' expected but was '" + gotText + "'", expected, actual);
        }
        List<Element> wantChildren = children(want);
        List<Element> gotChildren = children(got);
        if (wantChildren.size() != gotChildren.size()) {
            fail(path, wantChildren.size() + " child elements expected but were " + gotChildren.size()
                    + " " + names(gotChildren), expected, actual);
        }
        for (int i = 0; i < wantChildren.size(); i++) {
            Element child = wantChildren.get(i);
            compare(child, gotChildren.get(i), path + "/" + child.getTagName() + "[" + i + "]", expected, actual);
        }
    }

    private static Map<String, String> attributes(Element element) {
        Map<String, String> map = new TreeMap<>();
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Node attribute = attributes.item(i);
            map.put(attribute.getNodeName(), attribute.getNodeValue());
        }
        return map;
    }

    private static String text(Element element) {
        StringBuilder text = new StringBuilder();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            Node node = nodes.item(i);
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                text.append(node.getNodeValue());
            }
        }
        return text.toString().trim();
    }

    private static List<Element> children(Element element) {
        List<Element> children = new ArrayList<>();
        NodeList nodes = element.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i) instanceof Element child) {
                children.add(child);
            }
        }
        return children;
    }

    private static List<String> names(List<Element> elements) {
        return elements.stream().map(Element::getTagName).toList();
    }

    private static void fail(String path, String problem, String expected, String actual) {
        throw new AssertionError("XML differs at " + path + ": " + problem + "\nexpected: " + expected
                + "\nactual:   " + actual);
    }
}
