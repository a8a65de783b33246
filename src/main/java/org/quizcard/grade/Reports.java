package org.quizcard.grade;

import org.quizcard.bank.Bank;

/**
 * The reports of a grade: JSON, JUnit XML, a Markdown summary, GitHub annotations and the
 * GitHub Classroom result. Each shows only what the assignment's feedback level allows
 * ({@link Disclosure}), none ever shows a right answer below level {@code full}, and none has a
 * timestamp: the same inputs give byte-identical reports. Each format has a class of its own.
 */
public final class Reports {
    private final Disclosure disclosure;

    public Reports(Result result, Bank bank) {
        this(result, bank, Assignment.Feedback.FULL);
    }

    /**
     * Reports at the assignment's feedback level, but never above {@code cap}: a teacher's
     * workflow caps it, since the assignment file in a student's repository can be edited.
     */
    public Reports(Result result, Bank bank, Assignment.Feedback cap) {
        Assignment.Feedback wanted = result.assignment().feedback();
        this.disclosure = new Disclosure(result, bank, wanted.compareTo(cap) <= 0 ? wanted : cap);
    }

    private Reports(Disclosure disclosure) {
        this.disclosure = disclosure;
    }

    /** Reports for the teacher, who sees everything whatever feedback the assignment gives students. */
    public static Reports forTeacher(Result result, Bank bank) {
        return new Reports(new Disclosure(result, bank, Assignment.Feedback.FULL));
    }

    /** The full result, as documented in docs/grading.md (never with right answers). */
    public String json() {
        return JsonReport.render(disclosure);
    }

    /** One testcase per question (classname = concept), failures carrying the allowed feedback. */
    public String junit() {
        return JunitReport.render(disclosure);
    }

    /** A summary for {@code $GITHUB_STEP_SUMMARY}: a score table per concept and the misconceptions revealed. */
    public String markdown() {
        return MarkdownSummary.render(disclosure);
    }

    /** Workflow commands that annotate the answers file's lines. */
    public String annotations() {
        return GithubOutputs.annotations(disclosure);
    }

    /** The {@code result=} line for {@code $GITHUB_OUTPUT}: base64 JSON, one test per question, fractional points. */
    public String classroomOutput() {
        return GithubOutputs.classroom(disclosure);
    }

    /**
     * The CI outputs of an answers file that could not be graded (exit 2): the Classroom result
     * with {@code status: error}, an error annotation on the file (and line, when known), and a
     * summary. {@code message} is quizcard's one-line error, {@code file:line:column: what}.
     */
    public record Unreadable(String file, int line, String message) {
        public String classroomOutput() {
            return GithubOutputs.unreadableClassroom(file, line, message);
        }

        public String annotation() {
            return GithubOutputs.unreadableAnnotation(file, line, message);
        }

        public String markdown() {
            return MarkdownSummary.unreadable(message);
        }
    }
}
