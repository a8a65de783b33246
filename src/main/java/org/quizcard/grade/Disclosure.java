package org.quizcard.grade;

import org.quizcard.Plural;
import static org.quizcard.grade.ReportText.percent;
import static org.quizcard.grade.ReportText.score;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.Solution;

/**
 * What the reports of one grade may show, at one feedback level: the same rule for every
 * format, so that none ever shows a right answer below level {@code full}.
 */
record Disclosure(Result result, Bank bank, Assignment.Feedback level) {

    /** What a student may read about one question, by feedback level. */
    List<String> feedback(Result.QuestionResult q) {
        List<String> lines = new ArrayList<>();
        Question question = q.item().question();
        if (!level.showsScores()) return lines;
        lines.add(q.answered() ? "Scored " + score(q.earned(), q.item().points()) + " of this question's points."
                : "Not answered.");
        if (level.showsMisconceptions()) {
            for (String id : q.misconceptions()) {
                Misconception m = bank.misconception(id).orElse(null);
                if (m == null) continue;
                lines.add("Misconception: \"" + m.claim() + "\" " + m.correctionLine());
            }
        }
        if (level.showsAnswers()) {
            q.notes().forEach(lines::add);
            if (question instanceof Question.Choice choice) {
                for (int pick : q.picks()) {
                    if (pick < 0 || pick >= choice.options().size()) continue;
                    Question.Option o = choice.options().get(pick);
                    if (o.explanation() != null) lines.add("On your pick \"" + o.text() + "\": " + o.explanation());
                }
            }
            lines.add("Answer: " + Solution.describe(question));
            if (!question.common().explanation().isBlank()) lines.add("Why: " + question.common().explanation());
        }
        return lines;
    }

    /** The result in one line: who, passed or not, the points and the pass mark. */
    String verdict() {
        Assignment a = result.assignment();
        return result.student() + (result.passed() ? " passed " : " did not pass ") + a.id() + ": "
                + score(result.earned(), result.points()) + " " + Plural.noun(result.points(), "point") + " ("
                + percent(result.share()) + ", pass mark "
                + percent(a.passOverall()) + ")";
    }
}
