package org.quizcard.grade;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.Solution;
import tools.jackson.databind.json.JsonMapper;

/**
 * The reports of a grade: JSON, JUnit XML, a Markdown summary, GitHub annotations and the
 * GitHub Classroom result. Each shows only what the assignment's feedback level allows, none
 * ever shows a right answer below level {@code full}, and none has a timestamp: the same inputs
 * give byte-identical reports.
 */
public final class Reports {
    private final Result result;
    private final Bank bank;
    private final Assignment.Feedback level;

    public Reports(Result result, Bank bank) {
        this(result, bank, Assignment.Feedback.FULL);
    }

    /**
     * Reports at the assignment's feedback level, but never above {@code cap}: a teacher's
     * workflow caps it, since the assignment file in a student's repository can be edited.
     */
    public Reports(Result result, Bank bank, Assignment.Feedback cap) {
        this(result, bank, cap, false);
    }

    private Reports(Result result, Bank bank, Assignment.Feedback cap, boolean teacher) {
        this.result = result;
        this.bank = bank;
        Assignment.Feedback wanted = teacher ? Assignment.Feedback.FULL : result.assignment().feedback();
        this.level = wanted.compareTo(cap) <= 0 ? wanted : cap;
    }

    /** Reports for the teacher, who sees everything whatever feedback the assignment gives students. */
    public static Reports forTeacher(Result result, Bank bank) {
        return new Reports(result, bank, Assignment.Feedback.FULL, true);
    }

    // ---------------------------------------------------------------- JSON

    /** The full result, as documented in docs/grading.md (never with right answers). */
    public String json() {
        Map<String, Object> root = new LinkedHashMap<>();
        Assignment a = result.assignment();
        root.put("assignment", a.id());
        root.put("title", a.title());
        root.put("student", result.student());
        root.put("feedback", level.yamlName());
        List<Object> questions = new ArrayList<>();
        for (Result.QuestionResult q : result.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Question question = q.item().question();
            m.put("id", q.id());
            m.put("concept", question.concept());
            m.put("type", question.type().yamlName());
            m.put("line", q.line());
            m.put("answered", q.answered());
            m.put("response", q.response());
            if (question instanceof Question.Single s) {
                m.put("picks", q.picks());
                m.put("options", s.options().size());
            } else if (question instanceof Question.Multiple mm) {
                m.put("picks", q.picks());
                m.put("options", mm.options().size());
            }
            m.put("points", round(q.item().points()));
            if (level.showsScores()) {
                m.put("score", round(q.score()));
                m.put("earned", round(q.earned()));
            }
            if (level.showsMisconceptions()) m.put("misconceptions", q.misconceptions());
            questions.add(m);
        }
        root.put("questions", questions);
        List<Object> concepts = new ArrayList<>();
        for (Result.ConceptResult c : result.concepts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("concept", c.concept());
            if (level.showsScores()) m.put("earned", round(c.earned()));
            m.put("points", round(c.points()));
            if (level.showsScores()) m.put("share", round(c.share()));
            m.put("passMark", c.passMark());
            m.put("passed", c.passed());
            concepts.add(m);
        }
        root.put("concepts", concepts);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("earned", round(result.earned()));
        total.put("points", round(result.points()));
        total.put("share", round(result.share()));
        total.put("passMark", a.passOverall());
        root.put("total", total);
        List<Object> gates = new ArrayList<>();
        for (Result.Gate g : result.gates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("misconception", g.misconception());
            if (level.showsMisconceptions()) m.put("revealed", g.revealed());
            gates.add(m);
        }
        root.put("gates", gates);
        root.put("passed", result.passed());
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    // ---------------------------------------------------------------- JUnit XML

    /** One testcase per question (classname = concept), failures carrying the allowed feedback. */
    public String junit() {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        Assignment a = result.assignment();
        int failures = 0;
        int skipped = 0;
        for (Result.QuestionResult q : result.questions()) {
            if (!level.showsScores()) skipped++;
            else if (q.score() < 1) failures++;
        }
        int tests = result.questions().size() + 1;
        if (!result.passed()) failures++;
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
            b.append("      <failure message=\"").append(xml(verdictLine())).append("\" type=\"not passed\">")
                    .append(xml(verdictLine())).append("</failure>\n");
        }
        b.append("    </testcase>\n");
        for (Result.QuestionResult q : result.questions()) {
            Question question = q.item().question();
            b.append("    <testcase classname=\"").append(xml(question.concept())).append("\" name=\"")
                    .append(xml(question.id())).append("\" time=\"0\">\n");
            if (!level.showsScores()) {
                b.append("      <skipped message=\"feedback withheld until grading is released\"/>\n");
            } else if (q.score() < 1) {
                String message = score(q.earned(), q.item().points()) + " point" + (q.item().points() == 1 ? "" : "s");
                b.append("      <failure message=\"").append(xml(message)).append("\" type=\"")
                        .append(q.answered() ? (q.score() > 0 ? "partial" : "wrong") : "unanswered").append("\">")
                        .append(xml(String.join("\n", feedback(q)) + "\n" + where(q))).append("</failure>\n");
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
    private String where(Result.QuestionResult q) {
        return "at " + q.id() + "(" + result.answersFile() + (q.line() > 0 ? ":" + q.line() : "") + ")";
    }

    private static void property(StringBuilder b, String name, String value) {
        b.append("      <property name=\"").append(xml(name)).append("\" value=\"").append(xml(value)).append("\"/>\n");
    }

    // ---------------------------------------------------------------- Markdown

    /** A summary for {@code $GITHUB_STEP_SUMMARY}: a score table per concept and the misconceptions revealed. */
    public String markdown() {
        Assignment a = result.assignment();
        StringBuilder b = new StringBuilder();
        b.append("## ").append(md(a.title())).append("\n\n");
        b.append("**").append(md(result.student())).append("**: ").append(result.passed() ? "✅ passed" : "❌ not passed");
        {
            b.append(" with ").append(score(result.earned(), result.points())).append(" points (")
                    .append(percent(result.share())).append("; pass mark ").append(percent(a.passOverall())).append(")");
        }
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
            Map<String, Integer> revealed = revealedCounts();
            if (!revealed.isEmpty()) {
                b.append("### Misconceptions your answers revealed\n\n");
                revealed.forEach((id, n) -> {
                    Misconception m = bank.misconception(id).orElse(null);
                    b.append("- **").append(md(m == null ? id : m.claim())).append("**");
                    if (n > 1) b.append(" (×").append(n).append(')');
                    if (m != null) b.append(" ").append(md(m.correction().strip().replaceAll("\\s+", " ")));
                    b.append('\n');
                });
                b.append('\n');
            }
        }
        return b.toString();
    }

    // ---------------------------------------------------------------- GitHub annotations

    /** Workflow commands that annotate the answers file's lines. */
    public String annotations() {
        StringBuilder b = new StringBuilder();
        for (Result.QuestionResult q : result.questions()) {
            if (!level.showsScores() || q.score() >= 1) continue;
            String kind = q.answered() && q.score() > 0 ? "warning" : "error";
            b.append("::").append(kind).append(" file=").append(property(result.answersFile()));
            if (q.line() > 0) b.append(",line=").append(q.line());
            b.append(",title=").append(property(q.id() + ": " + score(q.earned(), q.item().points()) + " points"))
                    .append("::").append(data(String.join("\n", feedback(q)))).append('\n');
        }
        b.append(result.passed() ? "::notice" : "::error").append(" title=").append(property(result.assignment().id()))
                .append("::").append(data(verdictLine())).append('\n');
        return b.toString();
    }

    // ---------------------------------------------------------------- GitHub Classroom

    /** The {@code result=} line for {@code $GITHUB_OUTPUT}: base64 JSON, one test per question, fractional points. */
    public String classroomOutput() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("version", 1);
        root.put("status", result.passed() ? "pass" : "fail");
        root.put("max_score", round(result.points()));
        List<Object> tests = new ArrayList<>();
        for (Result.QuestionResult q : level.showsScores() ? result.questions() : List.<Result.QuestionResult>of()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", q.id());
            t.put("status", q.score() >= 1 ? "pass" : "fail");
            t.put("message", String.join("\n", feedback(q)));
            t.put("line_no", q.line());
            t.put("filename", result.answersFile());
            t.put("score", round(q.earned()));
            t.put("max_score", round(q.item().points()));
            tests.add(t);
        }
        if (!level.showsScores()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("name", result.assignment().id());
            t.put("status", result.passed() ? "pass" : "fail");
            t.put("message", verdictLine());
            t.put("score", round(result.earned()));
            t.put("max_score", round(result.points()));
            tests.add(t);
        }
        root.put("tests", tests);
        return classroomLine(root);
    }

    /** The {@code result=} line GitHub Classroom's reporter reads: base64 of the JSON. */
    private static String classroomLine(Map<String, Object> root) {
        String json = JsonMapper.shared().writeValueAsString(root);
        return "result=" + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)) + "\n";
    }

    // ---------------------------------------------------------------- when the answers cannot be graded

    /**
     * The CI outputs of an answers file that could not be graded (exit 2): the Classroom result
     * with {@code status: error}, an error annotation on the file (and line, when known), and a
     * summary. {@code message} is quizcard's one-line error, {@code file:line:column: what}.
     */
    public record Unreadable(String file, int line, String message) {
        public String classroomOutput() {
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

        public String annotation() {
            return "::error file=" + property(file) + (line > 0 ? ",line=" + line : "") + ",title="
                    + property("answers cannot be graded") + "::" + data(message) + "\n";
        }

        public String markdown() {
            return "## Answers not graded\n\n❌ " + md(message) + "\n\nFix the file and push again.\n\n";
        }
    }

    // ---------------------------------------------------------------- shared

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
                lines.add("Misconception: \"" + m.claim() + "\" " + m.correction().strip().replaceAll("\\s+", " "));
            }
        }
        if (level.showsAnswers()) {
            q.notes().forEach(lines::add);
            lines.add("Answer: " + Solution.describe(question));
            lines.add("Why: " + question.common().explanation());
        }
        return lines;
    }

    private String verdictLine() {
        Assignment a = result.assignment();
        String s = result.student() + (result.passed() ? " passed " : " did not pass ") + a.id();
        {
            s += ": " + score(result.earned(), result.points()) + " points (" + percent(result.share()) + ", pass mark "
                    + percent(a.passOverall()) + ")";
        }
        return s;
    }

    private Map<String, Integer> revealedCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        result.questions().forEach(q -> q.misconceptions().forEach(m -> counts.merge(m, 1, Integer::sum)));
        return counts;
    }

    static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    static String score(double earned, double points) {
        return Solution.number(Math.round(earned * 100) / 100.0) + "/" + Solution.number(Math.round(points * 100) / 100.0);
    }

    static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** Text safe inside XML attributes and elements; control characters are dropped. */
    static String xml(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#10;");
                default -> {
                    if (c >= 0x20 && !Character.isISOControl(c) && !(c >= 0xfffe && c <= 0xffff)) b.appendCodePoint(c);
                }
            }
        });
        return b.toString();
    }

    /** Text safe in a Markdown table or list: no HTML, no table breaks, no control characters. */
    static String md(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                // every character that can open emphasis, code, a link, an image, a heading or a
                // table cell: a value can never print a fake "passed" or a link
                case '\\', '`', '*', '_', '[', ']', '(', ')', '~', '|', '!', '#' -> b.append('\\').append(c);
                default -> b.append(Character.getType(c) == Character.CONTROL ? ' ' : c);
            }
        }
        return b.toString();
    }

    /** Escapes a workflow command's message. */
    static String data(String s) {
        return s.replaceAll("[\\p{Cc}&&[^\n\r]]", " ").replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a workflow command's property value. */
    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}
