package org.quizcard.exchange;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small XML element tree written the same way every time, for the XML formats quizcard exports
 * (QTI, Moodle XML): attributes in the order they were set, two-space indentation for elements
 * that hold only elements and comments, and mixed content (text with inline elements) written as
 * it is, so no whitespace is added where a reader would show it.
 */
public final class Xml {
    private final String name;
    private final Map<String, String> attributes = new LinkedHashMap<>();
    /** Child elements, {@link Text}s and {@link Comment}s. */
    private final List<Object> children = new ArrayList<>();

    /** Character data, ready to write. */
    private record Text(String xml) { }

    private record Comment(String text) { }

    private Xml(String name) {
        this.name = name;
    }

    public static Xml element(String name) {
        return new Xml(name);
    }

    /** Sets an attribute; a null value sets nothing. */
    public Xml attr(String key, Object value) {
        if (value != null) attributes.put(key, String.valueOf(value));
        return this;
    }

    /** Adds a child element and returns this element. */
    public Xml add(Xml child) {
        if (child != null) children.add(child);
        return this;
    }

    /** Adds child elements and returns this element. */
    public Xml addAll(List<Xml> elements) {
        elements.forEach(this::add);
        return this;
    }

    /** Adds a child element and returns the child. */
    public Xml child(String childName) {
        Xml child = new Xml(childName);
        children.add(child);
        return child;
    }

    /** Adds text, escaped; an element holding text is written without added whitespace. */
    public Xml text(String text) {
        if (text != null && !text.isEmpty()) children.add(new Text(escape(text, false)));
        return this;
    }

    /**
     * Adds character data written exactly as given (already escaped, or a CDATA section); even
     * empty, it makes the element {@code <a></a>} rather than {@code <a/>}.
     */
    public Xml raw(String xml) {
        children.add(new Text(xml));
        return this;
    }

    /** Adds a comment, on a line of its own among elements ({@code --} never appears in it). */
    public Xml comment(String text) {
        children.add(new Comment(text.replace("--", "- -")));
        return this;
    }

    /** The document: an XML declaration, then this element. */
    public String document() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        write(b, 0);
        return b.append('\n').toString();
    }

    private void write(StringBuilder b, int depth) {
        b.append('<').append(name);
        attributes.forEach((k, v) -> b.append(' ').append(k).append("=\"").append(escape(v, true)).append('"'));
        if (children.isEmpty()) {
            b.append("/>");
            return;
        }
        b.append('>');
        boolean mixed = children.stream().anyMatch(Text.class::isInstance);
        for (Object child : children) {
            if (!mixed) b.append('\n').append("  ".repeat(depth + 1));
            if (child instanceof Xml x) x.write(b, mixed ? 0 : depth + 1);
            else if (child instanceof Comment c) b.append("<!-- ").append(c.text()).append(" -->");
            else b.append(((Text) child).xml());
        }
        if (!mixed) b.append('\n').append("  ".repeat(depth));
        b.append("</").append(name).append('>');
    }

    /**
     * Text as XML character data: markup characters escaped, and characters XML 1.0 cannot hold
     * (control characters other than tab and line breaks, lone surrogates) replaced by U+FFFD.
     */
    static String escape(String text, boolean attribute) {
        StringBuilder b = new StringBuilder(text.length());
        // a lone surrogate comes out of codePoints() as itself, a pair as one code point
        text.codePoints().forEach(cp -> {
            switch (cp) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\n', '\t', '\r' -> b.append(attribute || cp == '\r' ? "&#" + cp + ";" : Character.toString(cp));
                default -> {
                    boolean invalid = cp < 0x20 || cp >= 0xD800 && cp <= 0xDFFF || cp == 0xFFFE || cp == 0xFFFF;
                    b.appendCodePoint(invalid ? 0xFFFD : cp);
                }
            }
        });
        return b.toString();
    }
}
