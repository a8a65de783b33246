package org.quizcard.grade;

import org.quizcard.Plural;
import static org.quizcard.grade.ReportText.score;
import static org.quizcard.grade.ReportText.xml;

import org.quizcard.bank.Question;

/**
 * The result as JUnit XML: one testcase per question (classname = concept), failures carrying
 * the allowed feedback, and an {@code overall} testcase for the pass.
 */
final class JunitReport {
    private JunitReport() {
    }

    static String render(Disclosure d) {
        Result result = d.result();
        Assignment.Feedback level = d.level();
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Assignment a = result.assignment();
        // without scores, every question is skipped; with them, each not fully right fails
        int skipped = level.showsScores() ? 0 : result.questions().size();
        int failures = (result.passed() ? 0 : 1) + (int) result.questions().stream()
                .filter(q -> level.showsScores() && q.score() < 1).count();
        int tests = result.questions().size() + 1;
        // Only the attributes of the JUnit schema that Jenkins' xUnit plugin checks (no 'skipped' on
        // testsuites, no 'file' on a testcase): a report with others is skipped there.
        b.append("<testsuites name=\"").append(xml(a.id())).append("\" tests=\"").append(tests).append("\" failures=\"")
                .append(failures).append("\" errors=\"0\" time=\"0\">\n");
        b.append("  <testsuite name=\"").append(xml(a.id() + " (" + result.student() + ")")).append("\" tests=\"")
                .append(tests).append("\" failures=\"").append(failures).append("\" errors=\"0\" skipped=\"")
                .append(skipped).append("\" time=\"0\">\n");
        b.append("    <properties>\n");
        property(b, "assignment", a.id());
        property(b, "student", result.student());
        property(b, "feedback", level.yamlName());
        b.append("    </properties>\n");
        // The name stays the same from run to run (no score in it), so test history follows it.
        b.append("    <testcase classname=\"").append(xml(a.id())).append("\" name=\"overall\" time=\"0\">\n");
        if (!result.passed()) {
            b.append("      <failure message=\"").append(xml(d.verdict())).append("\" type=\"not passed\">")
                    .append(xml(d.verdict())).append("</failure>\n");
        }
        b.append("    </testcase>\n");
        for (Result.QuestionResult q : result.questions()) {
            Question question = q.item().question();
            b.append("    <testcase classname=\"").append(xml(question.concept())).append("\" name=\"")
                    .append(xml(question.id())).append("\" time=\"0\">\n");
            if (!level.showsScores()) {
                b.append("      <skipped message=\"feedback withheld until grading is released\"/>\n");
            } else if (q.score() < 1) {
                String message = score(q.earned(), q.item().points()) + " " + Plural.noun(q.item().points(), "point");
                b.append("      <failure message=\"").append(xml(message)).append("\" type=\"")
                        .append(q.answered() ? (q.score() > 0 ? "partial" : "wrong") : "unanswered").append("\">")
                        .append(xml(String.join("\n", d.feedback(q)) + "\n" + where(result, q))).append("</failure>\n");
            }
            b.append("    </testcase>\n");
        }
        b.append("  </testsuite>\n</testsuites>\n");
        return b.toString();
    }

    /**
     * Where the response stands, as a stack frame ({@code at concept/id(answers.yaml:12)}): report
     * tools that cannot take a {@code file} attribute (the schema Jenkins checks has none) find the
     * file and line of a failure in its stack trace.
     */
    private static String where(Result result, Result.QuestionResult q) {
        return "at " + q.id() + "(" + result.answersFile() + (q.line() > 0 ? ":" + q.line() : "") + ")";
    }

    private static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }
}
