package org.quizcard.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.study.Draw;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.ReviewSink;
import org.quizcard.study.ScheduledSink;
import org.quizcard.study.Session;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quizcard quiz}: N questions drawn from the banks, with feedback after each answer. */
@Command(name = "quiz", mixinStandardHelpOptions = true,
        description = {
            "Answer questions drawn from the banks, with feedback and misconception refutations after each.",
            "Keys while answering: ? hint, s skip, u undo the previous answer, q quit (the summary still prints).",
            "Answers are saved and update the schedule, as in study; --no-save practises without them.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard quiz --concept containers --count 5",
            "  printf '2\\n1 3\\n' | quizcard quiz --plain --seed 1 --count 2",
        })
final class QuizCommand implements Callable<Integer> {
    private final Context context;

    @Mixin
    BankOptions bankOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    UiOptions uiOptions;

    @Mixin
    ConceptOptions conceptOptions;

    @Option(names = "--tag", paramLabel = "T", description = "Only questions with this tag (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--count", paramLabel = "N", defaultValue = "10", description = "How many questions (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", paramLabel = "S", description = "Fix the order and option shuffling (random without it).")
    Long seed;

    @Option(names = "--no-save", description = "Practise without recording answers or touching the schedule.")
    boolean noSave;

    QuizCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (count < 1) throw QuizcardException.badInput("--count must be at least 1");
        Bank bank = keyOptions.answerable(context, context.bank(bankOptions.banks), "checking answers");
        List<Question> pool = Draw.pool(bank, conceptOptions.concepts(), new LinkedHashSet<>(tags));
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        List<Question> plan = Draw.quiz(pool, count, random);
        try (ProgressStore store = noSave ? null : Progress.openForSession(context);
             Ui ui = Ui.open(context, uiOptions, bank)) {
            ReviewSink sink = store == null ? ReviewSink.NONE : new ScheduledSink(store, Progress.scheduler(context), "quiz");
            Session session = new Session(bank, ui.quiz(), sink, context.clock(), random, false, true);
            ui.onInterrupt(session::interrupted, () -> session.run(plan, null));
        }
        return 0;
    }
}
