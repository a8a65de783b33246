package org.quizcard.grade;

import org.quizcard.Plural;
import static org.quizcard.grade.ReportText.data;
import static org.quizcard.grade.ReportText.property;
import static org.quizcard.grade.ReportText.round;
import static org.quizcard.grade.ReportText.score;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outputs only GitHub reads: workflow commands that annotate the answers file's lines, and
 * the {@code result=} line GitHub Classroom's reporter takes from {@code $GITHUB_OUTPUT}.
 */
final class GithubOutputs {
    private GithubOutputs() {
    }

    /** Workflow commands that annotate the answers file's lines. */
    static String annotations(Disclosure d) {
        Result result = d.result();
        StringBuilder b = new StringBuilder();
        for (Result.QuestionResult q : result.questions()) {
            if (!d.level().showsScores() || q.score() >= 1) continue;
            String kind = q.answered() && q.score() > 0 ? "warning" : "error";
            String title = q.id() + ": " + score(q.earned(), q.item().points()) + " "
                    + Plural.noun(q.item().points(), "point");
            b.append(annotation(kind, result.answersFile(), q.line(), title,
                    String.join("\n", d.feedback(q))));
        }
        b.append(result.passed() ? "::notice" : "::error").append(" title=").append(property(result.assignment().id()))
                .append("::").append(data(d.verdict())).append('\n');
        return b.toString();
    }

    /** GitHub Classroom's result: its tests, and their total points. */
    private record Classroom(int version, String status, Number max_score, List<Test> tests) { }

    /** One test of a Classroom result; a test of the whole assignment has no line and file. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record Test(String name, String status, String message, Integer line_no,
                        String filename, Number score, Number max_score) { }

    /** The Classroom result: base64 JSON, one test per question, fractional points. */
    static String classroom(Disclosure d) {
        Result result = d.result();
        String status = result.passed() ? "pass" : "fail";
        List<Test> tests = new ArrayList<>();
        if (d.level().showsScores()) {
            for (Result.QuestionResult q : result.questions()) {
                tests.add(new Test(q.id(), q.score() >= 1 ? "pass" : "fail",
                        String.join("\n", d.feedback(q)), q.line(), result.answersFile(),
                        round(q.earned()), round(q.item().points())));
            }
        } else {
            tests.add(new Test(result.assignment().id(), status, d.verdict(), null, null,
                    round(result.earned()), round(result.points())));
        }
        return classroomLine(new Classroom(1, status, round(result.points()), tests));
    }

    /** The Classroom result of answers that could not be graded: one test with {@code status: error}. */
    static String unreadableClassroom(String file, int line, String message) {
        Test test = new Test("answers", "error", message, line, file, 0, 0);
        return classroomLine(new Classroom(1, "error", 0, List.of(test)));
    }

    /** An error annotation on answers that could not be graded, on their line when it is known. */
    static String unreadableAnnotation(String file, int line, String message) {
        return annotation("error", file, line, "answers cannot be graded", message);
    }

    /** A workflow command of {@code kind} on a file, and on its line when it is known. */
    private static String annotation(String kind, String file, int line, String title,
                                     String message) {
        return "::" + kind + " file=" + property(file) + (line > 0 ? ",line=" + line : "")
                + ",title=" + property(title) + "::" + data(message) + "\n";
    }

    /** The {@code result=} line GitHub Classroom's reporter reads: base64 of the JSON. */
    private static String classroomLine(Classroom root) {
        String json = JsonMapper.shared().writeValueAsString(root);
        return "result=" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\n";
    }
}
