package org.quizcard.grade;

import org.quizcard.Plural;
import static org.quizcard.grade.ReportText.data;
import static org.quizcard.grade.ReportText.property;
import static org.quizcard.grade.ReportText.round;
import static org.quizcard.grade.ReportText.score;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
            b.append("::").append(kind).append(" file=").append(property(result.answersFile()));
            if (q.line() > 0) b.append(",line=").append(q.line());
            b.append(",title=").append(property(q.id() + ": " + score(q.earned(), q.item().points()) + " "
                    + Plural.noun(q.item().points(), "point")))
                    .append("::").append(data(String.join("\n", d.feedback(q)))).append('\n');
        }
        b.append(result.passed() ? "::notice" : "::error").append(" title=").append(property(result.assignment().id()))
                .append("::").append(data(d.verdict())).append('\n');
        return b.toString();
    }

    /** The Classroom result: base64 JSON, one test per question, fractional points. */
    static String classroom(Disclosure d) {
        Result result = d.result();
        boolean scores = d.level().showsScores();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("status", result.passed() ? "pass" : "fail");
        root.put("max_score", round(result.points()));
        List<Object> tests = new ArrayList<>();
        for (Result.QuestionResult q : scores ? result.questions() : List.<Result.QuestionResult>of()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", q.id());
            t.put("status", q.score() >= 1 ? "pass" : "fail");
            t.put("message", String.join("\n", d.feedback(q)));
            t.put("line_no", q.line());
            t.put("filename", result.answersFile());
            t.put("score", round(q.earned()));
            t.put("max_score", round(q.item().points()));
            tests.add(t);
        }
        if (!scores) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", result.assignment().id());
            t.put("status", result.passed() ? "pass" : "fail");
            t.put("message", d.verdict());
            t.put("score", round(result.earned()));
            t.put("max_score", round(result.points()));
            tests.add(t);
        }
        root.put("tests", tests);
        return classroomLine(root);
    }

    /** The Classroom result of answers that could not be graded: one test with {@code status: error}. */
    static String unreadableClassroom(String file, int line, String message) {
        Map<String, Object> test = new LinkedHashMap<>();
        test.put("name", "answers");
        test.put("status", "error");
        test.put("message", message);
        test.put("line_no", line);
        test.put("filename", file);
        test.put("score", 0);
        test.put("max_score", 0);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("status", "error");
        root.put("max_score", 0);
        root.put("tests", List.of(test));
        return classroomLine(root);
    }

    /** An error annotation on answers that could not be graded, on their line when it is known. */
    static String unreadableAnnotation(String file, int line, String message) {
        return "::error file=" + property(file) + (line > 0 ? ",line=" + line : "") + ",title="
                + property("answers cannot be graded") + "::" + data(message) + "\n";
    }

    /** The {@code result=} line GitHub Classroom's reporter reads: base64 of the JSON. */
    private static String classroomLine(Map<String, Object> root) {
        String json = JsonMapper.shared().writeValueAsString(root);
        return "result=" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\n";
    }
}
