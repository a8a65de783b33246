package org.quizcard.exchange.moodle;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.quizcard.bank.Question;
import org.quizcard.exchange.Feedback;
import org.quizcard.exchange.Html;
import org.quizcard.exchange.Ids;
import org.w3c.dom.Element;

/**
 * Moodle's embedded-answers (cloze) question as quizcard's cloze: each embedded answer a blank.
 * Short answers carry over as they are; a number's accepted values become typed answers (its
 * tolerance is a loss), and a drop-down's right choices become the blank's typed answers (the
 * choices shown are a loss). A wrong answer worth 0 % whose feedback names a misconception the
 * catalogue knows is kept as a known wrong answer.
 *
 * <p>quizcard's cloze has a prompt beside its text; its export writes the prompt first, in a
 * {@code <div class="quizcard-prompt">}, which reading takes back. A Moodle cloze without one gets
 * the prompt {@value #DEFAULT_PROMPT}.
 */
final class Cloze {
    static final String PROMPT_CLASS = "quizcard-prompt";
    static final String DEFAULT_PROMPT = "Fill in the blanks.";
    /** Stands for a blank while the HTML around it becomes text (a private-use character, never in a question). */
    private static final char MARK = '\uE000';

    static Question read(MoodleQuestions m, Element q, String name, Ids ids) {
        Element field = MoodleXml.child(q, "questiontext");
        String raw = field == null ? "" : MoodleXml.textOf(field);
        List<Embedded.Blank> found = Embedded.find(raw);
        if (found.isEmpty()) return m.drop("a cloze question without embedded answers");
        StringBuilder marked = new StringBuilder();
        int from = 0;
        for (Embedded.Blank b : found) {
            marked.append(raw, from, b.start()).append(MARK);
            from = b.end();
        }
        marked.append(raw, from, raw.length());
        for (Element file : MoodleXml.children(field, "file")) m.part("file " + file.getAttribute("name") + ": banks hold text only");
        String format = MoodleXml.format(field);
        String body = marked.toString();
        String prompt = DEFAULT_PROMPT;
        if (format.equals("html")) {
            org.jsoup.nodes.Element html = Jsoup.parseBodyFragment(body).body();
            org.jsoup.nodes.Element first = html.children().first();
            if (first != null && first.hasClass(PROMPT_CLASS) && first.text().indexOf(MARK) < 0) {
                String own = Html.toText(first.html()).text();
                if (!own.isBlank()) prompt = own;
                first.remove();
                body = html.html();
            }
        }
        MoodleText.Read text = MoodleText.read(body, format);
        text.media().forEach(media -> m.part(media + ": banks hold text only"));
        String t = text.text() == null ? "" : text.text();
        if (t.contains(Question.Cloze.BLANK)) return m.drop("its text holds " + Question.Cloze.BLANK + ", which quizcard reads as a blank");
        if (t.chars().filter(ch -> ch == MARK).count() != found.size()) {
            return m.drop("an embedded answer stands where no text is shown (inside a tag or a comment)");
        }
        List<Question.Blank> blanks = new ArrayList<>();
        Question.Common c = m.common(q, prompt, name, ids);
        for (int i = 0; i < found.size(); i++) blanks.add(blank(m, i + 1, found.get(i), c));
        return new Question.Cloze(c, t.replace(String.valueOf(MARK), Question.Cloze.BLANK), blanks);
    }

    private static Question.Blank blank(MoodleQuestions m, int number, Embedded.Blank b, Question.Common c) {
        String label = "blank " + number;
        List<String> answers = new ArrayList<>();
        List<Question.WrongAnswer> wrong = new ArrayList<>();
        boolean choice = b.kind() == Embedded.Kind.MULTICHOICE || b.kind() == Embedded.Kind.MULTIRESPONSE;
        for (Embedded.Alternative a : b.alternatives()) {
            String answer = a.answer().strip();
            double f = a.fraction();
            boolean right = b.kind() == Embedded.Kind.MULTIRESPONSE ? f > 0 : f >= 100 - 0.01;
            String feedback = a.feedback() == null ? null : MoodleText.read(a.feedback(), "html").text();
            if (b.kind() == Embedded.Kind.NUMERICAL) {
                int colon = answer.indexOf(':');
                if (colon > 0) {
                    String tolerance = answer.substring(colon + 1).strip();
                    answer = answer.substring(0, colon).strip();
                    Double tol = Typed.number(tolerance);
                    if (right && (tol == null || tol != 0)) m.part(label + ": the tolerance " + tolerance + " of " + answer);
                }
                if (answer.equals("*")) continue;
            } else if (!choice && Embedded.wildcard(answer)) {
                m.part(label + ": the wildcard answer '" + MoodleReader.abbreviate(answer) + "'");
                continue;
            } else if (!choice) {
                answer = Embedded.literal(answer);
            }
            if (right) {
                answers.add(answer);
                if (feedback != null) m.part(label + ": the feedback on '" + MoodleReader.abbreviate(answer) + "'");
            } else if (Math.abs(f) <= 0.01) {
                Feedback.Read fb = m.feedback(feedback);
                if (fb.misconception() != null) wrong.add(new Question.WrongAnswer(answer, fb.misconception(), c.where()));
                else if (!choice || feedback != null) m.part(label + ": the answer '" + MoodleReader.abbreviate(answer) + "' (0 %) names no misconception quizcard knows");
            } else {
                m.part(label + ": the answer '" + MoodleReader.abbreviate(answer) + "' (" + MoodleQuestions.percent(f) + "): quizcard has no partial credit");
            }
        }
        switch (b.kind()) {
            case SHORTANSWER_C -> m.part(label + ": case-sensitive: quizcard compares ignoring case");
            case NUMERICAL -> m.part(label + ": a number, taken as typed text");
            case MULTICHOICE, MULTIRESPONSE -> m.part(label + ": a menu of " + b.alternatives().size()
                    + " choices: quizcard asks for the right one typed");
            default -> { }
        }
        return new Question.Blank(answers, wrong, c.where());
    }
}
