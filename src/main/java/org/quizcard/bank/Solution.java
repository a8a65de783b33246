package org.quizcard.bank;

import java.util.List;
import java.util.stream.Collectors;

/** The right answer of a question, written out for a person to read. */
public final class Solution {
    private Solution() {
    }

    /** One line (or a few) saying what the right answer is. */
    public static String describe(Question q) {
        if (q instanceof Question.Choice c) {
            return c.options().stream().filter(Question.Option::correct).map(Question.Option::text)
                    .collect(Collectors.joining("; "));
        } else if (q instanceof Question.TrueFalse t) {
            return t.answer() ? "true" : "false";
        } else if (q instanceof Question.Text t) {
            return t.answers().isEmpty() ? "matching /" + t.regex() + "/" : String.join(" / ", t.answers());
        } else if (q instanceof Question.Numeric n) {
            String value = number(n.answer());
            String tolerance = n.tolerance() > 0 ? " ± " + number(n.tolerance()) : "";
            return value + tolerance + (n.unit() == null ? "" : " " + n.unit());
        } else if (q instanceof Question.Order o) {
            return String.join(" → ", o.items());
        } else if (q instanceof Question.Match m) {
            return m.pairs().stream().map(p -> p.left() + " → " + p.right()).collect(Collectors.joining("; "));
        } else if (q instanceof Question.Cloze z) {
            return filledCloze(z);
        } else if (q instanceof Question.Flashcard f) {
            return f.back();
        }
        throw new IllegalArgumentException("unknown question type " + q.type());
    }

    /** The cloze text with each blank filled by its first answer, in brackets. */
    private static String filledCloze(Question.Cloze z) {
        List<String> parts = z.parts();
        StringBuilder b = new StringBuilder(parts.get(0));
        for (int i = 1; i < parts.size(); i++) {
            List<String> answers = i - 1 < z.blanks().size() ? z.blanks().get(i - 1).answers() : List.of();
            b.append('[').append(answers.isEmpty() ? "?" : answers.get(0)).append(']').append(parts.get(i));
        }
        return b.toString();
    }

    /** A number without a trailing {@code .0}. */
    public static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
