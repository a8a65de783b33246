package org.quizcard.study;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.store.ProgressStore;

/** What the learner's log says about their progress: the figures {@code quizcard stats} shows. */
public record Stats(int reviewsToday, int dueNow, List<Integer> duePerDay, Double trueRetention, int retentionReviews,
                    List<Mastery> mastery, List<Misconceptions.Evidence> activeMisconceptions, List<Leech> leeches,
                    int streak, long totalReviews) {
    /** Days ahead in the forecast. */
    public static final int FORECAST_DAYS = 30;
    /** A card rated Again this many times is a leech. */
    public static final int LEECH_AGAINS = 8;
    /** Stability in days from which a card counts as mature, as in Anki. */
    public static final double MATURE_DAYS = 21;

    /** How well one concept is known: questions seen, mature, and mean recall probability now. */
    public record Mastery(String concept, String title, int questions, int seen, int mature, double retrievability) { }

    /** A question the learner keeps failing. */
    public record Leech(String card, int agains) { }

    public static Stats compute(Bank bank, ProgressStore store, Fsrs fsrs, Instant now) {
        long today = fsrs.dayNumber(now);
        Map<String, ProgressStore.CardInfo> cards = store.cards();
        Set<String> inBank = new HashSet<>();
        bank.questions().forEach(q -> inBank.add(q.ref()));

        int dueNow = 0;
        int[] forecast = new int[FORECAST_DAYS + 1];
        for (ProgressStore.CardInfo c : cards.values()) {
            if (!inBank.contains(c.card())) continue;
            Instant due = c.state().due();
            if (!due.isAfter(now)) dueNow++;
            long day = Math.max(0, fsrs.dayNumber(due) - today);
            if (day <= FORECAST_DAYS) forecast[(int) day]++;
        }
        List<Integer> duePerDay = new ArrayList<>();
        for (int n : forecast) duePerDay.add(n);

        int[] retention = new int[2];
        int[] todayCount = new int[1];
        store.reviewsSince(now.minus(Duration.ofDays(30)), r -> {
            if (fsrs.dayNumber(r.at()) == today) todayCount[0]++;
            if (r.before().state() == CardState.REVIEW) {
                retention[1]++;
                if (r.rating() != Rating.AGAIN) retention[0]++;
            }
        });
        Double trueRetention = retention[1] == 0 ? null : retention[0] / (double) retention[1];

        List<Mastery> mastery = new ArrayList<>();
        for (Concept c : bank.concepts()) {
            int seen = 0;
            int mature = 0;
            double r = 0;
            for (Question q : c.questions()) {
                ProgressStore.CardInfo info = cards.get(q.ref());
                if (info == null) continue;
                seen++;
                if (info.state().state() == CardState.REVIEW && info.state().stability() >= MATURE_DAYS) mature++;
                r += fsrs.retrievability(info.state(), now);
            }
            mastery.add(new Mastery(c.id(), c.title(), c.questions().size(), seen, mature,
                    c.questions().isEmpty() ? 0 : r / c.questions().size()));
        }

        List<Misconceptions.Evidence> active = Misconceptions.evidence(bank, store, fsrs).stream()
                .filter(Misconceptions.Evidence::active).toList();
        List<Leech> leeches = store.againCounts(LEECH_AGAINS).entrySet().stream()
                .map(e -> new Leech(e.getKey(), e.getValue()))
                .sorted((a, b) -> b.agains() != a.agains() ? b.agains() - a.agains() : a.card().compareTo(b.card()))
                .toList();

        Set<Long> days = new HashSet<>();
        long[] total = new long[1];
        store.reviewTimes(ms -> {
            days.add(fsrs.dayNumber(Instant.ofEpochMilli(ms)));
            total[0]++;
        });
        int streak = 0;
        long day = days.contains(today) ? today : today - 1;
        while (days.contains(day)) {
            streak++;
            day--;
        }
        return new Stats(todayCount[0], dueNow, duePerDay, trueRetention, retention[1], mastery, active, leeches,
                streak, total[0]);
    }
}
