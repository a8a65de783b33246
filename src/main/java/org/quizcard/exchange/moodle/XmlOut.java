package org.quizcard.exchange.moodle;

/**
 * Moodle XML as text, laid out as Moodle lays out its own exports (two spaces a level, a rich
 * field's text in a {@code <text>} child), with text that holds markup in a CDATA section.
 */
final class XmlOut {
    private final StringBuilder b = new StringBuilder();
    private int depth;

    XmlOut() {
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    }

    /** A comment line at the current depth ({@code --} never appears in it). */
    XmlOut comment(String text) {
        indent().append("<!-- ").append(text.replace("--", "- -")).append(" -->\n");
        return this;
    }

    /** Opens {@code <tag attributes>}; attributes are written as given (quizcard's own fixed values). */
    XmlOut open(String tag, String... attributes) {
        indent().append('<').append(tag);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            b.append(' ').append(attributes[i]).append("=\"").append(attributes[i + 1]).append('"');
        }
        b.append(">\n");
        depth++;
        return this;
    }

    XmlOut close(String tag) {
        depth--;
        indent().append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <tag>value</tag>} on one line. */
    XmlOut element(String tag, String value) {
        indent().append('<').append(tag).append('>').append(escape(value)).append("</").append(tag).append(">\n");
        return this;
    }

    /** {@code <text>value</text>}. */
    XmlOut text(String value) {
        return element("text", value);
    }

    /** A rich field: {@code <tag format="html"><text>html</text></tag>}. */
    XmlOut rich(String tag, String html) {
        return open(tag, "format", "html").text(html).close(tag);
    }

    /** Character data: a CDATA section when it holds markup, else escaped text. */
    static String escape(String value) {
        if (value.isEmpty()) return value;
        if (value.indexOf('<') >= 0 || value.indexOf('&') >= 0) {
            return "<![CDATA[" + value.replace("]]>", "]]]]><![CDATA[>") + "]]>";
        }
        return value.replace(">", "&gt;");
    }

    private StringBuilder indent() {
        return b.append("  ".repeat(depth));
    }

    @Override
    public String toString() {
        return b.toString();
    }
}
