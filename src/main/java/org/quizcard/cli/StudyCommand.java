package org.quizcard.cli;

import java.util.List;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.Session;
import org.quizcard.study.StudyDay;
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
final class StudyCommand extends BankCommand {
    @Mixin
    KeyOptions keyOptions;

    @Mixin
    UiOptions uiOptions;

    @Mixin
    ConceptOptions conceptOptions;

    @Option(names = "--new", paramLabel = "N",
            description = "New questions a day (default: new-per-day of your settings, else " + StudyDay.DEFAULT_NEW + ").")
    Integer newPerDay;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "" + StudyDay.DEFAULT_LIMIT, description = "Most questions in this session (default ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        if (newPerDay != null && newPerDay < 0) throw QuizcardException.badInput("--new must not be negative");
        org.quizcard.study.Settings settings = context.settings();
        if (limit < 1) throw QuizcardException.badInput("--limit must be at least 1");
        Bank bank = keyOptions.answerable(context, context.bank(banks), "checking answers");
        org.quizcard.study.Draw.pool(bank, conceptOptions.concepts, java.util.Set.of());
        try (ProgressStore store = Progress.openForSession(context)) {
            StudyDay day = new StudyDay(bank, store, Progress.scheduler(context, settings, store), context.clock(),
                    conceptOptions.concepts, newPerDay == null ? settings.newPerDay() : newPerDay, limit);
            List<Question> plan = day.plan();
            if (plan.isEmpty()) {
                context.out().println(StudyDay.nextReview(store, context.clock()));
                return 0;
            }
            try (Ui ui = Ui.open(context, uiOptions, bank)) {
                Session session = day.session(ui.quiz(), plan);
                ui.onInterrupt(session::interrupted, () -> session.run(plan, day::afterSession));
            }
        }
        return 0;
    }
}
