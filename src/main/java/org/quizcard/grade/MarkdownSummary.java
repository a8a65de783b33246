package org.quizcard.grade;

import org.quizcard.Plural;
import static org.quizcard.grade.ReportText.md;
import static org.quizcard.grade.ReportText.percent;
import static org.quizcard.grade.ReportText.score;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Misconception;

/** A summary for {@code $GITHUB_STEP_SUMMARY}: a score table per concept and the misconceptions revealed. */
final class MarkdownSummary {
    private MarkdownSummary() {
    }

    static String render(Disclosure d) {
        Result result = d.result();
        Assignment.Feedback level = d.level();
        Assignment a = result.assignment();
        StringBuilder b = new StringBuilder();
        b.append("## ").append(md(a.title())).append("\n\n");
        b.append("**").append(md(result.student())).append("**: ").append(result.passed() ? "✅ passed" : "❌ not passed");
        b.append(" with ").append(score(result.earned(), result.points())).append(' ')
                .append(Plural.noun(result.points(), "point")).append(" (")
                .append(percent(result.share())).append("; pass mark ").append(percent(a.passOverall())).append(")");
        b.append("\n\n");
        if (level.showsScores()) {
            b.append("| Concept | Points | Score | Pass mark |\n|---|---:|---:|---:|\n");
            for (Result.ConceptResult c : result.concepts()) {
                b.append("| ").append(md(c.concept())).append(" | ").append(score(c.earned(), c.points())).append(" | ")
                        .append(percent(c.share())).append(" | ")
                        .append(c.passMark() == null ? "" : percent(c.passMark()) + (c.passed() ? " ✅" : " ❌")).append(" |\n");
            }
            b.append("\n| Question | Points |\n|---|---:|\n");
            for (Result.QuestionResult q : result.questions()) {
                b.append("| ").append(md(q.id())).append(" | ").append(score(q.earned(), q.item().points()))
                        .append(q.answered() ? "" : " (unanswered)").append(" |\n");
            }
            b.append('\n');
        }
        List<Result.Gate> hit = result.gates().stream().filter(Result.Gate::revealed).toList();
        if (!hit.isEmpty() && level.showsMisconceptions()) {
            b.append("Failed the gate on: ").append(String.join(", ", hit.stream().map(g -> "`" + g.misconception() + "`").toList()))
                    .append("\n\n");
        } else if (!hit.isEmpty()) {
            b.append("A required misconception check was not passed.\n\n");
        }
        if (level.showsMisconceptions()) {
            Map<String, Integer> revealed = new LinkedHashMap<>();
            result.questions().forEach(q -> q.misconceptions()
                    .forEach(m -> revealed.merge(m, 1, Integer::sum)));
            if (!revealed.isEmpty()) {
                b.append("### Misconceptions your answers revealed\n\n");
                revealed.forEach((id, n) -> {
                    Misconception m = d.bank().misconception(id).orElse(null);
                    b.append("- **").append(md(m == null ? id : m.claim())).append("**");
                    if (n > 1) b.append(" (×").append(n).append(')');
                    if (m != null) b.append(" ").append(md(m.correctionLine()));
                    b.append('\n');
                });
                b.append('\n');
            }
        }
        return b.toString();
    }

    /** The summary of answers that could not be graded; {@code message} is quizcard's one-line error. */
    static String unreadable(String message) {
        return "## Answers not graded\n\n❌ " + md(message) + "\n\nFix the file and push again.\n\n";
    }
}
