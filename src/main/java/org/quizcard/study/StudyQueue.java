package org.quizcard.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressQueries;

/**
 * Today's study: due cards first (the most forgotten first), then one question a day for each
 * active misconception (none when a question probing it was answered today), then new cards up
 * to the daily limit; concepts
 * interleaved and questions that probe the same misconception spread apart.
 */
public final class StudyQueue {
    /** How many questions must stand between two that probe the same misconception, where possible. */
    static final int MISCONCEPTION_GAP = 3;

    private StudyQueue() {
    }

    /** The plan for a study session. */
    public static List<Question> build(Bank bank, ProgressQueries store, Fsrs fsrs, Instant now, Set<String> concepts,
                                       int newPerDay, int limit) {
        return build(bank, store, fsrs, now, concepts, newPerDay, limit,
                Misconceptions.active(Misconceptions.evidence(bank, store, fsrs)));
    }

    /** The plan for a study session, given the ids of the active misconceptions. */
    static List<Question> build(Bank bank, ProgressQueries store, Fsrs fsrs, Instant now, Set<String> concepts,
                                int newPerDay, int limit, Set<String> active) {
        Map<String, ProgressQueries.CardInfo> cards = store.cards();
        List<Question> pool = bank.questions().filter(q -> concepts.isEmpty() || concepts.contains(q.concept())).toList();
        List<Question> due = new ArrayList<>();
        List<Question> fresh = new ArrayList<>();
        for (Question q : pool) {
            ProgressQueries.CardInfo c = cards.get(q.ref());
            if (c == null) fresh.add(q);
            else if (!c.state().due().isAfter(now)) due.add(q);
        }
        due.sort(Comparator.comparingDouble((Question q) -> fsrs.retrievability(cards.get(q.ref()).state(), now))
                .thenComparing(Question::ref));

        long today = fsrs.dayNumber(now);
        // the study day of a question's last review, Long.MIN_VALUE for one never reviewed
        ToLongFunction<Question> lastDay = q -> {
            ProgressQueries.CardInfo c = cards.get(q.ref());
            Instant last = c == null ? null : c.state().lastReview();
            return last == null ? Long.MIN_VALUE : fsrs.dayNumber(last);
        };
        Set<String> planned = new LinkedHashSet<>();
        List<Question> plan = new ArrayList<>();
        for (Question q : due) if (planned.add(q.ref())) plan.add(q);

        for (String id : active) {
            // one probe a day for each misconception: none when one is planned or was answered today
            boolean alreadyProbed = plan.stream().anyMatch(q -> q.probes().contains(id))
                    || pool.stream().anyMatch(q -> q.probes().contains(id)
                            && lastDay.applyAsLong(q) == today);
            if (alreadyProbed) continue;
            pool.stream().filter(q -> q.probes().contains(id) && !planned.contains(q.ref()))
                    .filter(q -> lastDay.applyAsLong(q) < today)
                    .min(Comparator.comparingDouble((Question q) -> cards.get(q.ref()) == null ? 1.0
                            : fsrs.retrievability(cards.get(q.ref()).state(), now)).thenComparing(Question::ref))
                    .ifPresent(q -> {
                        planned.add(q.ref());
                        plan.add(q);
                    });
        }

        long introducedToday = introducedToday(store, fsrs, now);
        int newToday = (int) Math.max(0, newPerDay - introducedToday);
        List<Question> newCards = new ArrayList<>();
        for (Question q : Draw.interleave(fresh)) {
            if (newCards.size() >= newToday) break;
            if (planned.add(q.ref())) newCards.add(q);
        }
        plan.addAll(newCards);
        List<Question> spread = spreadMisconceptions(plan);
        return spread.subList(0, Math.min(limit, spread.size()));
    }

    /** How many questions were reviewed for the first time on the study day of {@code now}. */
    static long introducedToday(ProgressQueries store, Fsrs fsrs, Instant now) {
        long today = fsrs.dayNumber(now);
        long t = now.toEpochMilli();
        return store.firstReviewedBetween(Stats.dayStart(fsrs, today, t),
                Stats.dayStart(fsrs, today + 1, t + 2 * Stats.DAY_MILLIS));
    }

    /**
     * Reorders so that questions probing a shared misconception stand at least
     * {@link #MISCONCEPTION_GAP} apart where the rest of the plan allows it, keeping the order
     * otherwise.
     */
    static List<Question> spreadMisconceptions(List<Question> plan) {
        List<Question> rest = new ArrayList<>(plan);
        List<Question> out = new ArrayList<>();
        while (!rest.isEmpty()) {
            int pick = 0;
            for (int i = 0; i < rest.size(); i++) {
                if (!clashes(rest.get(i), out)) {
                    pick = i;
                    break;
                }
            }
            out.add(rest.remove(pick));
        }
        return out;
    }

    private static boolean clashes(Question q, List<Question> placed) {
        Set<String> probes = new HashSet<>(q.probes());
        if (probes.isEmpty()) return false;
        for (int i = Math.max(0, placed.size() - MISCONCEPTION_GAP); i < placed.size(); i++) {
            for (String m : placed.get(i).probes()) if (probes.contains(m)) return true;
        }
        return false;
    }
}
