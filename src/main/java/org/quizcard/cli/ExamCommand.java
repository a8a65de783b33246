package org.quizcard.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;
import org.quizcard.grade.AnswersFile;
import org.quizcard.grade.AssignmentReader;
import org.quizcard.grade.Variant;
import org.quizcard.study.ReviewSink;
import org.quizcard.study.Session;
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
final class ExamCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    BankOptions bankOptions;

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

    ExamCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        var assignment = AssignmentReader.read(assignmentFile);
        Bank bank = context.bank(bankOptions.banks);
        Variant variant = Variant.of(assignment, bank, student.strip());
        if (Files.exists(out) && !force) {
            throw QuizcardException.badInput(out + " exists: pass --force to overwrite it, or --out another file");
        }
        if (template) {
            OutputFile.write(out, AnswersFile.template(variant));
            context.out().println("wrote " + out + " with " + variant.items().size() + " questions for " + variant.student());
            return 0;
        }
        Map<String, Presentation> shown = new LinkedHashMap<>();
        variant.items().forEach(i -> shown.put(i.question().ref(), i.presentation()));
        Map<String, List<String>> given = new HashMap<>();
        OutputFile.write(out, AnswersFile.write(variant, given));
        ReviewSink sink = new ReviewSink() {
            private final Map<Long, String> handles = new HashMap<>();
            private long next;

            @Override
            public long record(Answered a) {
                Question q = a.question();
                Response r = a.response();
                given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks()
                        : List.of(ResponseText.format(q, shown.get(q.ref()), r)));
                OutputFile.write(out, AnswersFile.write(variant, given));
                handles.put(++next, q.ref());
                return next;
            }

            @Override
            public void rerate(long handle, Answered a) {
                // an exam shows no feedback, so no rating changes; grading ignores ratings anyway
            }

            @Override
            public void undo(long handle) {
                given.remove(handles.remove(handle));
                OutputFile.write(out, AnswersFile.write(variant, given));
            }
        };
        List<Question> plan = variant.items().stream().map(Variant.Item::question).toList();
        try (Ui ui = Ui.open(context, uiOptions, bank)) {
            new Session(bank, ui.quiz(), sink, context.clock(), new SplittableRandom(0), false, false)
                    .withPresentations(shown).run(plan, null);
        }
        context.out().println();
        context.out().println("Answered " + given.size() + " of " + plan.size() + "; your answers are in " + out
                + ". Commit and push it to be graded.");
        return 0;
    }
}
