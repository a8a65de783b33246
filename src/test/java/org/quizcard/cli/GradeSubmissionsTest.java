package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;
import org.quizcard.grade.AnswersFile;
import org.quizcard.grade.Assignment;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.Variant;
import org.quizcard.study.RightAnswers;

/** Grading on the teacher's side: a directory of submissions, one per student, to results and a class report. */
class GradeSubmissionsTest {
    private static final Path ASSIGNMENT = Path.of("examples/course/assignment.yaml").toAbsolutePath();

    @TempDir
    Path dir;

    private final Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
    private final Assignment assignment = AssignmentReader.read(ASSIGNMENT);

    /** An answers file for {@code student}: the right answer to the first {@code right} questions, the rest blank. */
    private String answers(String student, int right) {
        Variant v = Variant.of(assignment, bank, student);
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Variant.Item item : v.items().subList(0, Math.min(right, v.items().size()))) {
            Question q = item.question();
            Response r = RightAnswers.of(q);
            given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks()
                    : List.of(ResponseText.format(q, item.presentation(), r)));
        }
        return AnswersFile.write(v, given);
    }

    private Path submission(String student, String file, String text) throws Exception {
        Path s = Files.createDirectories(dir.resolve("subs").resolve(student));
        return Files.writeString(s.resolve(file), text);
    }

    @Test
    void everySubmissionIsGradedAgainstTheTeachersFilesAndBadOnesAreThatStudentsError() throws Exception {
        submission("alice", "answers.yaml", answers("alice", 100));
        submission("bob", "answers.yaml", answers("bob", 2));
        submission("carol", "answers.yaml", answers("alice", 100));           // a classmate's answers
        submission("dave", "answers.yaml", "assignment: [broken\n");
        Files.createDirectories(dir.resolve("subs/erin"));                      // nothing submitted
        Path frank = Files.createDirectories(dir.resolve("subs/frank"));
        Files.createSymbolicLink(frank.resolve("answers.yaml"), Path.of("/etc/passwd"));
        submission("grace", "answers.yaml", answers("grace", 100));
        Files.writeString(dir.resolve("subs/grace/assignment.yaml"), "pass: {overall: 0}\n"); // ignored
        Files.createDirectories(dir.resolve("subs/.git"));
        Path out = dir.resolve("out");

        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT.toString(), "--submissions", dir.resolve("subs").toString(),
                "--out", out.toString());

        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out().lines()).hasSize(8);
        assertThat(r.out()).contains("[1/7] alice  ", "passed", "[2/7] bob  ", "not passed",
                "[3/7] carol  wrong student: ", "dave  invalid: ", "[5/7] erin  no answers: ",
                "frank  invalid: ", "a symbolic link out of the submission", "Graded 3 of 7 submissions");
        String csv = Files.readString(out.resolve("grades.csv"));
        assertThat(csv.lines()).hasSize(8).first().isEqualTo("student,earned,points,share,passed,status,problem");
        assertThat(csv).contains("\nalice,", ",true,graded,\n", "\ncarol,0,,0,false,wrong_student,");
        assertThat(out.resolve("alice.json")).exists();
        assertThat(out.resolve("bob.xml")).exists();
        assertThat(out.resolve("carol.json")).doesNotExist();
        assertThat(Files.readString(out.resolve("class-report.md"))).contains("alice", "bob", "grace");
        assertThat(Files.readString(out.resolve("class-report.html"))).startsWith("<!DOCTYPE html>");
    }

    @Test
    void theTeachersOwnBadFilesStopTheRun() throws Exception {
        submission("alice", "answers.yaml", answers("alice", 1));
        Path broken = Files.writeString(dir.resolve("assignment.yaml"), "id: [\n");
        CliRunner.Run r = new CliRunner().run("grade", broken.toString(), "--submissions", dir.resolve("subs").toString(),
                "--out", dir.resolve("out").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("quizcard grade: " + broken + ":").hasLineCount(1);
        CliRunner.Run noOut = new CliRunner().run("grade", ASSIGNMENT.toString(), "--submissions", dir.resolve("subs").toString());
        assertThat(noOut.exit()).isEqualTo(2);
        assertThat(noOut.err()).contains("--submissions needs --out");
    }

    @Test
    void anAnswersPathCannotLeaveTheSubmission() throws Exception {
        submission("alice", "answers.yaml", answers("alice", 1));
        Path out = dir.resolve("out");
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT.toString(), "--submissions", dir.resolve("subs").toString(),
                "--out", out.toString(), "--answers", "../../../etc/passwd");
        assertThat(r.exit()).isZero();
        assertThat(r.out()).contains("alice  invalid: ", "leads out of the submission");
    }
}
