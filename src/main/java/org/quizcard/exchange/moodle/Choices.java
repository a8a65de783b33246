package org.quizcard.exchange.moodle;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.w3c.dom.Element;

/**
 * Moodle's questions answered by picking: multiple choice (one answer or several), true/false,
 * matching and ordering, as quizcard's single, multiple, truefalse, match and order.
 */
final class Choices {
    /** How close a fraction must be to the one quizcard writes to count as it (Moodle rounds to 7 digits). */
    private static final double CLOSE = 0.01;

    /**
     * The fractions quizcard writes for a multiple-answer question, and by which it scores one:
     * each right answer {@code 100/k} of the marks, each wrong one {@code -100/k}, where {@code k}
     * is the number of right answers, so that a wrong pick takes back what a right pick gives (the
     * sum is kept between 0 and 100, in Moodle as in quizcard).
     */
    static double share(int rightAnswers, boolean right) {
        return (right ? 100.0 : -100.0) / rightAnswers;
    }

    static Question multichoice(MoodleQuestions m, Element q, Question.Common c) {
        String single = MoodleXml.text(q, "single");
        String s = single == null ? "true" : single.strip();
        boolean one = !(s.equals("false") || s.isEmpty() || s.equals("0"));
        List<Question.Option> options = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        for (Element answer : MoodleXml.children(q, "answer")) {
            MoodleText.Read text = m.read(answer);
            if (text.blank()) continue;
            double f = MoodleQuestions.fraction(answer);
            boolean correct = one ? f >= 100 - CLOSE : f > 0;
            String said = m.read(MoodleXml.child(answer, "feedback")).text();
            Feedback.Read fb = correct ? new Feedback.Read(said, null) : m.feedback(said);
            options.add(new Question.Option(text.text(), correct, fb.misconception(), fb.explanation(), c.where()));
            fractions.add(f);
        }
        long right = options.stream().filter(Question.Option::correct).count();
        if (one) {
            if (right == 0) return m.drop("no answer is fully right (100 %)");
            if (right > 1) return m.drop(right + " answers are fully right in a one-answer question");
            List<String> partial = new ArrayList<>();
            for (int i = 0; i < options.size(); i++) {
                double f = fractions.get(i);
                if (!options.get(i).correct() && Math.abs(f) > CLOSE) partial.add(named(options.get(i), f));
            }
            if (!partial.isEmpty()) m.part("partial credit " + String.join(", ", partial) + ": quizcard counts it wrong");
            return new Question.Single(c, options);
        }
        if (right == 0) return m.drop("no answer gives any credit");
        List<String> own = new ArrayList<>();
        boolean standard = true;
        for (int i = 0; i < options.size(); i++) {
            Question.Option o = options.get(i);
            double f = fractions.get(i);
            own.add(named(o, f));
            if (Math.abs(f - share((int) right, o.correct())) > CLOSE) standard = false;
        }
        if (!standard) {
            m.part("Moodle's fractions " + String.join(", ", own) + ": quizcard gives each right pick 1/" + right
                    + " of the marks and takes as much back for each wrong pick");
        }
        return new Question.Multiple(c, options);
    }

    private static String named(Question.Option o, double fraction) {
        return "'" + MoodleReader.abbreviate(o.text()) + "' " + MoodleQuestions.percent(fraction);
    }

    static Question trueFalse(MoodleQuestions m, Element q, Question.Common c) {
        Element trueAnswer = null;
        Element falseAnswer = null;
        List<Element> answers = MoodleXml.children(q, "answer");
        for (int i = 0; i < answers.size(); i++) {
            Element a = answers.get(i);
            String text = MoodleXml.text(a, "text");
            String t = text == null ? "" : text.strip();
            // Moodle's own rule: "true" and "false" by name, else the first is true and the second false
            boolean isTrue = t.equals("true") || !t.equals("false") && i == 0;
            if (isTrue && trueAnswer == null) trueAnswer = a;
            else if (!isTrue && falseAnswer == null) falseAnswer = a;
        }
        if (trueAnswer == null && falseAnswer == null) return m.drop("it has neither a true nor a false answer");
        boolean answer = trueAnswer != null ? MoodleQuestions.fraction(trueAnswer) >= 100 - CLOSE
                : MoodleQuestions.fraction(falseAnswer) < 100 - CLOSE;
        Element rightOne = answer ? trueAnswer : falseAnswer;
        Element wrongOne = answer ? falseAnswer : trueAnswer;
        String misconception = null;
        if (wrongOne != null) {
            Feedback.Read fb = m.feedback(wrongOne);
            misconception = fb.misconception();
            if (fb.explanation() != null) m.part("the feedback on answering " + !answer + ": quizcard keeps none per answer");
        }
        if (rightOne != null && !m.read(MoodleXml.child(rightOne, "feedback")).blank()) {
            m.part("the feedback on answering " + answer + ": quizcard keeps none per answer");
        }
        return new Question.TrueFalse(c, answer, misconception);
    }

    static Question matching(MoodleQuestions m, Element q, Question.Common c) {
        List<Question.Pair> pairs = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        for (Element sub : MoodleXml.children(q, "subquestion")) {
            MoodleText.Read left = m.read(sub);
            Element answer = MoodleXml.child(sub, "answer");
            String right = answer == null ? null : MoodleText.read(MoodleXml.textOf(answer), "plain_text").text();
            if (right == null) continue;
            if (left.blank()) extra.add("'" + MoodleReader.abbreviate(right) + "'");
            else pairs.add(new Question.Pair(left.text(), right, c.where()));
        }
        if (!extra.isEmpty()) {
            m.part("the extra answers " + String.join(", ", extra) + ", matched to no question: quizcard pairs each "
                    + "right item with a left one");
        }
        return new Question.Match(c, pairs);
    }

    /** An ordering question: its answers in the right order (their fractions number the places). */
    static Question ordering(MoodleQuestions m, Element q, Question.Common c) {
        List<Element> answers = new ArrayList<>(MoodleXml.children(q, "answer"));
        answers.sort(Comparator.comparingDouble(MoodleQuestions::fraction));
        List<String> items = new ArrayList<>();
        for (Element a : answers) {
            MoodleText.Read text = m.read(a);
            if (!text.blank()) items.add(text.text());
        }
        String select = MoodleXml.text(q, "selecttype");
        String count = MoodleXml.text(q, "selectcount");
        boolean subset = select != null && !select.isBlank() && !select.strip().equalsIgnoreCase("ALL")
                && !select.strip().equals("0") && count != null && !count.isBlank() && !count.strip().equals("0");
        if (subset) m.part("Moodle shows only " + count.strip() + " of the items; quizcard shows them all");
        return new Question.Order(c, items);
    }
}
