package org.quizcard.cli;

import java.util.List;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.WeightSet;
import org.quizcard.study.Settings;

/** Opens the learner's progress store and the scheduler with the learner's settings. */
final class Progress {
    private Progress() {
    }

    /** The progress database for a command that only reads it: works on a read-only database and creates nothing. */
    static ProgressQueries read(Context context) {
        return ProgressQueries.openReadOnly(context.home());
    }

    /**
     * Opens the store for a study or quiz session, first making today's backup; a backup that
     * cannot be written is a warning, never a reason to lose the session.
     */
    static ProgressStore openForSession(Context context) {
        ProgressStore store = ProgressStore.open(context.home());
        try {
            org.quizcard.store.Backups.daily(store, context.home(), context.clock());
        } catch (org.quizcard.QuizcardException e) {
            context.err().println("quizcard: warning: no backup today: " + org.quizcard.term.Text.safe(e.getMessage()));
        }
        return store;
    }

    /** The scheduler for real study, with the learner's settings and weights, in their zone. */
    static Fsrs scheduler(Context context, ProgressQueries store) {
        return scheduler(context, context.settings(), store);
    }

    /**
     * The scheduler for real study: {@code settings} (desired retention, steps, day start, fuzz),
     * the weights {@code quizcard optimize} fitted to the learner's log when they have them, else
     * FSRS-6's defaults, and the learner's time zone.
     */
    static Fsrs scheduler(Context context, Settings settings, ProgressQueries store) {
        List<Double> weights = store.activeWeights().map(WeightSet::weights).orElse(SchedulerConfig.DEFAULT_WEIGHTS);
        return new Fsrs(settings.scheduler(weights, context.clock().getZone()));
    }
}
