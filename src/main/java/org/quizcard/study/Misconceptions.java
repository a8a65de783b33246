package org.quizcard.study;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressStore;

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

    /** Evidence on every misconception the learner ever revealed, most recently seen first. */
    public static List<Evidence> evidence(Bank bank, ProgressStore store, Fsrs fsrs) {
        Map<String, List<ProgressStore.Revealed>> byId = new LinkedHashMap<>();
        for (ProgressStore.Revealed r : store.revealed()) {
            byId.computeIfAbsent(r.misconception(), k -> new ArrayList<>()).add(r);
        }
        List<Evidence> out = new ArrayList<>();
        byId.forEach((id, list) -> bank.misconception(id).ifPresent(m -> {
            Instant last = list.get(list.size() - 1).at();
            Set<String> probes = bank.questions().filter(q -> q.probes().contains(id)).map(Question::ref)
                    .collect(Collectors.toSet());
            long lastDay = fsrs.dayNumber(last);
            Set<Long> days = new HashSet<>();
            for (Instant right : store.rightAnswersAfter(probes, last)) {
                long day = fsrs.dayNumber(right);
                if (day > lastDay) days.add(day);
            }
            out.add(new Evidence(m, list.size(), days.size(), last));
        }));
        out.sort(Comparator.comparing(Evidence::lastSeen).reversed());
        return out;
    }

    /** The ids of the active misconceptions. */
    public static Set<String> active(Bank bank, ProgressStore store, Fsrs fsrs) {
        return evidence(bank, store, fsrs).stream().filter(Evidence::active).map(e -> e.misconception().id())
                .collect(Collectors.toSet());
    }
}
