package org.quizcard.term;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.Solution;
import org.quizcard.check.Presentation;
import org.quizcard.check.ResponseParser;
import org.quizcard.study.QuizUi;
import org.quizcard.study.Summary;
import org.quizcard.srs.Rating;

/**
 * Turns questions, feedback and summaries into styled lines. The terminal UI prints them with
 * escape codes; the plain UI prints the same lines as bare text.
 */
public final class Renderer {
    private final Style style;
    private final IntSupplier width;

    /**
     * A renderer wrapping at the width {@code width} gives when each screen is made (0: no
     * wrapping): a terminal's, as it is resized.
     */
    public Renderer(Style style, IntSupplier width) {
        this.style = style;
        this.width = width;
    }

    private int width() {
        return Math.max(0, width.getAsInt());
    }

    /**
     * {@code line} cut at word boundaries to the width, each continuation indented as the line
     * it continues, so that no line relies on the terminal's own wrapping.
     */
    public List<AttributedString> fit(AttributedString line) {
        List<AttributedString> lines = new ArrayList<>();
        String plain = line.toString();
        int start = 0;
        for (String part : plain.split("\n", -1)) {
            AttributedString styled = line.subSequence(start, start + part.length());
            start += part.length() + 1;
            int indent = 0;
            while (indent < part.length() && part.charAt(indent) == ' ') indent++;
            if (indent > width() / 2) indent = 0;
            AttributedString margin = new AttributedString(" ".repeat(indent));
            lines.addAll(fit(styled.subSequence(indent, styled.length()), margin, margin));
        }
        return lines;
    }

    /** {@code text} cut to the width after {@code first} on its first line and {@code next} on the others. */
    private List<AttributedString> fit(AttributedString text, AttributedString first, AttributedString next) {
        int w = width();
        List<AttributedString> lines = new ArrayList<>();
        String plain = text.toString();
        int at = 0;
        for (String piece : Text.wrap(plain, w <= 0 ? 0 : Math.max(10, w - first.columnLength()),
                w <= 0 ? 0 : Math.max(10, w - next.columnLength()))) {
            int from = piece.isEmpty() ? at : plain.indexOf(piece, at);
            AttributedString chunk = text.subSequence(from, from + piece.length());
            lines.add(new AttributedStringBuilder().append(lines.isEmpty() ? first : next).append(chunk)
                    .toAttributedString());
            at = from + piece.length();
        }
        return lines;
    }

    /** Bank text in {@code base}, its `inline code` in the code style, without the backticks. */
    AttributedString prose(String text, AttributedStyle base) {
        String safe = Text.safe(text);
        AttributedStringBuilder b = new AttributedStringBuilder();
        int i = 0;
        while (true) {
            int open = safe.indexOf('`', i);
            int close = open < 0 ? -1 : safe.indexOf('`', open + 1);
            if (close < 0) {
                b.styled(base, safe.substring(i));
                return b.toAttributedString();
            }
            b.styled(base, safe.substring(i, open));
            b.styled(style.code, safe.substring(open + 1, close));
            i = close + 1;
        }
    }

    /**
     * "Question 3 of 10 · score 1.5/2 · Containers · single"; in a study session the counts of
     * what is left instead of a total: "Question 3 · 4 new · 1 learning · 6 due · …".
     */
    public AttributedString progress(QuizUi.Prompt p, String conceptTitle) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(style.heading, "Question " + p.number() + (p.counts() == null ? " of " + p.total() : ""));
        if (p.counts() != null) {
            QuizUi.Counts c = p.counts();
            b.styled(style.faint, "  ·  ").styled(style.key, c.fresh() + " new").styled(style.faint, " · ")
                    .styled(style.partial, c.learning() + " learning").styled(style.faint, " · ")
                    .styled(style.right, c.due() + " due");
        }
        String score = p.exam() ? "" : "  ·  score " + Solution.number(round(p.score())) + "/" + p.answered();
        b.styled(style.faint, score + "  ·  " + conceptTitle + "  ·  " + p.question().type().yamlName());
        return b.toAttributedString();
    }

    /** The question's prompt and its options, items or blanks as shown. */
    public List<AttributedString> question(Question q, Presentation shown, int cursor, Set<Integer> ticked) {
        List<AttributedString> lines = new ArrayList<>();
        for (String paragraph : q.prompt().split("\n", -1)) lines.addAll(fit(prose(paragraph, style.bold)));
        if (q instanceof Question.Choice choice) {
            for (int i = 0; i < shown.size(); i++) {
                lines.add(option(i, choice.options().get(shown.index(i)).text(), cursor == i,
                        choice instanceof Question.Multiple ? ticked.contains(i) : null));
            }
        } else if (q instanceof Question.TrueFalse) {
            lines.add(option(0, "True", cursor == 0, null));
            lines.add(option(1, "False", cursor == 1, null));
        } else if (q instanceof Question.Order o) {
            for (int i = 0; i < shown.size(); i++) {
                String text = o.items().get(shown.index(i));
                lines.add(option(i, ticked.contains(i) ? "⇅ " + text : text, cursor == i, null));
            }
        } else if (q instanceof Question.Match m) {
            for (int i = 0; i < m.pairs().size(); i++) {
                lines.add(line("  " + (i + 1) + ". " + Text.safe(m.pairs().get(i).left()), style.plain));
            }
            for (int i = 0; i < shown.size(); i++) {
                lines.add(line("     " + ResponseParser.letter(i) + ") " + Text.safe(m.pairs().get(shown.index(i)).right()),
                        style.plain));
            }
        } else if (q instanceof Question.Cloze z) {
            List<String> parts = z.parts();
            StringBuilder text = new StringBuilder(parts.get(0));
            for (int i = 1; i < parts.size(); i++) text.append("[").append(i).append(" ___]").append(parts.get(i));
            for (String l : Text.wrap(Text.safe(text.toString()), width() - 2)) lines.add(line("  " + l, style.plain));
        }
        return lines;
    }

    /** An option line; long text wraps under itself, the continuation joined by a newline. */
    private AttributedString option(int i, String text, boolean atCursor, Boolean ticked) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.append(atCursor ? "› " : "  ");
        if (ticked != null) b.append(ticked ? "[x] " : "[ ] ");
        String number = (i + 1) + "/" + ResponseParser.letter(i);
        b.styled(style.key, (i + 1) + "");
        b.styled(style.faint, "/" + ResponseParser.letter(i));
        b.append("  ");
        int indent = 2 + (ticked != null ? 4 : 0) + number.length() + 2;
        List<String> wrapped = Text.wrap(Text.safe(text), width() > 0 ? Math.max(20, width() - indent) : 0);
        for (int l = 0; l < wrapped.size(); l++) {
            if (l > 0) b.append("\n").append(" ".repeat(indent));
            b.styled(atCursor ? style.selected : style.plain, wrapped.get(l));
        }
        return b.toAttributedString();
    }

    /** What the learner can type for this question, and the control keys. */
    public AttributedString instructions(Question q, Presentation shown, boolean interactive) {
        int n = shown.size();
        String range = n > 0 ? "1-" + n + " or a-" + ResponseParser.letter(n - 1) : "";
        String example = n >= 3 ? "3 1 2" : "2 1";
        String how = switch (q.type()) {
            case SINGLE, TRUEFALSE -> interactive ? "press " + range + ", or ↑↓ and Enter" : "type " + range;
            case MULTIPLE -> interactive ? "toggle with " + range + " (or ↑↓ and space), Enter submits"
                    : "type all that apply, e.g. 1 3";
            case ORDER -> interactive ? "↑↓ select, space grabs and drops, Enter submits the order shown; "
                    + "or type the numbers, e.g. " + example : "type the numbers in order, e.g. " + example;
            case MATCH -> "type pairs, e.g. 1b 2a" + (n > 2 ? " 3c" : "");
            case CLOZE -> "fill the blanks one by one";
            case FLASHCARD -> "recall the answer, then press Enter to see it";
            case NUMERIC -> "type a number";
            case TEXT -> "type your answer";
        };
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(style.faint, how + "  ·  ");
        b.styled(style.key, "?").styled(style.faint, " hint  ");
        b.styled(style.key, "s").styled(style.faint, " skip  ");
        b.styled(style.key, "u").styled(style.faint, " undo  ");
        b.styled(style.key, "q").styled(style.faint, " quit");
        return b.toAttributedString();
    }

    public AttributedString hint(Question q) {
        String hint = q.common().hint();
        return new AttributedString("Hint: " + (hint == null ? "no hint for this one." : Text.safe(hint)), style.faint);
    }

    public AttributedString problem(String message) {
        return new AttributedString(Text.safe(message), style.partial);
    }

    /** The back of a flashcard. */
    public List<AttributedString> back(Question.Flashcard card) {
        return Text.wrap(Text.safe(card.back()), width() - 2).stream()
                .map(l -> line("  " + l, style.bold)).toList();
    }

    /**
     * The verdict, what was picked, the right answer, the explanation, and per misconception
     * revealed its refutation, or one line when this session already showed it in full (unless
     * {@code expanded}).
     */
    public List<AttributedString> feedback(QuizUi.Feedback f, boolean expanded) {
        List<AttributedString> lines = new ArrayList<>();
        double score = f.verdict().score();
        boolean card = f.question() instanceof Question.Flashcard;
        switch (f.verdict().outcome()) {
            case RIGHT -> lines.add(line(card ? "✓ Recalled" : "✓ Right", style.right));
            case WRONG -> lines.add(line(card ? "✗ Not recalled" : "✗ Wrong", style.wrong));
            case PARTIAL -> lines.add(line((card ? "◐ Recalled with effort" : "◐ Partly right")
                    + String.format(Locale.ROOT, " (score %.2f)", score), style.partial));
        }
        String picked = Picked.describe(f);
        if (picked != null) lines.addAll(labelled("You picked: ", picked, style.plain));
        for (String about : Picked.explanations(f)) lines.addAll(labelled("On your pick: ", about, style.plain));
        for (String note : f.verdict().notes()) lines.addAll(fit(prose("  " + note, style.plain)));
        if (!card && f.verdict().outcome() != org.quizcard.check.Verdict.Outcome.RIGHT) {
            lines.addAll(labelled("Answer: ", f.rightAnswer(), style.bold));
        }
        String why = f.question().common().explanation();
        if (!why.isBlank()) lines.addAll(labelled("Why: ", why, style.plain));
        for (Misconception m : f.revealed()) {
            lines.add(AttributedString.EMPTY);
            lines.addAll(!expanded && f.seenBefore().contains(m.id()) ? briefRefutation(m) : refutation(m));
        }
        return lines;
    }

    /** Whether the feedback holds a refutation shown in one line, which a key can expand. */
    public static boolean hasBrief(QuizUi.Feedback f) {
        return f.revealed().stream().anyMatch(m -> f.seenBefore().contains(m.id()));
    }

    /**
     * The ratings with the time each gives until the next review, the one in force marked, and
     * "(suggested)" while it is the one the answer earned: "1 Again 10m · 2 Hard 1d · [3 Good 3d] · 4 Easy 8d".
     */
    public List<AttributedString> ratings(QuizUi.Feedback f, Rating current) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        for (Rating r : Rating.values()) {
            if (r.ordinal() > 0) b.styled(style.faint, " · ");
            String interval = f.intervals().get(r);
            String name = r.name().charAt(0) + r.name().substring(1).toLowerCase(Locale.ROOT);
            String label = r.value() + " " + name + (interval == null ? "" : " " + interval);
            if (r == current) {
                b.styled(style.selected, "[" + label + "]");
                if (r == f.suggested()) b.styled(style.faint, " suggested");
            } else {
                b.append(label);
            }
        }
        return fit(b.toAttributedString());
    }

    /** The keys after feedback: "Enter next · 1-4 rate · e explain · q quit". */
    public AttributedString feedbackKeys(boolean rate, boolean explain) {
        AttributedStringBuilder b = new AttributedStringBuilder();
        b.styled(style.key, "Enter").styled(style.faint, " next");
        if (rate) b.styled(style.faint, "  ·  ").styled(style.key, "1-4").styled(style.faint, " rate");
        if (explain) b.styled(style.faint, "  ·  ").styled(style.key, "e").styled(style.faint, " explain again");
        b.styled(style.faint, "  ·  ").styled(style.key, "q").styled(style.faint, " quit");
        return b.toAttributedString();
    }

    /** The refutation of a misconception: the claim, why it seems right, the correction. */
    public List<AttributedString> refutation(Misconception m) {
        List<AttributedString> lines = new ArrayList<>();
        lines.addAll(bar("Misconception: ", "\u201c" + Text.safe(m.claim()) + "\u201d", style.claim));
        lines.addAll(bar("Why it seems right: ", m.seemsRight(), style.faint));
        lines.addAll(bar("What is true: ", withoutVerdict(m.correction()), style.plain));
        if (!m.sources().isEmpty()) lines.addAll(bar("Check: ", String.join("; ", m.sources()), style.faint));
        return lines;
    }

    /** A misconception already refuted in full this session, in one line. */
    public List<AttributedString> briefRefutation(Misconception m) {
        return bar("Misconception again: ", "\u201c" + Text.safe(m.claim()) + "\u201d", style.claim);
    }

    /** A correction without its opening "Wrong:", which the refutation has already said. */
    static String withoutVerdict(String correction) {
        String c = correction.strip();
        String rest = c.replaceFirst("^(?i)(wrong|false|no)[.:,;!]\\s*", "");
        return rest.isEmpty() ? c : Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
    }

    /** A line of a refutation: the red gutter, a bold label, the text; continuations keep the gutter. */
    private List<AttributedString> bar(String label, String text, AttributedStyle textStyle) {
        AttributedString gutter = new AttributedString("┃ ", style.wrong);
        AttributedString first = new AttributedStringBuilder().append(gutter).styled(style.bold, label).toAttributedString();
        return fit(prose(text.strip(), textStyle), first, gutter);
    }

    /** "Why: text", its continuations under the text. */
    private List<AttributedString> labelled(String label, String text, AttributedStyle textStyle) {
        return fit(prose(text.strip(), textStyle), new AttributedString(label, style.heading),
                new AttributedString(" ".repeat(label.length())));
    }

    /** The end of a session. */
    public List<AttributedString> summary(Summary s) {
        List<AttributedString> lines = new ArrayList<>();
        lines.add(AttributedString.EMPTY);
        lines.add(line("Session summary", style.heading));
        lines.add(line(String.format(Locale.ROOT, "Answered %d of %d%s  ·  score %s/%d (%.0f%%)",
                s.answered(), s.asked(),
                s.skipped() > 0 ? ", skipped " + s.skipped() : "", Solution.number(round(s.score())), s.answered(),
                s.percent()), style.bold));
        int titleWidth = s.concepts().stream().mapToInt(c -> c.title().length()).max().orElse(0);
        for (Summary.ConceptScore c : s.concepts()) {
            int filled = (int) Math.round(c.percent() / 10);
            AttributedStringBuilder b = new AttributedStringBuilder();
            b.append(String.format(Locale.ROOT, "  %-" + titleWidth + "s  ", Text.safe(c.title())));
            AttributedStyle barStyle = c.percent() >= 80 ? style.right : c.percent() >= 50 ? style.partial : style.wrong;
            b.styled(barStyle, "█".repeat(filled)).styled(style.faint, "░".repeat(10 - filled));
            b.append(String.format(Locale.ROOT, "  %3.0f%%  (%s/%d)", c.percent(), Solution.number(round(c.score())),
                    c.answered()));
            lines.add(b.toAttributedString());
        }
        if (!s.misconceptions().isEmpty()) {
            lines.add(AttributedString.EMPTY);
            lines.add(line("Misconceptions this session revealed", style.heading));
            for (Summary.Revealed r : s.misconceptions()) {
                lines.add(new AttributedStringBuilder().append("  ").styled(style.wrong, "✗ ")
                        .styled(style.claim, Text.safe(r.misconception().claim()))
                        .append(r.times() > 1 ? " (×" + r.times() + ")" : "").toAttributedString());
                String correction = withoutVerdict(Text.firstSentence(r.misconception().correction()));
                lines.addAll(fit(prose("    → " + correction, style.plain)));
            }
        }
        if (!s.practiseNext().isEmpty()) {
            lines.add(AttributedString.EMPTY);
            lines.add(new AttributedStringBuilder().styled(style.heading, "Practise next: ")
                    .append(String.join(", ", s.practiseNext()))
                    .styled(style.faint, "  (quizcard quiz --concept " + s.practiseNext().get(0) + ")")
                    .toAttributedString());
        }
        if (s.next() != null) {
            lines.add(AttributedString.EMPTY);
            lines.add(line(s.next(), style.faint));
        }
        return lines;
    }

    private static AttributedString line(String text, AttributedStyle s) {
        return new AttributedString(text, s);
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
