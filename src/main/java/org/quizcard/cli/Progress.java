package org.quizcard.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;

/** Opens the learner's progress store and the scheduler with the learner's settings. */
final class Progress {
    private Progress() {
    }

    static ProgressStore open(Context context) {
        return ProgressStore.open(context.home());
    }

    /**
     * Opens the store for a study or quiz session, first making today's backup; a backup that
     * cannot be written is a warning, never a reason to lose the session.
     */
    static ProgressStore openForSession(Context context) {
        ProgressStore store = open(context);
        try {
            org.quizcard.store.Backups.daily(store, context.home(), context.clock());
        } catch (org.quizcard.QuizcardException e) {
            context.err().println("quizcard: warning: no backup today: " + org.quizcard.term.Text.safe(e.getMessage()));
        }
        return store;
    }

    /** The scheduler for real study: fuzz on, the learner's zone, days starting at 4 am. */
    static Fsrs scheduler(Context context) {
        return new Fsrs(SchedulerConfig.defaults().withZone(zone(context)));
    }

    static ZoneId zone(Context context) {
        return context.clock().getZone();
    }

    /** "Nothing due, next review at …" or how much is still due. */
    static String next(ProgressStore store, Context context) {
        Instant now = context.clock().instant();
        Optional<Instant> due = store.nextDue();
        if (due.isEmpty()) return "Nothing reviewed yet: run 'quizcard study' to start.";
        if (!due.get().isAfter(now)) return "More is due: run 'quizcard study' again.";
        return "Nothing due, next review at " + when(due.get(), context) + ".";
    }

    /** A time as the learner reads it: "2026-11-23 09:12 (in 21 h)". */
    static String when(Instant t, Context context) {
        ZonedDateTime z = t.atZone(zone(context));
        Duration in = Duration.between(context.clock().instant(), t);
        String rel = in.isNegative() || in.isZero() ? "now" : in.toMinutes() < 1 ? "in under a minute" : in.toMinutes() < 60 ? "in " + in.toMinutes() + " min"
                : in.toHours() < 48 ? "in " + in.toHours() + " h" : "in " + in.toDays() + " days";
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(z) + " (" + rel + ")";
    }
}
