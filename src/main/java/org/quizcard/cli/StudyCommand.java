package org.quizcard.cli;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.Draw;
import org.quizcard.study.ScheduledSink;
import org.quizcard.study.Session;
import org.quizcard.study.StudyQueue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code quizcard study}: the daily session, scheduled by FSRS. */
@Command(name = "study", mixinStandardHelpOptions = true,
        description = {
            "The daily session: due questions first (the most forgotten first), then new ones, scheduled by FSRS-6.",
            "Every answer is saved before the next question shows. After the feedback, 1-4 changes the rating.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard study", "  quizcard study --concept containers --new 5"})
final class StudyCommand implements Callable<Integer> {
    /** Learning cards due again within this time come back in the same session, as in Anki. */
    static final Duration LEARN_AHEAD = Duration.ofMinutes(20);

    private final Context context;

    @Mixin
    BankOptions bankOptions;

    @Mixin
    KeyOptions keyOptions;

    @Mixin
    UiOptions uiOptions;

    @Mixin
    ConceptOptions conceptOptions;

    @Option(names = "--new", paramLabel = "N", defaultValue = "10", description = "New questions a day (default ${DEFAULT-VALUE}).")
    int newPerDay;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "100", description = "Most questions in this session (default ${DEFAULT-VALUE}).")
    int limit;

    StudyCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (newPerDay < 0) throw QuizcardException.badInput("--new must not be negative");
        if (limit < 1) throw QuizcardException.badInput("--limit must be at least 1");
        Bank bank = keyOptions.answerable(context, context.bank(bankOptions.banks), "checking answers");
        Draw.pool(bank, conceptOptions.concepts(), java.util.Set.of());
        Fsrs fsrs = Progress.scheduler(context);
        try (ProgressStore store = Progress.openForSession(context)) {
            Instant now = context.clock().instant();
            List<Question> plan = StudyQueue.build(bank, store, fsrs, now, conceptOptions.concepts(), newPerDay, limit);
            if (plan.isEmpty()) {
                context.out().println(Progress.next(store, context));
                return 0;
            }
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            try (Ui ui = Ui.open(context, uiOptions, bank)) {
                long today = fsrs.dayNumber(now);
                long introducedToday = store.firstReviews().values().stream().filter(t -> fsrs.dayNumber(t) == today).count();
                long newInPlan = plan.stream().filter(q -> store.card(q.ref()).isEmpty()).count();
                int[] newLeft = {(int) Math.max(0, newPerDay - introducedToday - newInPlan)};
                Session session = new Session(bank, ui.quiz(), sink, context.clock(), new SplittableRandom(), true, true)
                        .askAgainWhen(q -> learningAgainSoon(sink.card(q.ref())))
                        .limitFollowUps(limit, q -> {
                            if (store.card(q.ref()).isPresent()) return true;
                            if (newLeft[0] == 0) return false;
                            newLeft[0]--;
                            return true;
                        });
                ui.onInterrupt(session::interrupted, () -> session.run(plan, () -> {
                    List<Question> more = StudyQueue.build(bank, store, fsrs, context.clock().instant(),
                            conceptOptions.concepts(), newPerDay, limit);
                    return more.isEmpty() ? Progress.next(store, context)
                            : more.size() + " more for today: run 'quizcard study' again.";
                }));
            }
        }
        return 0;
    }

    private boolean learningAgainSoon(Card card) {
        boolean learning = card.state() == CardState.LEARNING || card.state() == CardState.RELEARNING;
        return learning && !card.due().isAfter(context.clock().instant().plus(LEARN_AHEAD));
    }
}
