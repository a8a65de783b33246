package org.quizcard.exchange.gift;

import static org.quizcard.exchange.gift.GiftQuestion.abbreviate;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.quizcard.bank.Answers;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.gift.GiftChars.Range;

/**
 * The answer block of one GIFT question, read by type: each answer is a mark ({@code =},
 * {@code ~}), an optional weight ({@code %50%}), its text and an optional feedback after
 * {@code #}. Full credit is right; no or negative credit is wrong; partial credit, which a bank
 * does not give, is a loss.
 */
final class GiftAnswers {
    /** A weight, {@code %-50.5%}: at most three digits before the point (none of these can be escaped). */
    private static final Pattern WEIGHT = Pattern.compile("%(-?[0-9]{1,3}(?:\\.[0-9]*)?)%");
    /** A decimal number: sign, digits, a point, an exponent; nothing else (no hex, no NaN). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?[0-9.]*[0-9][0-9.]*(?:[eE][+-]?[0-9]+)?");

    private final GiftQuestion question;
    private final GiftChars chars;
    private final Range block;
    private final int open;

    /** One answer: its mark (0 for text before the first), weight (NaN when none is written), text and feedback. */
    private record Item(char mark, double weight, String text, String feedback, int at) { }

    /** A numeric answer: the number and its tolerance. */
    record Numeric(double answer, double tolerance) { }

    /** A true/false answer with its feedback on a wrong and on a right answer. */
    record TrueFalse(boolean answer, String misconception, String wrongExplanation, String right) {
        /** The question's explanation: the general feedback, else the feedback a learner gets. */
        String explanation(String general, GiftQuestion q) {
            String explanation = general;
            for (String fb : new String[] {wrongExplanation, right}) {
                if (fb == null || fb.isEmpty()) continue;
                if (explanation.isEmpty()) {
                    explanation = fb;
                } else {
                    q.loss("the feedback '" + abbreviate(fb) + "': a true/false question has one explanation");
                }
            }
            return explanation;
        }
    }

    GiftAnswers(GiftQuestion question, GiftChars chars, Range block, int open) {
        this.question = question;
        this.chars = chars;
        this.block = block;
        this.open = open;
    }

    /** The answers split before each of {@code marks}; text before the first mark is an answer without one. */
    private List<Item> items(String marks) {
        List<Item> items = new ArrayList<>();
        for (Range part : chars.split(block, marks)) {
            Range r = chars.trim(part);
            if (r.isEmpty()) continue;
            char mark = marks.indexOf(chars.at(r.from())) >= 0 && chars.is(r.from(), chars.at(r.from())) ? chars.at(r.from()) : 0;
            int from = mark == 0 ? r.from() : chars.skipBlank(r.from() + 1, r.to());
            double weight = Double.NaN;
            Matcher weighted = WEIGHT.matcher(chars.text(from, r.to()));
            if (weighted.lookingAt()) {
                weight = Double.parseDouble(weighted.group(1));
                from += weighted.end();
            }
            int hash = chars.find('#', from, r.to());
            String text = question.text(new Range(from, hash < 0 ? r.to() : hash));
            String fb = hash < 0 ? null : question.text(new Range(hash + 1, r.to()));
            items.add(new Item(mark, weight, text, fb == null || fb.isEmpty() ? null : fb, r.from()));
        }
        return items;
    }

    /** {@code {=right ~wrong}} (single) or {@code {~%50%a ~%50%b ~%-100%c}} (multiple: no {@code =}). */
    Function<Question.Common, Question> choice() {
        List<Item> items = items("~=");
        if (items.size() < 2) throw question.fail(open, "a multiple choice needs at least two answers");
        boolean single = items.stream().anyMatch(i -> i.mark() == '=');
        List<Question.Option> options = new ArrayList<>();
        long right = 0;
        for (Item i : items) {
            double w = i.mark() == '=' && Double.isNaN(i.weight()) ? 100 : Double.isNaN(i.weight()) ? 0 : i.weight();
            boolean correct = single ? w >= 100 : w > 0;
            if (single && w > 0 && w < 100) {
                question.loss("partial credit " + percent(w) + " for '" + abbreviate(i.text()) + "': counted wrong, "
                        + "as a single choice has one right answer");
            }
            if (correct) right++;
            Feedback.Read fb = correct ? new Feedback.Read(i.feedback(), null) : question.feedback(i.feedback());
            options.add(new Question.Option(i.text(), correct, fb.misconception(), fb.explanation(), null));
        }
        if (right == 0) return dropped("no answer has full credit, so a bank has no right option");
        if (single && right > 1) return dropped(right + " answers have full credit in a single choice");
        if (!single && !quizcardWeights(items, right)) {
            question.loss("the answers' weights: quizcard scores select-all-that-apply its own way "
                    + "(right picks less wrong picks, over the right options)");
        }
        String problem = parts(options.stream().map(Question.Option::text).toList(), "answer");
        if (problem != null) return dropped(problem);
        return single ? c -> new Question.Single(c, options) : c -> new Question.Multiple(c, options);
    }

    /** Whether the weights are quizcard's scoring: each right answer 100/n, each wrong one -100/n. */
    private static boolean quizcardWeights(List<Item> items, long right) {
        double share = 100.0 / right;
        for (Item i : items) {
            double w = Double.isNaN(i.weight()) ? 0 : i.weight();
            if (Math.abs(Math.abs(w) - share) > 0.01) return false;
        }
        return true;
    }

    /** {@code {T}}, {@code {FALSE#feedback on a wrong answer#feedback on a right one}}; null when not one. */
    TrueFalse trueFalse() {
        int first = chars.find('#', block.from(), block.to());
        Range head = chars.trim(new Range(block.from(), first < 0 ? block.to() : first));
        String word = chars.text(head.from(), head.to());
        if (!Set.of("T", "TRUE", "F", "FALSE").contains(word)) return null;
        int second = first < 0 ? -1 : chars.find('#', first + 1, block.to());
        String wrong = first < 0 ? "" : question.text(new Range(first + 1, second < 0 ? block.to() : second));
        String right = second < 0 ? "" : question.text(new Range(second + 1, block.to()));
        Feedback.Read fb = question.feedback(wrong);
        return new TrueFalse(word.startsWith("T"), fb.misconception(), fb.explanation(), right);
    }

    /** {@code {=answer =other =%0%wrong#feedback}}: a typed answer. */
    Function<Question.Common, Question> shortAnswer() {
        Typed t = typed();
        if (t == null) return null;
        return c -> new Question.Text(c, t.answers(), null, t.wrong());
    }

    /** A short answer with text after it: a cloze of one blank. */
    Function<Question.Common, Question> cloze(String text) {
        Typed t = typed();
        if (t == null) return null;
        Question.Blank blank = new Question.Blank(t.answers(), t.wrong(), null);
        return c -> new Question.Cloze(c, text, List.of(blank));
    }

    private record Typed(List<String> answers, List<Question.WrongAnswer> wrong) { }

    private Typed typed() {
        List<String> answers = new ArrayList<>();
        List<Question.WrongAnswer> wrong = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (Item i : items("=")) {
            double w = Double.isNaN(i.weight()) ? 100 : i.weight();
            if (i.text().isEmpty()) {
                question.loss("an empty answer");
            } else if (w >= 100) {
                if (seen.add(Answers.normalise(i.text()))) answers.add(i.text());
                if (i.feedback() != null) {
                    question.loss("the feedback on '" + abbreviate(i.text()) + "': a typed answer's feedback is its explanation");
                }
            } else if (w > 0) {
                question.loss("'" + abbreviate(i.text()) + "' with partial credit " + percent(w) + ": a bank accepts an answer or not");
            } else {
                Feedback.Read fb = question.feedback(i.feedback());
                if (fb.misconception() == null) {
                    question.loss("the wrong answer '" + abbreviate(i.text()) + "': its feedback names no misconception quizcard knows");
                } else {
                    wrong.add(new Question.WrongAnswer(i.text(), fb.misconception(), null));
                }
            }
        }
        if (answers.isEmpty()) return dropped("no answer has full credit");
        for (Question.WrongAnswer w : List.copyOf(wrong)) {
            if (seen.contains(Answers.normalise(w.answer()))) {
                wrong.remove(w);
                question.loss("the wrong answer '" + abbreviate(w.answer()) + "': it is also accepted");
            }
        }
        return new Typed(answers, wrong);
    }

    /** {@code {#3.14:0.01}}, {@code {#1..5}}, {@code {#=1:0 =%50%2:0 ~#feedback on any other}}. */
    Numeric numeric() {
        Range body = new Range(block.from() + 1, block.to());
        int tilde = chars.find('~', body.from(), body.to());
        if (tilde >= 0) {
            String other = question.text(new Range(tilde + 1, body.to()));
            if (!other.isEmpty()) question.loss("the feedback on any other number: a numeric question has one explanation");
            body = new Range(body.from(), tilde);
        }
        Numeric chosen = null;
        List<Item> items = new GiftAnswers(question, chars, chars.trim(body), open).items("=");
        if (items.isEmpty()) throw question.fail(open, "a numerical question needs a number, as {#3.14:0.01} or {#1..5}");
        for (Item i : items) {
            Numeric n = number(i);
            double w = Double.isNaN(i.weight()) ? 100 : i.weight();
            if (w >= 100 && chosen == null) {
                chosen = n;
                if (i.feedback() != null) question.loss("the feedback on " + abbreviate(i.text()) + ": a numeric question has one explanation");
            } else {
                question.loss("the answer " + abbreviate(i.text()) + (w < 100 ? " with credit " + percent(w) : "")
                        + ": a numeric question has one answer");
            }
        }
        if (chosen == null) return dropped("no number has full credit");
        return chosen;
    }

    private Numeric number(Item i) {
        String t = i.text();
        int range = t.indexOf("..");
        int colon = t.indexOf(':');
        if (t.equals("*")) throw question.fail(i.at(), "'*' (any answer) cannot be a numerical question's answer here");
        if (range > 0) {
            double low = parse(t.substring(0, range), i);
            double high = parse(t.substring(range + 2), i);
            if (high < low) throw question.fail(i.at(), "the range " + abbreviate(t) + " runs backwards");
            double mid = (low + high) / 2;
            return new Numeric(mid, high - mid);
        }
        if (colon > 0) {
            double tolerance = parse(t.substring(colon + 1), i);
            if (tolerance < 0) throw question.fail(i.at(), "a negative tolerance: " + abbreviate(t));
            return new Numeric(parse(t.substring(0, colon), i), tolerance);
        }
        return new Numeric(parse(t, i), 0);
    }

    /** A {@link #DECIMAL} number, finite. */
    private double parse(String s, Item i) {
        String t = s.strip();
        try {
            if (t.length() > 64 || !DECIMAL.matches(t)) throw new NumberFormatException();
            double d = Double.parseDouble(t);
            if (Double.isInfinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            throw question.fail(i.at(), "not a number: '" + abbreviate(t) + "'");
        }
    }

    /** {@code {=left -> right =other -> its right}}; a pair without a left side is an extra right answer. */
    Function<Question.Common, Question> match() {
        List<Question.Pair> pairs = new ArrayList<>();
        int count = 0;
        for (Range part : chars.split(block, "=")) {
            Range r = chars.trim(part);
            if (r.isEmpty()) continue;
            int from = chars.is(r.from(), '=') ? r.from() + 1 : r.from();
            int arrow = chars.find("->", from, r.to());
            if (arrow < 0) throw question.fail(r.from(), "a matching answer needs 'left -> right'");
            count++;
            String left = question.text(new Range(from, arrow));
            String right = org.quizcard.bank.Printable.text(chars.text(arrow + 2, r.to())).strip();
            if (left.isEmpty()) {
                question.loss("the extra answer '" + abbreviate(right) + "' (no left side): a match has pairs only");
            } else if (right.isEmpty()) {
                return dropped("the left side '" + abbreviate(left) + "' has no right side");
            } else {
                pairs.add(new Question.Pair(left, right, null));
            }
        }
        if (count < 2) throw question.fail(open, "a matching question needs at least two pairs");
        if (pairs.size() < 2) return dropped("fewer than two pairs with a left side");
        String problem = parts(pairs.stream().map(Question.Pair::left).toList(), "left side");
        if (problem == null) problem = parts(pairs.stream().map(Question.Pair::right).toList(), "right side");
        if (problem != null) return dropped(problem);
        return c -> new Question.Match(c, pairs);
    }

    /** Why these answers cannot be a bank's options (one empty or twice, too many), or null. */
    private static String parts(List<String> texts, String what) {
        if (texts.size() > Question.MAX_PARTS) return texts.size() + " " + what + "s; a bank holds at most " + Question.MAX_PARTS;
        Set<String> seen = new HashSet<>();
        for (String t : texts) {
            if (t.isEmpty()) return "an empty " + what;
            if (!seen.add(Answers.normalise(t))) return "the " + what + " '" + abbreviate(t) + "' twice";
        }
        return null;
    }

    private <T> T dropped(String why) {
        question.dropped(why);
        return null;
    }

    private static String percent(double w) {
        return (w == Math.rint(w) ? String.valueOf((long) w) : String.format(Locale.ROOT, "%.2f", w)) + "%";
    }
}
