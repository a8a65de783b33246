package org.quizcard.exchange;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.quizcard.bank.Printable;

/**
 * HTML from another tool (an Anki field, a Moodle question text) as the plain text a bank holds,
 * with its structure kept: paragraphs and line breaks as lines, list items as {@code - item} or
 * {@code 1. item}, preformatted code as written, table cells separated by {@code  | }. Images,
 * sounds and videos cannot be carried; they are listed by name for the import's report. jsoup
 * parses the HTML as a browser would, whatever its mistakes.
 */
public final class Html {
    private static final Set<String> BLOCKS = Set.of("p", "div", "section", "article", "header", "footer",
            "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "table", "pre", "blockquote", "dl", "dt", "dd",
            "hr", "figure", "figcaption", "details", "summary");
    private static final Set<String> MEDIA = Set.of("img", "audio", "video", "source", "object", "embed", "iframe");

    /** The text of some HTML, and the media it named that the text cannot hold. */
    public record Text(String text, List<String> media) { }

    private final StringBuilder out = new StringBuilder();
    private final List<String> media = new ArrayList<>();

    private Html() {
    }

    /** The plain text of an HTML fragment. */
    public static Text toText(String html) {
        Html h = new Html();
        Element body = Jsoup.parseBodyFragment(html == null ? "" : html).body();
        h.children(body, 0);
        String text = h.out.toString().replace('\u00a0', ' ');
        return new Text(Printable.text(tidy(text)), List.copyOf(h.media));
    }

    /** Whether text looks like HTML rather than plain text: a {@code <} followed by a letter, {@code /} or {@code !}. */
    public static boolean looksLikeHtml(String text) {
        if (text == null) return false;
        for (int at = text.indexOf('<'); at >= 0 && at + 1 < text.length(); at = text.indexOf('<', at + 1)) {
            char next = text.charAt(at + 1);
            if (Character.isLetter(next) || next == '/' || next == '!') return true;
        }
        return false;
    }

    /**
     * Plain text as HTML a browser shows as written: {@code & < >} escaped, lines as {@code <br>},
     * and every space a browser would fold (at the start of a line, after another, or before a
     * line's end) as {@code &nbsp;}, so {@link #toText} gives the text back exactly. Null is empty.
     */
    public static String fromText(String text) {
        return fromText(text, true);
    }

    /** {@link #fromText(String)}, for text that continues a line ({@code lineStart} false) or starts one. */
    public static String fromText(String text, boolean lineStart) {
        if (text == null) return "";
        String escaped = escape(text);
        StringBuilder b = new StringBuilder(escaped.length() + 16);
        boolean foldable = lineStart;
        for (int i = 0; i < escaped.length(); i++) {
            char ch = escaped.charAt(i);
            switch (ch) {
                case '\n' -> b.append("<br>");
                case ' ' -> b.append(foldable || (i + 1 < escaped.length() && escaped.charAt(i + 1) == '\n') ? "&nbsp;" : " ");
                case '\r' -> { }
                default -> b.append(ch);
            }
            foldable = ch == ' ' || ch == '\n';
        }
        return b.toString();
    }

    /** Text with {@code & < >} as character references. */
    public static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private void children(Node parent, int depth) {
        for (Node n : parent.childNodes()) node(n, depth);
    }

    private void node(Node n, int depth) {
        if (n instanceof TextNode t) {
            inline(t);
            return;
        }
        if (!(n instanceof Element e)) return;
        String tag = e.normalName();
        if (MEDIA.contains(tag)) {
            String src = e.hasAttr("src") ? e.attr("src") : e.attr("data");
            media.add(tag + (src.isBlank() ? "" : " " + src));
            return;
        }
        switch (tag) {
            case "script", "style", "head", "title" -> { }
            case "br" -> out.append('\n');
            case "pre", "hr", "ul", "ol", "li", "tr" -> {
                // each of these stands on lines of its own
                breakLine();
                switch (tag) {
                    case "pre" -> out.append(e.wholeText().stripTrailing());
                    case "hr" -> out.append("---");
                    case "ul", "ol" -> children(e, depth + 1);
                    case "li" -> {
                        boolean ordered = e.parent() != null && e.parent().normalName().equals("ol");
                        out.append("  ".repeat(Math.max(0, depth - 1)));
                        out.append(ordered ? (e.elementSiblingIndex() + 1) + ". " : "- ");
                        children(e, depth);
                    }
                    default -> children(e, depth);
                }
                breakLine();
            }
            case "td", "th" -> {
                if (e.elementSiblingIndex() > 0) out.append(" | ");
                children(e, depth);
            }
            default -> {
                boolean block = BLOCKS.contains(tag);
                if (block) paragraph();
                children(e, depth);
                if (block) paragraph();
            }
        }
    }

    /** Text as a browser shows it outside {@code pre}: each run of white space one space. */
    private void inline(TextNode t) {
        String text = t.getWholeText().replaceAll("[ \\t\\r\\n\\f]+", " ");
        if (text.startsWith(" ") && (out.length() == 0 || Character.isWhitespace(out.charAt(out.length() - 1)))) {
            text = text.substring(1);
        }
        out.append(text);
    }

    private void breakLine() {
        if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') out.append('\n');
    }

    private void paragraph() {
        breakLine();
        if (out.length() > 1 && out.charAt(out.length() - 2) != '\n') out.append('\n');
    }

    /** Trailing spaces off every line, at most one empty line in a row, none at either end. */
    private static String tidy(String text) {
        StringBuilder b = new StringBuilder();
        int empty = 0;
        for (String line : text.split("\n", -1)) {
            String l = line.stripTrailing();
            if (l.isEmpty()) {
                empty++;
                continue;
            }
            if (b.length() > 0) b.append(empty > 0 ? "\n\n" : "\n");
            empty = 0;
            b.append(l);
        }
        return b.toString();
    }
}
