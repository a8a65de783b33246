package org.quizcard.exchange.moodle;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.quizcard.InputFile;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Printable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * A Moodle XML file read safely with the JDK's parser: a file of at most {@link #MAX_BYTES}, no
 * document type declaration at all (so no entity can be defined, expanded or fetched: no
 * "billion laughs", no external entity), no XInclude, and the JDK's secure-processing limits on.
 * Every refusal is one line naming the file.
 */
final class MoodleXml {
    /** The largest file read: Moodle exports carry images as base64, so room for a big course. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    private MoodleXml() {
    }

    /** The document of {@code file}, or a bad-input failure naming the file and, for malformed XML, the line and column. */
    static Document parse(Path file) {
        byte[] bytes = InputFile.read(file, MAX_BYTES, "a Moodle XML file");
        try {
            DocumentBuilder builder = factory().newDocumentBuilder();
            // errors as exceptions only, never printed on standard error (warnings are dropped)
            builder.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            builder.setEntityResolver((publicId, systemId) -> {
                throw new SAXException("external entity refused");
            });
            InputSource source = new InputSource(new ByteArrayInputStream(bytes));
            return builder.parse(source);
        } catch (SAXParseException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("DOCTYPE")) {
                throw QuizcardException.badInput(file + ": XML with a DOCTYPE is not accepted");
            }
            throw QuizcardException.badInput(file + ":" + e.getLineNumber() + ":" + e.getColumnNumber()
                    + ": not well-formed XML (" + Printable.line(message) + ")");
        } catch (SAXException e) {
            throw QuizcardException.badInput(file + ": not well-formed XML (" + Printable.line(String.valueOf(e.getMessage())) + ")");
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot read");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser refuses its secure settings", e);
        }
    }

    private static DocumentBuilderFactory factory() throws ParserConfigurationException {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature("http://xml.org/sax/features/external-general-entities", false);
        f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        f.setXIncludeAware(false);
        f.setExpandEntityReferences(false);
        f.setNamespaceAware(false);
        f.setValidating(false);
        return f;
    }

    /** The child elements of {@code parent} named {@code name}, in order. */
    static List<Element> children(Element parent, String name) {
        List<Element> found = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) found.add(e);
        }
        return found;
    }

    /** The first child element named {@code name}, or null. */
    static Element child(Element parent, String name) {
        List<Element> found = children(parent, name);
        return found.isEmpty() ? null : found.get(0);
    }

    /** The text of the child {@code name}: its {@code <text>} child if it has one, else its own text; null when absent. */
    static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : textOf(e);
    }

    /** The text an element holds: its {@code <text>} child when it has one (Moodle's rich fields), else its own content. */
    static String textOf(Element e) {
        Element inner = child(e, "text");
        return (inner != null ? inner : e).getTextContent();
    }

    /** The text format an element names ({@code html} when it names none, as Moodle assumes). */
    static String format(Element e) {
        String format = e.getAttribute("format");
        return format.isBlank() ? "html" : format.strip();
    }
}
