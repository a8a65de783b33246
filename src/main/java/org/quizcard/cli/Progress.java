package org.quizcard.cli;

import org.quizcard.srs.Fsrs;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;

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

    /** The scheduler for real study: fuzz on, the learner's zone, days starting at 4 am. */
    static Fsrs scheduler(Context context) {
        return new Fsrs(SchedulerConfig.defaults().withZone(context.clock().getZone()));
    }
}
