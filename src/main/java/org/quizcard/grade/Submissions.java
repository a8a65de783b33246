package org.quizcard.grade;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;

/**
 * Grading on the teacher's side: a directory of submissions, one subdirectory per student (a
 * clone of their repository), each graded against the teacher's own assignment and bank. The
 * student is the subdirectory's name; a submission contributes its answers file and nothing
 * else, and a bad one is that student's error, never the end of the run.
 */
public final class Submissions {
    /** The answers file of a submission, unless the teacher names another path in it. */
    public static final String DEFAULT_ANSWERS = "answers.yaml";

    private Submissions() {
    }

    /** How one submission fared. */
    public enum Status { GRADED, NO_ANSWERS, WRONG_STUDENT, INVALID }

    /**
     * One student's outcome: the result when graded (null otherwise), and the problem that kept
     * it from counting, one line naming the file.
     */
    public record Outcome(String student, Status status, Result result, String problem) {
        public boolean graded() {
            return status == Status.GRADED;
        }
    }

    /** Told of each outcome as it is known, with its number among all the submissions. */
    @FunctionalInterface
    public interface Progress {
        void graded(Outcome outcome, int number, int of);
    }

    /**
     * Grades every submission under {@code dir}, in the order of the students' names, telling
     * {@code progress} of each outcome as it is known. {@code answers} is the answers file's path
     * inside a submission.
     */
    public static List<Outcome> grade(Assignment assignment, Bank bank, Path dir, String answers, Progress progress) {
        List<Path> all = submissions(dir);
        List<Outcome> outcomes = new ArrayList<>();
        for (Path submission : all) {
            Outcome o = one(assignment, bank, submission, answers);
            outcomes.add(o);
            progress.graded(o, outcomes.size(), all.size());
        }
        return outcomes;
    }

    /** The subdirectories of {@code dir}, sorted by name; hidden ones (such as {@code .git}) are not students. */
    static List<Path> submissions(Path dir) {
        if (!Files.isDirectory(dir)) throw QuizcardException.badInput(dir + ": not a directory of submissions");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                    .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot list the submissions (" + e.getMessage() + ")");
        }
    }

    private static Outcome one(Assignment assignment, Bank bank, Path submission, String answersPath) {
        String student = submission.getFileName().toString();
        String idProblem = Variant.studentIdProblem(student);
        if (idProblem != null) return new Outcome(student, Status.INVALID, null, submission + ": " + idProblem);
        Path file = submission.resolve(answersPath).normalize();
        String outside = outside(submission, file);
        if (outside != null) return new Outcome(student, Status.INVALID, null, file + ": " + outside);
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return new Outcome(student, Status.NO_ANSWERS, null, file + ": no answers file");
        }
        try {
            AnswersFile answers = AnswersFile.read(file);
            if (!student.equals(answers.student())) {
                return new Outcome(student, Status.WRONG_STUDENT, null, file + ": the answers are for student '"
                        + answers.student() + "', but this is " + student + "'s submission; they score nothing");
            }
            return new Outcome(student, Status.GRADED, Grader.grade(Variant.of(assignment, bank, student), answers), null);
        } catch (QuizcardException e) {
            return new Outcome(student, Status.INVALID, null, e.getMessage());
        }
    }

    /**
     * Why {@code file} is not an answers file inside {@code submission} (a path leading out of
     * it, or a symbolic link out of it, to another student's work or a teacher's key), or null.
     */
    private static String outside(Path submission, Path file) {
        if (!file.startsWith(submission.normalize())) return "the answers path leads out of the submission";
        try {
            if (Files.exists(file) && !file.toRealPath().startsWith(submission.toRealPath())) {
                return "a symbolic link out of the submission";
            }
        } catch (IOException e) {
            return "cannot be resolved (" + e.getMessage() + ")";
        }
        return null;
    }
}
