package org.quizcard.study;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;

/**
 * The daily study session: today's plan from the learner's progress, the new-question budget
 * that follow-ups also keep to, learning steps that fall due within {@link #LEARN_AHEAD} asked
 * again in the same sitting, as in Anki, and what comes after it.
 */
public record StudyDay(Bank bank, ProgressStore store, Fsrs fsrs, Clock clock, Set<String> concepts,
                       int newPerDay, int limit) {
    /** Learning cards due again within this time come back in the same session. */
    public static final Duration LEARN_AHEAD = Duration.ofMinutes(20);
    /** New questions a day unless {@code --new} says otherwise. */
    public static final int DEFAULT_NEW = 10;
    /** Most questions in a session unless {@code --limit} says otherwise. */
    public static final int DEFAULT_LIMIT = 100;

    /** What is due now, then today's new questions; empty when there is nothing to study. */
    public List<Question> plan() {
        return StudyQueue.build(bank, store, fsrs, clock.instant(), concepts, newPerDay, limit);
    }

    /**
     * What {@code quizcard study} would serve now: its questions counted as its header counts them
     * (Anki's new, learning and due), and of the learning and due ones, how many are scheduled
     * for review by now and how many come back early to probe an active misconception.
     */
    public record Outlook(int fresh, int learning, int due, int scheduled, int probes) {
        /** The questions a session would hold. */
        public int questions() {
            return fresh + learning + due;
        }
    }

    /**
     * The {@link Outlook} of a session over all concepts planned now, by the same plan a session
     * runs on ({@link StudyQueue#build}) and counted as its header counts; {@code evidence} is
     * {@link Misconceptions#evidence}, which the caller has at hand.
     */
    static Outlook outlook(Bank bank, ProgressQueries store, Fsrs fsrs, Instant now, List<Misconceptions.Evidence> evidence,
                           int newPerDay, int limit) {
        List<Question> plan = StudyQueue.build(bank, store, fsrs, now, Set.of(), newPerDay, limit,
                Misconceptions.active(evidence));
        var cards = store.cards();
        QuizUi.Counts n = QuizUi.Counts.of(plan.stream().map(q -> cards.get(q.ref()))
                .map(info -> kind(info == null ? Card.NEW : info.state())));
        int scheduled = (int) plan.stream().map(q -> cards.get(q.ref()))
                .filter(info -> info != null && !info.state().due().isAfter(now)).count();
        // a question seen before that is not scheduled yet is in the plan only to probe a misconception
        return new Outlook(n.fresh(), n.learning(), n.due(), scheduled,
                plan.size() - n.fresh() - scheduled);
    }

    /** A session over {@code plan} that records into the store as it goes. */
    public Session session(QuizUi ui, List<Question> plan) {
        ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
        long introducedToday = StudyQueue.introducedToday(store, fsrs, clock.instant());
        long newInPlan = plan.stream().filter(q -> store.card(q.ref()).isEmpty()).count();
        int[] newLeft = {(int) Math.max(0, newPerDay - introducedToday - newInPlan)};
        return new Session(bank, ui, sink, clock, new SplittableRandom(), true, true)
                .learningSteps(q -> learning(sink.card(q.ref())) ? Optional.of(sink.card(q.ref()).due()) : Optional.empty(),
                        LEARN_AHEAD)
                .counted(q -> kind(sink.card(q.ref())))
                .refillWith(this::plan)
                .limitFollowUps(limit, q -> {
                    if (store.card(q.ref()).isPresent()) return true;
                    if (newLeft[0] == 0) return false;
                    newLeft[0]--;
                    return true;
                });
    }

    /** The line shown after a session: when the next review is, or how much is left today. */
    public String afterSession() {
        List<Question> more = plan();
        return more.isEmpty() ? nextReview(store, clock) : more.size() + " more for today: run 'quizcard study' again.";
    }

    private static boolean learning(Card card) {
        return card.state() == CardState.LEARNING || card.state() == CardState.RELEARNING;
    }

    private static QuizUi.Kind kind(Card card) {
        if (card.state() == CardState.NEW) return QuizUi.Kind.NEW;
        return learning(card) ? QuizUi.Kind.LEARNING : QuizUi.Kind.DUE;
    }

    /** "Nothing due, next review at …", or that more is due, or that nothing was reviewed yet. */
    public static String nextReview(ProgressQueries store, Clock clock) {
        Optional<Instant> due = store.nextDue();
        if (due.isEmpty()) return "Nothing reviewed yet: run 'quizcard study' to start.";
        if (!due.get().isAfter(clock.instant())) return "More is due: run 'quizcard study' again.";
        return "Nothing due, next review at " + when(due.get(), clock) + ".";
    }

    /** A time as the learner reads it: "2026-11-23 09:12 (in 21 h)". */
    public static String when(Instant t, Clock clock) {
        ZonedDateTime z = t.atZone(clock.getZone());
        Duration in = Duration.between(clock.instant(), t);
        String rel = in.isNegative() || in.isZero() ? "now" : in.toMinutes() < 1 ? "in under a minute"
                : in.toMinutes() < 60 ? "in " + in.toMinutes() + " min"
                : in.toHours() < 48 ? "in " + in.toHours() + " h" : "in " + in.toDays() + " days";
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(z) + " (" + rel + ")";
    }
}
