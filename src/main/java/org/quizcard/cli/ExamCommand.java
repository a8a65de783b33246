package org.quizcard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.grade.AnswersFile;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.Variant;
import org.quizcard.study.Exam;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard exam}: a student takes their variant of an assignment and gets an answers file. */
@Command(name = "exam", mixinStandardHelpOptions = true,
        description = {
            "Take your variant of an assignment in the terminal; no feedback until it is graded.",
            "Every answer is written to the answers file at once. --template writes a blank one to fill in by hand.",
            "Works on sealed banks without the key.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard exam assignment.yaml --student alice", "  quizcard exam assignment.yaml --student alice --template"})
final class ExamCommand extends BankCommand {
    @Mixin
    UiOptions uiOptions;

    @Parameters(paramLabel = "ASSIGNMENT", description = "The assignment file.")
    Path assignmentFile;

    @Option(names = "--student", required = true, paramLabel = "ID", description = "Your student id (your GitHub user name in a course).")
    String student;

    @Option(names = "--out", paramLabel = "FILE", defaultValue = "answers.yaml", description = "The answers file (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--template", description = "Write a blank answers file with your questions as comments, and stop.")
    boolean template;

    @Option(names = "--force", description = "Overwrite an existing answers file.")
    boolean force;

    @Override
    public Integer call() {
        var assignment = AssignmentReader.read(assignmentFile);
        Bank bank = context.bank(banks);
        Variant variant = Variant.of(assignment, bank, student.strip());
        if (Files.exists(out) && !force) {
            throw QuizcardException.badInput(out + " exists: pass --force to overwrite it, or --out another file");
        }
        if (template) {
            OutputFile.write(out, AnswersFile.template(variant));
            context.out().println("wrote " + out + " with " + Plural.of(variant.items().size(), "question") + " for " + variant.student());
            return 0;
        }
        Exam exam = Exam.start(bank, variant.questions(), variant.presentations(), context.clock(),
                answers -> OutputFile.write(out, AnswersFile.write(variant, answers)));
        try (Ui ui = Ui.open(context, uiOptions, bank)) {
            exam.take(ui.quiz());
        }
        context.out().println();
        context.out().println("Answered " + exam.answered() + " of " + exam.questions() + "; your answers are in " + out
                + ". Commit and push it to be graded.");
        return 0;
    }
}
