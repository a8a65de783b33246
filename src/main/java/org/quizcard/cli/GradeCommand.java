package org.quizcard.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.grade.Answers;
import org.quizcard.grade.Assignment;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.Grader;
import org.quizcard.grade.Reports;
import org.quizcard.grade.Result;
import org.quizcard.grade.Variant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard grade}: grades one student's answers file, with reports for CI. */
@Command(name = "grade", mixinStandardHelpOptions = true,
        description = {
            "Grade a student's answers against their variant of an assignment.",
            "Exit 0 passed, 1 not passed, 2 bad input (answers for questions not in the variant, unreadable responses).",
        },
        footerHeading = "%nExample (in a GitHub Actions step):%n",
        footer = {"  quizcard grade assignment.yaml answers.yaml --max-feedback misconceptions \\",
            "      --junit grade.xml --json grade.json \\",
            "      --summary \"$GITHUB_STEP_SUMMARY\" --github --classroom"})
final class GradeCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    BankOptions bankOptions;

    @Mixin
    KeyOptions keyOptions;

    @Parameters(index = "0", paramLabel = "ASSIGNMENT", description = "The assignment file.")
    Path assignmentFile;

    @Parameters(index = "1", paramLabel = "ANSWERS", description = "The student's answers file.")
    Path answersFile;

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

    GradeCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Assignment assignment = AssignmentReader.read(assignmentFile);
        Answers answers = Answers.read(answersFile);
        Bank bank = context.bank(bankOptions.banks);
        if (bank.isSealed()) bank = org.quizcard.bank.Sealing.unseal(bank, keyOptions.key(context));
        if (answers.student() == null) throw QuizcardException.badInput(answersFile + ": no student id");
        Result result = Grader.grade(Variant.of(assignment, bank, answers.student()), answers);
        Assignment.Feedback cap = Assignment.Feedback.fromYaml(maxFeedback).orElseThrow(() -> QuizcardException.badInput(
                "--max-feedback must be none, score, misconceptions or full, not '" + maxFeedback + "'"));
        Reports reports = new Reports(result, bank, cap);
        if (junit != null) OutputFile.write(junit, reports.junit());
        if (json != null) OutputFile.write(json, reports.json());
        if (summary != null) OutputFile.write(summary, reports.markdown());
        if (github) context.out().print(reports.annotations());
        if (classroom) {
            String output = context.env().get("GITHUB_OUTPUT");
            if (output == null || output.isBlank()) {
                throw QuizcardException.badInput("--classroom needs GITHUB_OUTPUT (it is set in GitHub Actions)");
            }
            OutputFile.append(Path.of(output), reports.classroomOutput());
        }
        if (!github) context.out().print(reports.markdown());
        return result.passed() ? 0 : QuizcardException.FAILED;
    }
}
