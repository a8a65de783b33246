package org.quizcard.exchange.gift;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.exchange.BankExporter;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Loss;
import org.quizcard.exchange.Numbers;

/**
 * Writes a bank as GIFT: a {@code $CATEGORY:} per concept (its id), each question titled by its
 * id, its explanation as general feedback ({@code ####}), options' explanations and misconceptions
 * as per-answer feedback ({@link Feedback}), tags as Moodle's {@code // [tag:name]} comments.
 * Single and multiple choice, true/false, typed answers (known wrong ones at 0%), numbers,
 * matching and a cloze of one blank (GIFT's missing word) carry over, and read back to the same
 * questions; a flashcard becomes an essay whose feedback is the back; an order and a cloze of
 * several blanks have no GIFT form and are left out.
 */
public final class GiftWriter implements BankExporter {
    private final List<Loss> losses = new ArrayList<>();
    private final StringBuilder out = new StringBuilder();
    private Bank bank;
    private String where;

    @Override
    public List<Loss> write(Bank bank, Path out) throws IOException {
        GiftWriter w = new GiftWriter();
        Files.writeString(out, w.text(bank), StandardCharsets.UTF_8);
        return List.copyOf(w.losses);
    }

    /** The GIFT text of {@code bank}; what it could not express is added to {@link #losses}. */
    String text(Bank bank) {
        this.bank = bank;
        out.append("// Written by quizcard export: questions titled by their ids, one $CATEGORY per concept.\n");
        for (Concept c : bank.concepts()) {
            out.append('\n');
            for (String line : (c.title() + "\n" + c.summary()).split("\n")) {
                if (!line.isBlank()) out.append("// ").append(line.strip()).append('\n');
            }
            out.append("$CATEGORY: ").append(escape(c.id())).append('\n');
            if (!c.title().equals(c.id()) || !c.summary().isBlank()) {
                losses.add(Loss.part("concept " + c.id(), "its title and summary, written as comments: a GIFT category has a name only"));
            }
            for (Question q : c.questions()) question(q);
        }
        return out.toString();
    }

    private void question(Question q) {
        where = "question " + q.ref();
        Question.Common c = q.common();
        String body = switch (q.type()) {
            case SINGLE, MULTIPLE -> choice((Question.Choice) q);
            case TRUEFALSE -> trueFalse((Question.TrueFalse) q);
            case TEXT -> text((Question.Text) q);
            case NUMERIC -> numeric((Question.Numeric) q);
            case MATCH -> match((Question.Match) q);
            case CLOZE -> cloze((Question.Cloze) q);
            case FLASHCARD -> "{####" + escape(((Question.Flashcard) q).back()) + "}";
            case ORDER -> dropped("GIFT has no ordering question");
        };
        if (body == null) return;
        if (q instanceof Question.Flashcard && !c.explanation().isBlank()) {
            losses.add(Loss.part(where, "its explanation: an essay's one feedback holds the card's back"));
        }
        if (c.hint() != null) losses.add(Loss.part(where, "its hint: GIFT has no hints"));
        if (!c.sources().isEmpty()) losses.add(Loss.part(where, "its sources: GIFT has no field for them"));
        out.append('\n');
        List<String> tags = new ArrayList<>();
        for (String t : c.tags()) {
            if (t.indexOf(']') >= 0 || t.indexOf('\n') >= 0) {
                losses.add(Loss.part(where, "the tag '" + t + "': a GIFT tag holds no ']' or line break"));
            } else {
                tags.add("[tag:" + t + "]");
            }
        }
        if (!tags.isEmpty()) out.append("// ").append(String.join(" ", tags)).append('\n');
        out.append("::").append(escape(c.id())).append("::").append(marker(q));
        if (!(q instanceof Question.Cloze)) out.append(escape(prompt(q)));
        out.append(q instanceof Question.Cloze ? "" : " ").append(body).append('\n');
    }

    /** The format mark: {@code [plain]} when some text would read as HTML, so that it shows as written. */
    private static String marker(Question q) {
        StringBuilder all = new StringBuilder(q.prompt()).append(' ').append(q.common().explanation());
        if (q instanceof Question.Choice ch) ch.options().forEach(o -> all.append(' ').append(o.text()).append(' ').append(o.explanation()));
        if (q instanceof Question.Text t) all.append(t.answers()).append(t.wrong());
        if (q instanceof Question.Match m) all.append(m.pairs());
        if (q instanceof Question.Cloze z) all.append(z.text()).append(z.blanks());
        if (q instanceof Question.Flashcard f) all.append(f.back());
        if (Html.looksLikeHtml(all.toString())) return "[plain]";
        return q.prompt().startsWith("[") ? "[moodle]" : "";
    }

    private static String prompt(Question q) {
        if (q instanceof Question.Numeric n && n.unit() != null) return q.prompt() + "\n\n" + GiftQuestion.UNIT + n.unit();
        return q.prompt();
    }

    private String general(Question q) {
        String explanation = q.common().explanation();
        return explanation.isBlank() ? "" : "\t####" + escape(explanation) + "\n";
    }

    private String choice(Question.Choice q) {
        boolean single = q instanceof Question.Single;
        long right = q.options().stream().filter(Question.Option::correct).count();
        String share = BigDecimal.valueOf(100.0 / right).setScale(5, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString();
        StringBuilder b = new StringBuilder("{\n");
        for (Question.Option o : q.options()) {
            String mark;
            if (single) {
                if (o.correct() && o.text().startsWith("%")) return dropped("its right answer starts with %, which GIFT reads as a weight");
                mark = o.correct() ? "=" : o.text().startsWith("%") ? "~%0%" : "~";
            } else {
                mark = "~%" + (o.correct() ? "" : "-") + share + "%";
            }
            b.append('\t').append(mark).append(escape(o.text())).append(feedback(o.explanation(), o.misconception())).append('\n');
        }
        return b.append(general(q)).append('}').toString();
    }

    private String trueFalse(Question.TrueFalse q) {
        return "{" + (q.answer() ? "TRUE" : "FALSE") + feedback(null, q.misconception()) + general(q).strip() + "}";
    }

    private String text(Question.Text q) {
        if (q.regex() != null) {
            losses.add(Loss.part(where, "its pattern " + q.regex() + ": GIFT accepts listed answers only"));
        }
        if (q.answers().isEmpty()) return dropped("it accepts answers by a pattern only, and GIFT has none");
        String answers = typed(q.answers(), q.wrong(), "\n\t");
        if (answers == null) return null;
        return "{" + answers + "\n" + general(q) + "}";
    }

    /** Accepted answers at full credit, known wrong ones at 0% with the misconception as feedback. */
    private String typed(List<String> answers, List<Question.WrongAnswer> wrong, String gap) {
        StringBuilder b = new StringBuilder();
        for (String a : answers) {
            if (a.contains("->")) return dropped("the answer '" + a + "' holds '->', which makes GIFT read a matching question");
            b.append(gap).append(a.startsWith("%") ? "=%100%" : "=").append(escape(a));
        }
        for (Question.WrongAnswer w : wrong) {
            b.append(gap).append("=%0%").append(escape(w.answer())).append(feedback(null, w.misconception()));
        }
        return b.toString();
    }

    private String numeric(Question.Numeric q) {
        if (q.unit() != null) {
            losses.add(Loss.part(where, "its unit " + q.unit() + ", written as the text's last line: a GIFT number has no "
                    + "unit, so an LMS checks the number alone"));
        }
        String tolerance = q.tolerance() == 0 ? "" : ":" + Numbers.plain(q.tolerance());
        return "{#" + Numbers.plain(q.answer()) + tolerance + general(q).strip() + "}";
    }

    private String match(Question.Match q) {
        StringBuilder b = new StringBuilder("{\n");
        for (Question.Pair p : q.pairs()) {
            if (p.left().contains("->")) return dropped("the left side '" + p.left() + "' holds '->', GIFT's own separator");
            b.append("\t=").append(escape(p.left())).append(" -> ").append(escape(p.right())).append('\n');
        }
        return b.append(general(q)).append('}').toString();
    }

    /** One blank: GIFT's missing word, after the prompt and an empty line; text after the braces makes it one. */
    private String cloze(Question.Cloze q) {
        List<String> parts = q.parts();
        if (parts.size() != 2) return dropped("a cloze of " + (parts.size() - 1) + " blanks: GIFT's missing word has one");
        Question.Blank blank = q.blanks().get(0);
        String answers = typed(blank.answers(), blank.wrong(), " ");
        if (answers == null) return null;
        String after = parts.get(1).isEmpty() ? "\\n" : escape(parts.get(1));
        return escape(q.prompt() + "\n\n" + parts.get(0)) + "{" + answers.strip() + general(q).replace('\t', ' ').stripTrailing()
                + "}" + after;
    }

    /** Per-answer feedback ({@link Feedback}) after its {@code #}; empty when there is none. */
    private String feedback(String explanation, String misconception) {
        String text = Feedback.write(explanation, misconception, bank);
        return text == null ? "" : "#" + escape(text);
    }

    private String dropped(String why) {
        losses.add(Loss.item(where, why));
        return null;
    }

    /** Text as GIFT writes it: its special characters and backslash escaped, line breaks as {@code \n}. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\', '~', '=', '#', '{', '}', ':' -> b.append('\\').append(ch);
                case '\n' -> b.append("\\n");
                case '\r' -> { }
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
