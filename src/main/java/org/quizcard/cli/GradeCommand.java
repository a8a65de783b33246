package org.quizcard.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.quizcard.InputFile;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.ContentHash;
import org.quizcard.grade.AnswersFile;
import org.quizcard.bank.Solution;
import org.quizcard.grade.Assignment;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.ClassReport;
import org.quizcard.grade.ResultReader;
import org.quizcard.grade.ClassReportHtml;
import org.quizcard.grade.ClassReportMarkdown;
import org.quizcard.grade.Grader;
import org.quizcard.grade.Reports;
import org.quizcard.grade.Result;
import org.quizcard.grade.Submissions;
import org.quizcard.grade.Variant;
import org.quizcard.term.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code quizcard grade}: grades one student's answers file, with reports for CI; or, on the
 * teacher's side, a whole directory of submissions, with the class report.
 */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {
            "Grade a student's answers against their variant of an assignment.",
            "Exit 0 passed, 1 not passed, 2 bad input (answers for questions not in the variant, unreadable responses).",
            "With --submissions DIR --out OUT (the trusted path for marks that count): grade every student's "
                    + "submission in DIR (one subdirectory per student, named by the student's id, holding their "
                    + "answers file) against this assignment and your banks, and write each student's JSON and JUnit "
                    + "result, the class report and grades.csv to OUT. Exit 0 when every submission was graded or "
                    + "reported, 2 when your own files are bad.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  # in a student's repository (a GitHub Actions step):",
            "  quizcard grade assignment.yaml answers.yaml --max-feedback misconceptions \\",
            "      --junit grade.xml --json grade.json \\",
            "      --summary \"$GITHUB_STEP_SUMMARY\" --github --classroom",
            "  # on the teacher's side, after 'gh classroom clone student-repos':",
            "  quizcard grade assignment.yaml --bank questions --submissions week1-submissions --out week1-grades"})
final class GradeCommand extends BankCommand {
    @Mixin
    KeyOptions keyOptions;

    @Parameters(index = "0", paramLabel = "ASSIGNMENT", description = "The assignment file.")
    Path assignmentFile;

    @Parameters(index = "1", paramLabel = "ANSWERS", arity = "0..1",
            description = "The student's answers file (not with --submissions).")
    Path answersFile;

    @Option(names = "--student", paramLabel = "ID",
            description = "The student whose repository this is (e.g. from the repository's name in CI): answers "
                    + "for anyone else are refused.")
    String expectedStudent;

    @Option(names = "--assignment-sha256", paramLabel = "HEX",
            description = "The SHA-256 of the teacher's assignment file: grading refuses any other (an edited copy).")
    String assignmentSha256;

    @Option(names = "--submissions", paramLabel = "DIR",
            description = "Grade every submission in DIR: one subdirectory per student, named by the student's id.")
    Path submissions;

    @Option(names = "--out", paramLabel = "OUT", description = "With --submissions: where results and reports go.")
    Path out;

    @Option(names = "--answers", paramLabel = "PATH", defaultValue = Submissions.DEFAULT_ANSWERS,
            description = "With --submissions: the answers file's path inside each submission (default: ${DEFAULT-VALUE}).")
    String answersPath;

    @Option(names = "--junit", paramLabel = "FILE", description = "Write JUnit XML: one testcase per question.")
    Path junit;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the full result as JSON (see docs/grading.md).")
    Path json;

    @Option(names = "--summary", paramLabel = "FILE", description = "Write a Markdown summary (e.g. \"$GITHUB_STEP_SUMMARY\").")
    Path summary;

    @Option(names = "--github", description = "Print GitHub workflow annotations on the answers file's lines.")
    boolean github;

    @Option(names = "--classroom", description = "Append GitHub Classroom's result output to $GITHUB_OUTPUT.")
    boolean classroom;

    @Option(names = "--max-feedback", paramLabel = "LEVEL", defaultValue = "full",
            description = "Never show more than this (none, score, misconceptions, full), whatever the assignment "
                    + "file says: a student can edit the copy in their repository.")
    String maxFeedback;

    @Override
    public Integer call() {
        if (submissions != null) return gradeSubmissions();
        if (answersFile == null) {
            throw QuizcardException.badInput("give the student's ANSWERS file, or --submissions DIR --out OUT");
        }
        String githubOutput = context.env().get("GITHUB_OUTPUT");
        if (classroom && (githubOutput == null || githubOutput.isBlank())) {
            // checked before anything is written, so a misconfigured step leaves no half output
            throw QuizcardException.badInput("--classroom needs GITHUB_OUTPUT (it is set in GitHub Actions)");
        }
        checkPinned();
        Assignment assignment = AssignmentReader.read(assignmentFile);
        Bank bank = gradingBank(true);
        checkSealedBank(assignment);
        Result result;
        try {
            AnswersFile answers = AnswersFile.read(answersFile);
            if (answers.student() == null) throw QuizcardException.badInput(answersFile + ": no student id");
            if (expectedStudent != null && !expectedStudent.equals(answers.student())) {
                throw QuizcardException.badInput(answersFile + ": the answers are for student '" + answers.student()
                        + "', but this is " + expectedStudent + "'s repository");
            }
            result = Grader.grade(Variant.of(assignment, bank, answers.student()), answers);
        } catch (QuizcardException e) {
            reportUnreadable(e, githubOutput);
            throw e;
        }
        Assignment.Feedback cap = Assignment.Feedback.fromYaml(maxFeedback).orElseThrow(() -> QuizcardException.badInput(
                "--max-feedback must be none, score, misconceptions or full, not '" + maxFeedback + "'"));
        Reports reports = new Reports(result, bank, cap);
        if (junit != null) OutputFile.write(junit, reports.junit());
        if (json != null) OutputFile.write(json, reports.json());
        // $GITHUB_STEP_SUMMARY collects every step's summary: add to it, never replace it.
        if (summary != null) OutputFile.append(summary, reports.markdown());
        if (github) context.out().print(reports.annotations());
        if (classroom) OutputFile.append(Path.of(githubOutput), reports.classroomOutput());
        if (!github) context.out().print(reports.markdown());
        return result.passed() ? 0 : QuizcardException.FAILED;
    }

    /**
     * The CI outputs of answers that cannot be graded, so the student sees why where they look:
     * Classroom's result ({@code status: error}), an annotation, the summary.
     */
    private void reportUnreadable(QuizcardException e, String githubOutput) {
        String message = Text.safe(e.getMessage()).replaceAll("\\s*\\R\\s*", " ");
        java.util.regex.Matcher at = java.util.regex.Pattern.compile("^[^\\s]*?:(\\d+):").matcher(message);
        Reports.Unreadable unreadable = new Reports.Unreadable(answersFile.toString(),
                at.find() ? Integer.parseInt(at.group(1)) : 0, message);
        if (classroom) OutputFile.append(Path.of(githubOutput), unreadable.classroomOutput());
        if (github) context.out().print(unreadable.annotation());
        if (summary != null) OutputFile.append(summary, unreadable.markdown());
    }

    /** Refuses a bank other than the sealed one the assignment names, when it names one. */
    private void checkSealedBank(Assignment assignment) {
        if (assignment.sealedBank() == null) return;
        String actual = org.quizcard.bank.Sealing.fingerprint(context.bankFiles(banks));
        if (!actual.equals(assignment.sealedBank())) {
            throw QuizcardException.badInput(assignmentFile + ": the assignment was sealed with bank "
                    + assignment.sealedBank() + ", but the bank given is " + actual);
        }
    }

    /** Refuses an assignment file other than the one pinned by its SHA-256. */
    private void checkPinned() {
        if (assignmentSha256 == null) return;
        byte[] bytes = InputFile.read(assignmentFile, 1 << 20, "an assignment");
        String actual = java.util.HexFormat.of().formatHex(ContentHash.sha256().digest(bytes));
        if (!actual.equalsIgnoreCase(assignmentSha256.strip())) {
            throw QuizcardException.badInput(assignmentFile + ": its SHA-256 is " + actual + ", not the pinned "
                    + Text.safe(assignmentSha256.strip()) + ": this is not the teacher's assignment");
        }
    }

    /**
     * The bank to grade against. In a student's repository ({@code inRepository}) a key makes it
     * sealed grading: the bank must be sealed (whole), or a student could swap in a plain bank
     * whose answers they wrote themselves. The teacher's side grades against the teacher's own
     * bank, plain or sealed.
     */
    private Bank gradingBank(boolean inRepository) {
        Bank bank = context.bank(banks);
        if (inRepository && keyOptions.optionalKey(context).isPresent() && !bank.isSealed()) {
            throw QuizcardException.badInput("a key was given, but the bank is not sealed: grading with a key needs "
                    + "the sealed bank that 'quizcard seal' wrote");
        }
        return keyOptions.answerable(context, bank, "grading");
    }

    /** The teacher's side: every submission of a directory, each student's results, the class report. */
    private int gradeSubmissions() {
        if (answersFile != null) throw QuizcardException.badInput("give either ANSWERS or --submissions, not both");
        if (out == null) throw QuizcardException.badInput("--submissions needs --out OUT, where the results go");
        checkPinned();
        Assignment assignment = AssignmentReader.read(assignmentFile);
        Bank graded = gradingBank(false);
        List<ClassReport.Result> results = new ArrayList<>();
        StringBuilder csv = new StringBuilder("student,earned,points,share,passed,status,problem\n");
        List<Submissions.Outcome> outcomes = Submissions.grade(assignment, graded, submissions, answersPath, (o, number, of) -> {
            String line;
            if (o.graded()) {
                Result r = o.result();
                Reports reports = Reports.forTeacher(r, graded);
                String json = reports.json();
                OutputFile.write(out.resolve(o.student() + ".json"), json);
                OutputFile.write(out.resolve(o.student() + ".xml"), reports.junit());
                results.add(ResultReader.parse(out.resolve(o.student() + ".json").toString(), json));
                line = Solution.number(r.earned()) + "/" + Solution.number(r.points()) + " ("
                        + String.format(Locale.ROOT, "%.1f%%", 100 * r.share()) + ") " + (r.passed() ? "passed" : "not passed");
                csv.append(Csv.row(o.student(), Solution.number(r.earned()), Solution.number(r.points()),
                        String.format(Locale.ROOT, "%.4f", r.share()), Boolean.toString(r.passed()), "graded", ""));
            } else {
                line = o.status().name().toLowerCase(Locale.ROOT).replace('_', ' ') + ": " + o.problem();
                csv.append(Csv.row(o.student(), "0", "", "0", "false", o.status().name().toLowerCase(Locale.ROOT), o.problem()));
            }
            context.out().println(Text.safe("[" + number + "/" + of + "] " + o.student() + "  " + line));
        });
        OutputFile.write(out.resolve("grades.csv"), csv.toString());
        if (results.isEmpty()) {
            context.out().println("No submission could be graded; no class report written.");
            return 0;
        }
        ClassReport report = ClassReport.of(results, graded);
        OutputFile.write(out.resolve("class-report.html"), ClassReportHtml.render(report));
        OutputFile.write(out.resolve("class-report.md"), ClassReportMarkdown.render(report));
        context.out().println("Graded " + results.size() + " of " + Plural.of(outcomes.size(), "submission") + "; results, grades.csv and the "
                + "class report are in " + out);
        return 0;
    }
}
