package org.quizcard.study;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Map;
import java.util.Set;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Question;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.store.ProgressQueries;

/**
 * What the learner's log says about their progress: the figures {@code quizcard stats} shows.
 * {@code dueNow} counts the questions scheduled for review by now; {@code studyNow} what a study
 * session started now would serve, with the default daily new questions and limit.
 */
public record Stats(int reviewsToday, int dueNow, StudyDay.Outlook studyNow, List<Integer> duePerDay, Double trueRetention, int retentionReviews,
                    List<Mastery> mastery, List<Misconceptions.Evidence> activeMisconceptions, List<Leech> leeches,
                    int streak, long totalReviews, Calibration calibration) {
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

    /** The figures at {@code now}, counting what study would serve with {@code newPerDay} new questions a day. */
    public static Stats compute(Bank bank, ProgressQueries store, Fsrs fsrs, Instant now, int newPerDay) {
        long today = fsrs.dayNumber(now);
        Map<String, ProgressQueries.CardInfo> cards = store.cards();
        Set<String> inBank = new HashSet<>();
        bank.questions().forEach(q -> inBank.add(q.ref()));

        int dueNow = 0;
        int[] forecast = new int[FORECAST_DAYS + 1];
        for (ProgressQueries.CardInfo c : cards.values()) {
            if (!inBank.contains(c.card())) continue;
            Instant due = c.state().due();
            if (!due.isAfter(now)) dueNow++;
            long day = Math.max(0, fsrs.dayNumber(due) - today);
            if (day <= FORECAST_DAYS) forecast[(int) day]++;
        }
        List<Integer> duePerDay = new ArrayList<>();
        for (int n : forecast) duePerDay.add(n);

        long[] retention = store.retentionSince(now.minus(Duration.ofDays(30)));
        long todayStart = Math.max(dayStart(fsrs, today, now.toEpochMilli()),
                now.minus(Duration.ofDays(30)).toEpochMilli());
        int reviewsToday = (int) store.reviewCountBetween(todayStart, dayStart(fsrs, today + 1,
                now.toEpochMilli() + 2 * DAY_MILLIS));
        Double trueRetention = retention[0] == 0 ? null : retention[1] / (double) retention[0];

        List<Mastery> mastery = new ArrayList<>();
        for (Concept c : bank.concepts()) {
            int seen = 0;
            int mature = 0;
            double r = 0;
            for (Question q : c.questions()) {
                ProgressQueries.CardInfo info = cards.get(q.ref());
                if (info == null) continue;
                seen++;
                if (info.state().state() == CardState.REVIEW && info.state().stability() >= MATURE_DAYS) mature++;
                r += fsrs.retrievability(info.state(), now);
            }
            mastery.add(new Mastery(c.id(), c.title(), c.questions().size(), seen, mature,
                    c.questions().isEmpty() ? 0 : r / c.questions().size()));
        }

        List<Leech> leeches = store.againCounts(LEECH_AGAINS).entrySet().stream()
                .map(e -> new Leech(e.getKey(), e.getValue()))
                .sorted((a, b) -> b.agains() != a.agains() ? b.agains() - a.agains() : a.card().compareTo(b.card()))
                .toList();
        int streak = streak(store, fsrs, today);
        long total = store.reviewCount();

        List<Misconceptions.Evidence> evidence = Misconceptions.evidence(bank, store, fsrs);
        List<Misconceptions.Evidence> active = evidence.stream().filter(Misconceptions.Evidence::active).toList();
        StudyDay.Outlook studyNow = StudyDay.outlook(bank, store, fsrs, now, evidence, newPerDay,
                StudyDay.DEFAULT_LIMIT);
        Calibration calibration = Calibration.of(store.latestOutcomes(Calibration.RECENT), fsrs);
        return new Stats(reviewsToday, dueNow, studyNow, duePerDay, trueRetention, (int) retention[0], mastery, active, leeches,
                streak, total, calibration);
    }

    /**
     * Consecutive study days with reviews, ending today, or yesterday when there is none today yet.
     * Walks the log's distinct days newest first with one index seek per day, so a long history
     * costs as many seeks as the streak is long, not a read of every review.
     */
    static int streak(ProgressQueries store, Fsrs fsrs, long today) {
        int streak = 0;
        long expected = Long.MIN_VALUE;
        long bound = Long.MAX_VALUE;
        while (true) {
            OptionalLong latest = store.latestReviewBefore(bound);
            if (latest.isEmpty()) return streak;
            long t = latest.getAsLong();
            long day = fsrs.dayNumber(Instant.ofEpochMilli(t));
            bound = dayStart(fsrs, day, t);
            if (day > today) continue;
            if (expected == Long.MIN_VALUE) {
                if (day < today - 1) return 0;
                expected = day;
            }
            if (day > expected) continue;
            if (day < expected) return streak;
            streak++;
            expected--;
        }
    }

    /** The first millisecond of study day {@code day}, given a time {@code t} on that day. */
    static long dayStart(Fsrs fsrs, long day, long t) {
        long lo = t - 3 * DAY_MILLIS;
        long hi = t;
        while (lo + 1 < hi) {
            long mid = lo + (hi - lo) / 2;
            if (fsrs.dayNumber(Instant.ofEpochMilli(mid)) >= day) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    static final long DAY_MILLIS = 86_400_000L;
}
