package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Replays random review histories recorded from ts-fsrs (reference.csv: several configurations, random ratings,
 * on-time, same-day, early and overdue reviews) and checks every resulting card.
 */
class FsrsReferenceTest {

    private static final SchedulerConfig UTC_MIDNIGHT =
            SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withDayStartHour(0);

    /** The configurations generate.mjs uses, by id. */
    private static final Map<String, Fsrs> SCHEDULERS = Map.of(
            "default", new Fsrs(UTC_MIDNIGHT.withEnableFuzz(false)),
            "default-fuzz", new Fsrs(UTC_MIDNIGHT.withEnableFuzz(true)),
            "short-steps", new Fsrs(UTC_MIDNIGHT.withEnableFuzz(false)
                    .withDesiredRetention(0.8)
                    .withMaximumInterval(100)
                    .withLearningSteps(List.of(Duration.ofMinutes(5)))
                    .withRelearningSteps(List.of())),
            "long-steps", new Fsrs(UTC_MIDNIGHT.withEnableFuzz(true)
                    .withDesiredRetention(0.95)
                    .withMaximumInterval(3650)
                    .withLearningSteps(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(1)))
                    .withRelearningSteps(
                            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)))));

    @Test
    void replaysEveryRecordedHistoryLikeTsFsrs() {
        List<Map<String, String>> rows = ReferenceData.rows("reference.csv");
        assertThat(rows).hasSizeGreaterThan(4000);

        Map<String, Card> cards = new LinkedHashMap<>();
        Map<String, Integer> reviewsPerConfig = new LinkedHashMap<>();
        for (Map<String, String> row : rows) {
            String config = row.get("config");
            Fsrs fsrs = SCHEDULERS.get(config);
            assertThat(fsrs).as("scheduler for config %s", config).isNotNull();
            String key = config + "/" + row.get("card");
            String where = key + " review " + row.get("seq");
            Card before = cards.getOrDefault(key, Card.NEW);

            Instant at = Instant.ofEpochMilli(Long.parseLong(row.get("review_ms")));
            Card after = fsrs.review(before, at, Rating.of(Integer.parseInt(row.get("rating"))));

            assertThat(after.state().csvName()).as(where).isEqualTo(row.get("state"));
            assertThat(after.stability()).as(where)
                    .isCloseTo(Double.parseDouble(row.get("stability")), withinPercentage(1e-4));
            assertThat(after.difficulty()).as(where)
                    .isCloseTo(Double.parseDouble(row.get("difficulty")), withinPercentage(1e-4));
            assertThat(after.step()).as(where).isEqualTo(Integer.parseInt(row.get("step")));
            assertThat(after.scheduledDays()).as(where).isEqualTo(Integer.parseInt(row.get("scheduled_days")));
            assertThat(after.reps()).as(where).isEqualTo(Integer.parseInt(row.get("reps")));
            assertThat(after.lapses()).as(where).isEqualTo(Integer.parseInt(row.get("lapses")));
            assertThat(after.lastReview()).as(where).isEqualTo(at);
            assertThat(after.due().toEpochMilli()).as(where).isEqualTo(Long.parseLong(row.get("due_ms")));
            cards.put(key, after);
            reviewsPerConfig.merge(config, 1, Integer::sum);
        }
        assertThat(reviewsPerConfig).containsOnlyKeys(SCHEDULERS.keySet());
    }

    @Test
    void memoryValuesMatchTsFsrsBitForBit() {
        // ts-fsrs rounds stability and difficulty to 8 decimals; with the same rounding, the same order of
        // operations and fdlibm maths (StrictMath, as V8 uses fdlibm ports) the replay agrees exactly.
        double worst = 0;
        Map<String, Card> cards = new LinkedHashMap<>();
        for (Map<String, String> row : ReferenceData.rows("reference.csv")) {
            String key = row.get("config") + "/" + row.get("card");
            Card after = SCHEDULERS.get(row.get("config")).review(cards.getOrDefault(key, Card.NEW),
                    Instant.ofEpochMilli(Long.parseLong(row.get("review_ms"))),
                    Rating.of(Integer.parseInt(row.get("rating"))));
            worst = Math.max(worst, Math.abs(after.stability() - Double.parseDouble(row.get("stability"))));
            worst = Math.max(worst, Math.abs(after.difficulty() - Double.parseDouble(row.get("difficulty"))));
            cards.put(key, after);
        }
        assertThat(worst).isZero();
    }
}
