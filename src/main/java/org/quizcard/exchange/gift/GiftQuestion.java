package org.quizcard.exchange.gift;

import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.gift.GiftChars.Range;

/**
 * One GIFT question: its title, its text (with a {@code [html]}, {@code [moodle]},
 * {@code [plain]} or {@code [markdown]} mark), its answer block and general feedback, read into a
 * question of the bank, or into a loss when a bank cannot hold it. The type follows from the
 * answer block as Moodle decides it: nothing in braces is an essay, {@code #} a number, a
 * {@code ~} a choice, {@code =} with {@code ->} a matching, T/F a true/false, else a short
 * answer. Text on both sides of the braces is a missing word: a blank ({@code ___}) where they were.
 */
final class GiftQuestion {
    private static final Set<String> FORMATS = Set.of("html", "moodle", "plain", "markdown");
    /** The last paragraph of a numeric question's text that quizcard's export writes for its unit. */
    static final String UNIT = "Unit: ";
    /** What a missing-word question without a text before its sentence asks. */
    static final String FILL_IN = "Fill in the blank.";

    private final GiftReader.Parse parse;
    private final GiftChars chars;
    private final Range all;
    private String format = "moodle";
    private String where;

    /** A question read: build it into a concept under an id. */
    record Read(String title, String prompt, String explanation, List<String> tags, int offset,
                GiftReader.Parse parse, Function<Question.Common, Question> typed) {
        Question build(String concept, String id) {
            return typed.apply(new Question.Common(concept, id, prompt, explanation, null, tags, List.of(),
                    parse.position(offset)));
        }
    }

    GiftQuestion(GiftReader.Parse parse, GiftChars chars, Range all) {
        this.parse = parse;
        this.chars = chars;
        this.all = all;
    }

    /** The question, or null when it was left out (and the loss recorded). */
    Read read(List<String> tags) {
        int from = all.from();
        String title = null;
        if (chars.startsWith("::", from)) {
            int close = chars.find("::", from + 2, all.to());
            if (close < 0) throw fail(from, "the question title opened here has no closing '::' (write \\: for a colon)");
            title = Printable.line(chars.text(from + 2, close)).strip();
            from = chars.skipBlank(close + 2, all.to());
        }
        String mark = formatAt(from, all.to());
        if (mark != null) {
            format = mark;
            from += mark.length() + 2;
        }
        int open = chars.find('{', from, all.to());
        int close = chars.find('}', from, all.to());
        String start = chars.text(from, open < 0 ? all.to() : open);
        String label = title != null && !title.isEmpty() ? title
                : abbreviate(Html.looksLikeHtml(start) ? Html.toText(start).text() : start);
        where = parse.where(chars.offset(all.from()), label);
        if (open < 0 && close < 0) return dropped("a description, not a question (no answer block in braces)");
        checkBraces(open, close, from);
        boolean missingWord = false;
        for (int i = close + 1; i < all.to() && !missingWord; i++) missingWord = !chars.blank(i);
        String before = chars.text(from, open);
        String after = chars.text(close + 1, all.to());
        String prompt = convert(missingWord ? before + Question.Cloze.BLANK + after : before, format);
        int feedbackAt = chars.findLast("####", open + 1, close);
        Range answers = chars.trim(new Range(open + 1, feedbackAt < 0 ? close : feedbackAt));
        String general = feedbackAt < 0 ? "" : text(new Range(feedbackAt + 4, close));
        GiftAnswers a = new GiftAnswers(this, chars, answers, open);
        Function<Question.Common, Question> typed;
        String explanation = general;
        GiftAnswers.TrueFalse tf;
        if (answers.isEmpty()) {
            if (general.isEmpty()) return dropped("an essay without feedback: a bank has no answer to check it against");
            String back = general;
            typed = c -> new Question.Flashcard(c, back);
            explanation = "";
        } else if (chars.is(answers.from(), '#')) {
            GiftAnswers.Numeric n = a.numeric();
            if (n == null) return null;
            String unit = null;
            int at = prompt.lastIndexOf("\n\n" + UNIT);
            if (at >= 0 && prompt.indexOf('\n', at + 2) < 0) {
                unit = prompt.substring(at + 2 + UNIT.length()).strip();
                prompt = prompt.substring(0, at).strip();
            }
            String u = unit == null || unit.isEmpty() ? null : unit;
            typed = c -> new Question.Numeric(c, n.answer(), n.tolerance(), u);
        } else if (chars.find('~', answers.from(), answers.to()) >= 0) {
            typed = a.choice();
        } else if (chars.find('=', answers.from(), answers.to()) >= 0 && chars.find("->", answers.from(), answers.to()) >= 0) {
            typed = a.match();
        } else if ((tf = a.trueFalse()) != null) {
            explanation = tf.explanation(general, this);
            boolean answer = tf.answer();
            String misconception = tf.misconception();
            typed = c -> new Question.TrueFalse(c, answer, misconception);
        } else if (missingWord) {
            int paragraph = prompt.indexOf("\n\n");
            int blank = prompt.indexOf(Question.Cloze.BLANK);
            String text = paragraph >= 0 && paragraph < blank ? prompt.substring(paragraph + 2).strip() : prompt;
            prompt = paragraph >= 0 && paragraph < blank ? prompt.substring(0, paragraph).strip() : FILL_IN;
            if (text.indexOf(Question.Cloze.BLANK, text.indexOf(Question.Cloze.BLANK) + 1) >= 0) {
                return dropped("the sentence has a blank (" + Question.Cloze.BLANK + ") of its own besides the answer block");
            }
            typed = a.cloze(text);
        } else {
            typed = a.shortAnswer();
        }
        if (typed == null) return null;
        if (prompt.isEmpty()) return dropped("no question text");
        return new Read(title, prompt, explanation, tags, chars.offset(all.from()), parse, typed);
    }

    private void checkBraces(int open, int close, int from) {
        if (close < 0) {
            throw fail(open, "'{' opens an answer block that is not closed before the question ends "
                    + "(a blank line ends a question; write \\{ for a brace in text)");
        }
        if (open < 0 || close < open) {
            throw fail(close, "'}' closes no answer block (write \\} for a brace in text)");
        }
        int inner = chars.find('{', open + 1, close);
        if (inner >= 0) throw fail(inner, "'{' inside an answer block (write \\{ for a brace in text)");
        int again = chars.find('{', close + 1, all.to());
        int stray = chars.find('}', close + 1, all.to());
        int second = again < 0 ? stray : stray < 0 ? again : Math.min(again, stray);
        if (second >= 0) {
            throw fail(second, "a second answer block: a question has one (write \\{ and \\} for braces in text)");
        }
    }

    /** A piece of the question's text: its own format mark, else the question's, made plain text. */
    String text(Range r) {
        Range t = chars.trim(r);
        String mark = formatAt(t.from(), t.to());
        int from = mark == null ? t.from() : t.from() + mark.length() + 2;
        return convert(chars.text(from, t.to()), mark == null ? format : mark);
    }

    /** The format named by a mark such as {@code [html]} at {@code from}, or null. */
    private String formatAt(int from, int to) {
        if (!chars.is(from, '[')) return null;
        int close = chars.find(']', from, Math.min(to, from + 10));
        String name = close < 0 ? "" : chars.text(from + 1, close);
        return FORMATS.contains(name) ? name : null;
    }

    /** Text of a format as plain text: HTML (also in Moodle's own format, which allows it) through {@link Html}. */
    private String convert(String text, String fmt) {
        boolean html = fmt.equals("html") || fmt.equals("moodle") && Html.looksLikeHtml(text);
        if (!html) return Printable.text(text).strip();
        Html.Text plain = Html.toText(text);
        for (String medium : plain.media()) loss("the " + abbreviate(medium) + ": banks hold text only");
        return plain.text().strip();
    }

    /** Per-answer feedback: its explanation and the misconception it names, when the catalogue knows it. */
    Feedback.Read feedback(String text) {
        return Feedback.read(text, parse.options().catalogue());
    }

    void loss(String what) {
        parse.loss(Loss.part(where, what));
    }

    /** Leaves the question out, saying why; null for {@link #read}. */
    Read dropped(String why) {
        parse.loss(Loss.item(where, why));
        return null;
    }

    /** Text as a loss or message quotes it: one line, at most 40 characters. */
    static String abbreviate(String s) {
        String line = Printable.line(s.strip());
        return line.length() <= 40 ? line : line.substring(0, 37) + "...";
    }

    QuizcardException fail(int at, String message) {
        return parse.fail(chars.offset(at), message);
    }
}
