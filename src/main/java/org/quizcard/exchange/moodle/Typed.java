package org.quizcard.exchange.moodle;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.AnswerPattern;
import org.quizcard.bank.Printable;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.w3c.dom.Element;

/** Moodle's typed answers: short answer as quizcard's text, numerical as numeric. */
final class Typed {
    /**
     * A short answer: answers worth 100 % are accepted (those with Moodle's {@code *} wildcard
     * together become the question's regex), answers worth 0 % whose feedback names a known
     * misconception are known wrong answers; any other answer is a loss.
     */
    static Question shortAnswer(MoodleQuestions m, Element q, Question.Common c) {
        List<String> accepted = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        List<Question.WrongAnswer> wrong = new ArrayList<>();
        for (Element a : MoodleXml.children(q, "answer")) {
            String raw = MoodleXml.text(a, "text");
            if (raw == null || raw.isBlank()) continue;
            String answer = Printable.line(raw.strip());
            double f = MoodleQuestions.fraction(a);
            if (f >= 100 - 0.01) {
                if (Embedded.wildcard(answer)) patterns.add(pattern(answer));
                else accepted.add(Embedded.literal(answer));
                if (!m.read(MoodleXml.child(a, "feedback")).blank()) {
                    m.part("the feedback on the answer '" + MoodleReader.abbreviate(answer) + "': quizcard keeps none on a right answer");
                }
            } else if (Math.abs(f) <= 0.01 && !Embedded.wildcard(answer)) {
                Feedback.Read fb = m.feedback(a);
                if (fb.misconception() != null) {
                    wrong.add(new Question.WrongAnswer(Embedded.literal(answer), fb.misconception(), c.where()));
                    if (fb.explanation() != null) m.part("the feedback on '" + MoodleReader.abbreviate(answer) + "' beyond its misconception");
                } else {
                    m.part("the answer '" + MoodleReader.abbreviate(answer) + "' (0 %): its feedback names no misconception quizcard knows");
                }
            } else {
                m.part("the answer '" + MoodleReader.abbreviate(answer) + "' (" + MoodleQuestions.percent(f) + "): quizcard has no partial credit");
            }
        }
        String usecase = MoodleXml.text(q, "usecase");
        if (usecase != null && usecase.strip().equals("1")) m.part("case-sensitive answers: quizcard compares them ignoring case");
        String regex = patterns.isEmpty() ? null : patterns.size() == 1 ? patterns.get(0)
                : "(?:" + String.join(")|(?:", patterns) + ")";
        if (regex != null && AnswerPattern.problem(regex) != null) {
            m.part("the wildcard answers: too long for one regex");
            regex = null;
        }
        return new Question.Text(c, accepted, regex, wrong);
    }

    /** Moodle's wildcard answer as a regex: {@code *} any text, {@code \*} a star. */
    static String pattern(String answer) {
        StringBuilder regex = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < answer.length(); i++) {
            char ch = answer.charAt(i);
            if (ch == '\\' && i + 1 < answer.length() && answer.charAt(i + 1) == '*') {
                literal.append('*');
                i++;
            } else if (ch == '*') {
                if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                regex.append(".*");
            } else {
                literal.append(ch);
            }
        }
        if (!literal.isEmpty()) regex.append(Pattern.quote(literal.toString()));
        return regex.toString();
    }

    /**
     * A numerical question: its first answer worth 100 % with its tolerance, and the unit whose
     * multiplier is 1; other answers and units are losses.
     */
    static Question numerical(MoodleQuestions m, Element q, Question.Common c) {
        Double value = null;
        double tolerance = 0;
        for (Element a : MoodleXml.children(q, "answer")) {
            String text = MoodleXml.text(a, "text");
            String t = text == null ? "" : text.strip();
            double f = MoodleQuestions.fraction(a);
            String shown = "'" + MoodleReader.abbreviate(Printable.line(t)) + "'";
            if (t.isEmpty() || t.equals("*")) {
                if (!m.read(MoodleXml.child(a, "feedback")).blank()) m.part("the feedback on any other answer");
                continue;
            }
            Double number = number(t);
            if (number == null) {
                m.part("the answer " + shown + ": not a number");
            } else if (f >= 100 - 0.01 && value == null) {
                value = number;
                Double tol = number(MoodleXml.text(a, "tolerance"));
                tolerance = tol == null ? 0 : Math.abs(tol);
                if (!m.read(MoodleXml.child(a, "feedback")).blank()) m.part("the feedback on the answer " + shown);
            } else {
                m.part("the answer " + shown + " (" + MoodleQuestions.percent(f) + "): quizcard takes one right number");
            }
        }
        if (value == null) return m.drop("no answer worth 100 % is a number");
        String unit = null;
        Element units = MoodleXml.child(q, "units");
        if (units != null) {
            for (Element u : MoodleXml.children(units, "unit")) {
                String name = MoodleXml.text(u, "unit_name");
                if (name == null || name.isBlank()) continue;
                Double multiplier = number(MoodleXml.text(u, "multiplier"));
                String n = Printable.line(name.strip());
                if (unit == null && (multiplier == null || multiplier == 1)) unit = n;
                else m.part("the unit '" + MoodleReader.abbreviate(n) + "' (multiplier " + (multiplier == null ? "?" : multiplier)
                        + "): quizcard converts only the units it knows");
            }
        }
        return new Question.Numeric(c, value, tolerance, unit);
    }

    static Double number(String text) {
        if (text == null || text.isBlank() || text.length() > 64) return null;
        try {
            double d = Double.parseDouble(text.strip().replace(',', '.'));
            return Double.isFinite(d) ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
