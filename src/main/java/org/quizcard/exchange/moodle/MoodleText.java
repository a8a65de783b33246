package org.quizcard.exchange.moodle;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Printable;
import org.quizcard.exchange.Html;
import org.w3c.dom.Element;

/**
 * Text between a bank and Moodle's rich text fields. A bank's plain text is written as HTML that
 * shows it as written (special characters escaped, each line break a {@code <br>}, runs of spaces
 * kept); Moodle's fields are read back to plain text by their format, with any image or other
 * file they carry listed, since a bank holds text only. Sources, which Moodle has no field for,
 * travel as the last paragraph of the general feedback ({@code Sources:} and a {@code - } line
 * each), where a Moodle learner sees them and an import finds them again.
 */
final class MoodleText {
    static final String SOURCES = "Sources:";

    private MoodleText() {
    }

    /** Plain text and what it could not carry (images, files). */
    record Read(String text, List<String> media) {
        boolean blank() {
            return text == null || text.isBlank();
        }
    }

    /** A rich field ({@code <questiontext>}, {@code <feedback>}...) as plain text; null text when absent or empty. */
    static Read read(Element field) {
        if (field == null) return new Read(null, List.of());
        Read read = read(MoodleXml.textOf(field), MoodleXml.format(field));
        List<String> media = new ArrayList<>(read.media());
        for (Element file : MoodleXml.children(field, "file")) {
            String name = Printable.line(file.getAttribute("name"));
            // a file the text shows is listed once, as what shows it
            if (media.stream().noneMatch(m -> m.endsWith(" " + name))) media.add("file " + name);
        }
        return new Read(read.text(), media);
    }

    /** Text in one of Moodle's formats as plain text. */
    static Read read(String raw, String format) {
        if (raw == null || raw.isBlank()) return new Read(null, List.of());
        boolean html = format.equals("html")
                || format.equals("moodle_auto_format") && Html.looksLikeHtml(raw);
        if (html) {
            String source = format.equals("html") ? raw : raw.replace("\n", "<br>");
            Html.Text t = Html.toText(source);
            List<String> media = new ArrayList<>();
            t.media().forEach(m -> media.add(Printable.line(m.replace("@@PLUGINFILE@@/", ""))));
            return new Read(t.text().isBlank() ? null : t.text(), media);
        }
        String text = Printable.text(raw.replace("\r\n", "\n")).strip();
        return new Read(text.isEmpty() ? null : text, List.of());
    }


    /** An explanation with the sources after it, as the general feedback's plain text; null when both are empty. */
    static String withSources(String explanation, List<String> sources) {
        if (sources.isEmpty()) return explanation;
        StringBuilder b = new StringBuilder();
        if (explanation != null && !explanation.isBlank()) b.append(explanation).append("\n\n");
        b.append(SOURCES);
        sources.forEach(s -> b.append("\n- ").append(s));
        return b.toString();
    }

    /** Text split into what comes before a last {@code Sources:} paragraph, and the sources it lists. */
    record Sourced(String text, List<String> sources) { }

    static Sourced sources(String text) {
        if (text == null) return new Sourced(null, List.of());
        int at = text.startsWith(SOURCES + "\n") ? 0 : text.lastIndexOf("\n\n" + SOURCES + "\n");
        if (at < 0) return new Sourced(text, List.of());
        int from = at == 0 ? 0 : at + 2;
        String[] lines = text.substring(from + SOURCES.length() + 1).split("\n", -1);
        List<String> sources = new ArrayList<>();
        for (String line : lines) {
            if (!line.startsWith("- ") || line.substring(2).isBlank()) return new Sourced(text, List.of());
            sources.add(line.substring(2).strip());
        }
        String before = text.substring(0, at).strip();
        return new Sourced(before.isEmpty() ? null : before, sources);
    }
}
