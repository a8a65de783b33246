package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** Invariants of the scheduler over random review histories (random ratings, gaps and configurations). */
class FsrsPropertiesTest {

    /** One review of a history: the rating and the time since the previous review. */
    record Step(Rating rating, Duration gap) {
    }

    private static final SchedulerConfig BASE = SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withDayStartHour(0);

    private static final Map<String, Fsrs> SCHEDULERS = Map.of(
            "default", new Fsrs(BASE.withEnableFuzz(false)),
            "default-fuzz", new Fsrs(BASE),
            "berlin-4am-fuzz", new Fsrs(BASE.withZone(ZoneId.of("Europe/Berlin")).withDayStartHour(4)),
            "low-retention", new Fsrs(BASE.withDesiredRetention(0.7).withMaximumInterval(180)),
            "high-retention-no-steps", new Fsrs(BASE.withDesiredRetention(0.97)
                    .withLearningSteps(List.of()).withRelearningSteps(List.of())),
            "long-steps", new Fsrs(BASE.withDesiredRetention(0.95)
                    .withLearningSteps(List.of(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofDays(1)))
                    .withRelearningSteps(
                            List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30)))));

    @Provide
    Arbitrary<String> schedulers() {
        return Arbitraries.of(SCHEDULERS.keySet().stream().sorted().toList());
    }

    @Provide
    Arbitrary<Instant> starts() {
        return Arbitraries.longs().between(946_684_800L, 2_208_988_800L).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<List<Step>> histories() {
        Arbitrary<Rating> ratings = Arbitraries.of(Rating.class);
        Arbitrary<Long> gapSeconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 3_600)),
                Tuple.of(3, Arbitraries.longs().between(0, 86_400)),
                Tuple.of(4, Arbitraries.longs().between(0, 400 * 86_400L)));
        return Combinators.combine(ratings, gapSeconds).as((r, g) -> new Step(r, Duration.ofSeconds(g)))
                .list().ofMinSize(1).ofMaxSize(25);
    }

    @Property(tries = 400)
    void memoryStateStaysInRange(@ForAll("schedulers") String name, @ForAll("starts") Instant start,
            @ForAll("histories") List<Step> history) {
        Fsrs fsrs = SCHEDULERS.get(name);
        Card card = Card.NEW;
        Instant now = start;
        for (int i = 0; i < history.size(); i++) {
            now = now.plus(history.get(i).gap());
            card = fsrs.review(card, now, history.get(i).rating());
            assertThat(card.stability()).isGreaterThan(0).isBetween(0.001, 36500.0);
            assertThat(card.difficulty()).isBetween(1.0, 10.0);
            assertThat(card.state()).isNotEqualTo(CardState.NEW);
            assertThat(card.reps()).isEqualTo(i + 1);
            assertThat(card.lastReview()).isEqualTo(now);
            assertThat(card.due()).isAfter(now);
            assertThat(card.scheduledDays()).isGreaterThanOrEqualTo(0);
            if (card.state() == CardState.REVIEW && card.scheduledDays() > 0) {
                assertThat(card.due()).isEqualTo(now.plus(Duration.ofDays(card.scheduledDays())));
            }
            double r = fsrs.retrievability(card, now.plus(history.get(i).gap()));
            assertThat(r).isBetween(0.0, 1.0);
        }
    }

    @Property(tries = 400)
    void dueIsNonDecreasingInTheRating(@ForAll("schedulers") String name, @ForAll("starts") Instant start,
            @ForAll("histories") List<Step> history) {
        Fsrs fsrs = SCHEDULERS.get(name);
        Card card = Card.NEW;
        Instant now = start;
        for (Step step : history) {
            now = now.plus(step.gap());
            Map<Rating, Card> next = fsrs.preview(card, now);
            assertThat(next.get(Rating.AGAIN).due()).isBeforeOrEqualTo(next.get(Rating.HARD).due());
            assertThat(next.get(Rating.HARD).due()).isBeforeOrEqualTo(next.get(Rating.GOOD).due());
            assertThat(next.get(Rating.GOOD).due()).isBeforeOrEqualTo(next.get(Rating.EASY).due());
            if (card.state() == CardState.REVIEW) {
                assertThat(next.get(Rating.HARD).scheduledDays())
                        .isLessThanOrEqualTo(next.get(Rating.GOOD).scheduledDays());
                assertThat(next.get(Rating.GOOD).scheduledDays()).isLessThan(next.get(Rating.EASY).scheduledDays());
            }
            card = next.get(step.rating());
        }
    }

    @Property(tries = 200)
    void reviewIsAPureFunction(@ForAll("schedulers") String name, @ForAll("starts") Instant start,
            @ForAll("histories") List<Step> history) {
        Fsrs fsrs = SCHEDULERS.get(name);
        Fsrs twin = new Fsrs(fsrs.config());
        Card card = Card.NEW;
        Instant now = start;
        for (Step step : history) {
            now = now.plus(step.gap());
            Card next = fsrs.review(card, now, step.rating());
            assertThat(twin.review(card, now, step.rating())).isEqualTo(next);
            assertThat(fsrs.preview(card, now).get(step.rating())).isEqualTo(next);
            card = next;
        }
    }

    @Property(tries = 200)
    void retrievabilityFallsOverTime(@ForAll("starts") Instant start, @ForAll("histories") List<Step> history) {
        Fsrs fsrs = SCHEDULERS.get("default");
        Card card = Card.NEW;
        Instant now = start;
        for (Step step : history) {
            now = now.plus(step.gap());
            card = fsrs.review(card, now, step.rating());
        }
        double previous = 1.0;
        for (int day = 0; day <= 400; day += 20) {
            double r = fsrs.retrievability(card, now.plus(Duration.ofDays(day)));
            assertThat(r).isLessThanOrEqualTo(previous).isGreaterThan(0);
            previous = r;
        }
    }
}
