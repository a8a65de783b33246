package org.quizcard.cli;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.Draw;
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
            "--weakest N practises, outside the schedule, the N reviewed questions you are likeliest to have "
                    + "forgotten; its answers are not saved unless --save is given.",
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard quiz --concept containers --count 5",
            "  quizcard quiz --weakest 10",
            "  printf '2\\n1 3\\n' | quizcard quiz --plain --seed 1 --count 2",
        })
final class QuizCommand extends BankCommand {
    /** How many questions a quiz draws without {@code --count}. */
    static final int DEFAULT_COUNT = 10;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    UiOptions uiOptions;

    @Mixin
    ConceptOptions conceptOptions;

    @Option(names = "--tag", paramLabel = "T", description = "Only questions with this tag (repeatable).")
    Set<String> tags = new LinkedHashSet<>();

    @Option(names = "--count", paramLabel = "N", description = "How many questions (default " + DEFAULT_COUNT + ").")
    Integer count;

    @Option(names = "--seed", paramLabel = "S", description = "Fix the order and option shuffling (random without it).")
    Long seed;

    @Option(names = "--no-save", description = "Practise without recording answers or touching the schedule.")
    boolean noSave;

    @Option(names = "--weakest", paramLabel = "N",
            description = "Instead of a random draw: the N questions you have reviewed with the lowest recall "
                    + "probability now (FSRS retrievability), weakest first. Questions never reviewed are left out. "
                    + "Answers are not saved and the schedule is not changed, unless --save is given.")
    Integer weakest;

    @Option(names = "--save", description = "With --weakest: save the answers and update the schedule, as a quiz "
            + "does without --weakest (default: not saved).")
    boolean save;

    @Override
    public Integer call() {
        checkOptions();
        Bank bank = keyOptions.answerable(context, context.bank(banks), "checking answers");
        List<Question> pool = Draw.pool(bank, conceptOptions.concepts, tags);
        SplittableRandom random = seed == null ? new SplittableRandom() : new SplittableRandom(seed);
        boolean saving = weakest == null ? !noSave : save;
        try (ProgressStore store = saving ? Progress.openForSession(context) : null) {
            List<Question> plan = weakest == null ? Draw.quiz(pool, count == null ? DEFAULT_COUNT : count, random)
                    : weakest(pool, store);
            if (plan.isEmpty()) {
                context.out().println("No reviewed questions to practise yet: --weakest draws from the questions "
                        + "you have answered before ('quizcard study' starts new ones).");
                return 0;
            }
            try (Ui ui = Ui.open(context, uiOptions, bank)) {
                ReviewSink sink = store == null ? ReviewSink.NONE : new ScheduledSink(store, Progress.scheduler(context, store), "quiz");
                Session session = new Session(bank, ui.quiz(), sink, context.clock(), random, false, true);
                ui.onInterrupt(session::interrupted, () -> session.run(plan, null));
            }
        }
        return 0;
    }

    private void checkOptions() {
        if (count != null && count < 1) throw QuizcardException.badInput("--count must be at least 1");
        if (weakest == null) {
            if (save) throw QuizcardException.badInput("--save goes with --weakest: a quiz saves its answers unless --no-save");
            return;
        }
        if (weakest < 1) throw QuizcardException.badInput("--weakest must be at least 1");
        if (count != null) throw QuizcardException.badInput("give --count or --weakest N, not both: N says how many");
        if (save && noSave) throw QuizcardException.badInput("give --save or --no-save, not both");
    }

    /**
     * The weakest questions of the pool, by the states in {@code store} when the answers are to be
     * saved, else in the database opened read-only; says so when fewer were reviewed than asked for.
     */
    private List<Question> weakest(List<Question> pool, ProgressStore store) {
        Map<String, Card> cards = new HashMap<>();
        List<Question> plan;
        try (ProgressQueries read = store == null ? Progress.read(context) : null) {
            ProgressQueries progress = store == null ? read : store;
            progress.cards().forEach((ref, info) -> cards.put(ref, info.state()));
            plan = Draw.weakest(pool, cards, Progress.scheduler(context, progress), context.clock().instant(), weakest);
        }
        if (!plan.isEmpty() && plan.size() < weakest) {
            context.err().println("quizcard quiz: --weakest " + weakest + ": " + Plural.of(plan.size(), "reviewed question")
                    + " to practise (questions never reviewed are left out)");
        }
        return plan;
    }
}
