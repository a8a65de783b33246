package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

/**
 * The teacher's side end to end, as the example workflow runs it: students' git repositories,
 * {@code collect.sh} taking each as it stood at the deadline, then {@code quizcard grade
 * --submissions} through the real launcher, to results, grades.csv and the class report.
 */
class TeacherGradingIT {
    private static final Path COURSE = Launcher.root().resolve("examples/course");
    private static final String DEADLINE = "2026-12-11T23:59:59Z";

    @TempDir
    Path work;

    private final Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
    private final Assignment assignment = AssignmentReader.read(COURSE.resolve("assignment.yaml"));

    private String rightAnswers(String student) {
        Variant v = Variant.of(assignment, bank, student);
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (Variant.Item item : v.items()) {
            Question q = item.question();
            Response r = RightAnswers.of(q);
            given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks() : List.of(ResponseText.format(q, item.presentation(), r)));
        }
        return AnswersFile.write(v, given);
    }

    private void git(Path repo, String date, String... args) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new java.util.ArrayList<>(List.of("git", "-C", repo.toString())));
        pb.command().addAll(List.of(args));
        pb.environment().putAll(Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date, "GIT_AUTHOR_NAME", "s",
                "GIT_AUTHOR_EMAIL", "s@example.org", "GIT_COMMITTER_NAME", "s", "GIT_COMMITTER_EMAIL", "s@example.org"));
        Process p = pb.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0).as("git " + String.join(" ", args) + ": " + out).isTrue();
    }

    /** A student's repository: their answers before the deadline, then {@code late} after it. */
    private Path repository(String student, String answers, String late) throws Exception {
        Path repo = Files.createDirectories(work.resolve("repos").resolve(student));
        git(repo, "2026-12-01T10:00:00Z", "init", "--quiet");
        Files.writeString(repo.resolve("answers.yaml"), answers);
        git(repo, "2026-12-10T10:00:00Z", "add", "answers.yaml");
        git(repo, "2026-12-10T10:00:00Z", "commit", "--quiet", "-m", "answers");
        if (late != null) {
            Files.writeString(repo.resolve("answers.yaml"), late);
            git(repo, "2026-12-12T10:00:00Z", "commit", "--quiet", "-am", "after the deadline");
        }
        return repo;
    }

    @Test
    void fromStudentsRepositoriesToTheClassReport() throws Exception {
        Path alice = repository("alice", rightAnswers("alice"), "assignment: [broken\n");
        Path bob = repository("bob", rightAnswers("alice"), null);
        Path roster = Files.writeString(work.resolve("roster.txt"), "# the class\nalice " + alice + "\nbob " + bob
                + "\ncarol " + work.resolve("repos/nobody") + "\n");

        Process collect = new ProcessBuilder(COURSE.resolve("teacher/collect.sh").toString(), roster.toString(),
                work.resolve("submissions").toString(), DEADLINE).redirectErrorStream(true).start();
        String collected = new String(collect.getInputStream().readAllBytes());
        assertThat(collect.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(collect.exitValue()).as(collected).isZero();
        assertThat(collected).contains("collect: alice at ", "collect: bob at ", "collect: carol: cannot clone");

        Launcher.Run graded = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "", "grade",
                COURSE.resolve("assignment.yaml").toString(), "--submissions", work.resolve("submissions").toString(),
                "--out", work.resolve("grades").toString());
        assertThat(graded.exit()).as(graded.err()).isZero();
        assertThat(graded.out()).contains("[1/3] alice  ", "passed", "[2/3] bob  wrong student: ", "[3/3] carol  no answers: ",
                "Graded 1 of 3 submissions");
        assertThat(Files.readString(work.resolve("grades/grades.csv"))).contains("\nalice,", ",true,graded,");
        assertThat(work.resolve("grades/class-report.html")).exists();
        assertThat(work.resolve("grades/alice.xml")).exists();
    }
}
