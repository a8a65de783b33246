package org.quizcard.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressQueries;

/**
 * A learner's evidence on each misconception, derived from the review log: times revealed, the
 * right answers to questions probing it since, and whether it is still active. A misconception
 * stays active until questions probing it are answered right on two later study days.
 */
public final class Misconceptions {
    /** Study days with right answers after the last revelation that clear a misconception. */
    public static final int DAYS_TO_CLEAR = 2;

    private Misconceptions() {
    }

    /** The evidence on one misconception. */
    public record Evidence(Misconception misconception, int revealed, int clearedDays, Instant lastSeen) {
        public boolean active() {
            return clearedDays < DAYS_TO_CLEAR;
        }
    }

    /**
     * Evidence on every misconception the learner ever revealed, most recently seen first. Reads one
     * summary row per misconception (how often, when last), not every revelation in the log, then
     * the right answers to its probes since.
     */
    public static List<Evidence> evidence(Bank bank, ProgressQueries store, Fsrs fsrs) {
        List<Evidence> out = new ArrayList<>();
        for (ProgressQueries.Revelations r : store.revelations()) {
            bank.misconception(r.misconception()).ifPresent(m -> {
                Set<String> probes = bank.questions().filter(q -> q.probes().contains(m.id())).map(Question::ref)
                        .collect(Collectors.toSet());
                long lastDay = fsrs.dayNumber(r.last());
                Set<Long> days = new HashSet<>();
                for (Instant right : store.rightAnswersAfter(probes, r.last())) {
                    long day = fsrs.dayNumber(right);
                    if (day > lastDay) days.add(day);
                }
                out.add(new Evidence(m, r.count(), days.size(), r.last()));
            });
        }
        out.sort(Comparator.comparing(Evidence::lastSeen).reversed()
                .thenComparing(e -> e.misconception().id()));
        return out;
    }

    /** The ids of the active misconceptions among {@code evidence}. */
    static Set<String> active(List<Evidence> evidence) {
        return evidence.stream().filter(Evidence::active).map(e -> e.misconception().id()).collect(Collectors.toSet());
    }
}
