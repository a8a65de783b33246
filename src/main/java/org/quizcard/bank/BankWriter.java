package org.quizcard.bank;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes a concept, or a misconception catalogue, as a bank file that {@link BankLoader} reads
 * back to the same model (positions aside): every field a question type has, in the order
 * {@code docs/bank-format.md} shows them. Text of several lines becomes a literal block, so an
 * imported card stays readable; anything a block cannot hold exactly is double-quoted.
 */
public final class BankWriter {
    private static final String ITEM = "  - ";
    private static final String IN = "    ";

    private BankWriter() {
    }

    /** The text of a concept file, starting with {@code header} (comment lines, or empty). */
    public static String concept(Concept c, String header) {
        StringBuilder b = new StringBuilder(header);
        b.append("id: ").append(YamlWriter.scalar(c.id())).append('\n');
        b.append("title: ").append(YamlWriter.scalar(c.title())).append('\n');
        b.append("summary: ").append(text(c.summary(), "  ")).append('\n');
        list(b, "", "sources", c.sources());
        allow(b, "", c.lintAllow());
        b.append(c.questions().isEmpty() ? "questions: []\n" : "questions:\n");
        for (Question q : c.questions()) question(b, q);
        return b.toString();
    }

    /** The text of a misconception catalogue, starting with {@code header}. */
    public static String catalogue(Collection<Misconception> misconceptions, String header) {
        StringBuilder b = new StringBuilder(header);
        b.append(misconceptions.isEmpty() ? "misconceptions: []\n" : "misconceptions:\n");
        for (Misconception m : misconceptions) {
            b.append(ITEM).append("id: ").append(YamlWriter.scalar(m.id())).append('\n');
            field(b, IN, "claim", m.claim());
            field(b, IN, "seems_right", m.seemsRight());
            field(b, IN, "correction", m.correction());
            b.append(IN).append("concepts: ").append(YamlWriter.flowList(m.concepts())).append('\n');
            b.append(IN).append("sources: ").append(YamlWriter.flowList(m.sources())).append('\n');
        }
        return b.toString();
    }

    /** One question as the {@code questions:} list of a concept file holding only it. */
    static String questionList(Question q) {
        StringBuilder b = new StringBuilder("questions:\n");
        question(b, q);
        return b.toString();
    }

    private static void question(StringBuilder b, Question q) {
        Question.Common c = q.common();
        b.append(ITEM).append("id: ").append(YamlWriter.scalar(c.id())).append('\n');
        b.append(IN).append("type: ").append(q.type().yamlName()).append('\n');
        field(b, IN, "prompt", c.prompt());
        if (q instanceof Question.Choice choice) {
            b.append(IN).append("options:\n");
            for (Question.Option o : choice.options()) {
                b.append(IN).append(ITEM).append("text: ").append(text(o.text(), IN + "      ")).append('\n');
                if (o.correct()) b.append(IN).append("    correct: true\n");
                field(b, IN + "    ", "misconception", o.misconception());
                field(b, IN + "    ", "explanation", o.explanation());
            }
        } else if (q instanceof Question.TrueFalse t) {
            b.append(IN).append("answer: ").append(t.answer()).append('\n');
            field(b, IN, "misconception", t.misconception());
        } else if (q instanceof Question.Text t) {
            list(b, IN, "answers", t.answers());
            field(b, IN, "regex", t.regex());
            wrong(b, IN, t.wrong());
        } else if (q instanceof Question.Numeric n) {
            b.append(IN).append("answer: ").append(Solution.number(n.answer())).append('\n');
            if (n.tolerance() != 0) b.append(IN).append("tolerance: ").append(Solution.number(n.tolerance())).append('\n');
            field(b, IN, "unit", n.unit());
        } else if (q instanceof Question.Order o) {
            list(b, IN, "items", o.items());
        } else if (q instanceof Question.Match m) {
            b.append(IN).append("pairs:\n");
            for (Question.Pair p : m.pairs()) {
                b.append(IN).append(ITEM).append("left: ").append(text(p.left(), IN + "      ")).append('\n');
                b.append(IN).append("    right: ").append(text(p.right(), IN + "      ")).append('\n');
            }
        } else if (q instanceof Question.Cloze z) {
            field(b, IN, "text", z.text());
            b.append(IN).append("blanks:\n");
            for (Question.Blank blank : z.blanks()) {
                b.append(IN).append(ITEM).append("answers: ").append(YamlWriter.flowList(blank.answers())).append('\n');
                wrong(b, IN + "    ", blank.wrong());
            }
        } else if (q instanceof Question.Flashcard f) {
            field(b, IN, "back", f.back());
        }
        if (!c.explanation().isBlank()) field(b, IN, "explanation", c.explanation());
        field(b, IN, "hint", c.hint());
        if (!c.tags().isEmpty()) b.append(IN).append("tags: ").append(YamlWriter.flowList(c.tags())).append('\n');
        if (!c.sources().isEmpty()) b.append(IN).append("sources: ").append(YamlWriter.flowList(c.sources())).append('\n');
        allow(b, IN, c.lintAllow());
    }

    private static void wrong(StringBuilder b, String indent, List<Question.WrongAnswer> wrong) {
        if (wrong.isEmpty()) return;
        b.append(indent).append("wrong:\n");
        for (Question.WrongAnswer w : wrong) {
            b.append(indent).append(ITEM).append("answer: ").append(YamlWriter.scalar(w.answer())).append('\n');
            b.append(indent).append("    misconception: ").append(YamlWriter.scalar(w.misconception())).append('\n');
        }
    }

    private static void allow(StringBuilder b, String indent, Map<String, String> allow) {
        if (allow.isEmpty()) return;
        b.append(indent).append("lint-allow:\n");
        allow.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> b.append(indent).append("  ")
                .append(YamlWriter.scalar(e.getKey())).append(": ").append(YamlWriter.quoted(e.getValue())).append('\n'));
    }

    private static void list(StringBuilder b, String indent, String key, List<String> items) {
        if (items.isEmpty()) {
            b.append(indent).append(key).append(": []\n");
            return;
        }
        b.append(indent).append(key).append(":\n");
        for (String item : items) b.append(indent).append(ITEM).append(text(item, indent + "    ")).append('\n');
    }

    /** A string field at {@code indent}; nothing when {@code value} is null. */
    private static void field(StringBuilder b, String indent, String key, String value) {
        if (value != null) b.append(indent).append(key).append(": ").append(text(value, indent + "  ")).append('\n');
    }

    /**
     * A string as a scalar: a literal block ({@code |-}, lines at {@code indent}) for text of
     * several lines that a block holds exactly, else plain or double-quoted on one line.
     */
    static String text(String value, String indent) {
        if (!fitsBlock(value)) return YamlWriter.scalar(value);
        StringBuilder b = new StringBuilder("|-");
        for (String line : value.split("\n", -1)) {
            b.append('\n');
            if (!line.isEmpty()) b.append(indent).append(line);
        }
        return b.toString();
    }

    /**
     * Whether a literal block gives back exactly {@code value}: several lines, no first line that
     * starts with a space (the block's indent would be misread), no trailing break or trailing
     * spaces, and nothing a YAML reader refuses or folds (controls, carriage returns, a BOM).
     */
    private static boolean fitsBlock(String value) {
        if (value.indexOf('\n') < 0 || value.startsWith(" ") || value.endsWith("\n")) return false;
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (ch == '\n') {
                if (i > 0 && (value.charAt(i - 1) == ' ' || value.charAt(i - 1) == '\t')) return false;
            } else if ((ch < 0x20 && ch != '\t') || (ch >= 0x7f && ch <= 0x9f) || ch == '\u2028' || ch == '\u2029'
                    || ch == '\ufeff') {
                return false;
            }
        }
        char last = value.charAt(value.length() - 1);
        return last != ' ' && last != '\t';
    }
}
