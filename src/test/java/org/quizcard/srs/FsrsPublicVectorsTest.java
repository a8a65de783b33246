package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The public test vectors of the FSRS reference implementations, plus ts-fsrs's documented step behaviour. */
class FsrsPublicVectorsTest {

    private static final Instant START = Instant.parse("2022-11-29T12:30:00Z");
    private static final Fsrs FSRS = new Fsrs(
            SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC).withDayStartHour(0));

    private static final List<Rating> MEMORY_RATINGS =
            List.of(Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD);
    private static final int[] MEMORY_GAPS = {0, 0, 1, 3, 8, 21};

    @Test
    void intervalHistoryWhenReviewedAtEachDueTime() {
        Rating[] ratings = {Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD,
            Rating.AGAIN, Rating.AGAIN, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD, Rating.GOOD};
        Card card = Card.NEW;
        Instant now = START;
        List<Integer> intervals = new ArrayList<>();
        for (Rating rating : ratings) {
            card = FSRS.review(card, now, rating);
            intervals.add(card.scheduledDays());
            now = card.due();
        }
        assertThat(intervals).containsExactly(0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21);
    }

    @Test
    void memoryStateAfterSixReviewsThroughTheScheduler() {
        Card card = Card.NEW;
        Instant now = START;
        for (int i = 0; i < MEMORY_RATINGS.size(); i++) {
            now = now.plus(Duration.ofDays(MEMORY_GAPS[i]));
            card = FSRS.review(card, now, MEMORY_RATINGS.get(i));
        }
        assertThat(card.stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(card.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void memoryStateAfterSixReviewsThroughTheMemoryModelAlone() {
        MemoryState state = FSRS.initialMemoryState(MEMORY_RATINGS.get(0));
        for (int i = 1; i < MEMORY_RATINGS.size(); i++) {
            state = FSRS.nextMemoryState(state, MEMORY_GAPS[i], MEMORY_RATINGS.get(i));
        }
        assertThat(state.stability()).isCloseTo(53.62691, within(1e-4));
        assertThat(state.difficulty()).isCloseTo(6.3574867, within(1e-4));
    }

    @Test
    void forgettingCurveAtStabilityOne() {
        assertThat(new double[] {
            FSRS.forgettingCurve(0, 1), FSRS.forgettingCurve(1, 1),
            FSRS.forgettingCurve(2, 1), FSRS.forgettingCurve(3, 1),
        }).containsExactly(1.0, 0.9, 0.84588465, 0.8093881);
    }

    @Test
    void forgettingCurveIsNinetyPercentAfterStabilityDays() {
        for (double s : new double[] {0.5, 2.3065, 10, 365, 3650}) {
            assertThat(FSRS.forgettingCurve(s, s)).isCloseTo(0.9, within(1e-8));
        }
    }

    @Test
    void firstReviewOfANewCard() {
        Map<Rating, Card> next = FSRS.preview(Card.NEW, START);
        assertThat(Rating.values()).extracting(r -> next.get(r).stability())
                .containsExactly(0.212, 1.2931, 2.3065, 8.2956);
        assertThat(Rating.values()).extracting(r -> next.get(r).difficulty())
                .containsExactly(6.4133, 5.11217071, 2.11810397, 1.0);
        assertThat(Rating.values()).extracting(r -> next.get(r).scheduledDays()).containsExactly(0, 0, 0, 8);
        assertThat(Rating.values()).extracting(r -> next.get(r).state()).containsExactly(
                CardState.LEARNING, CardState.LEARNING, CardState.LEARNING, CardState.REVIEW);
        assertThat(next.values()).allSatisfy(card -> {
            assertThat(card.reps()).isEqualTo(1);
            assertThat(card.lapses()).isZero();
            assertThat(card.lastReview()).isEqualTo(START);
        });
    }

    @Test
    void learningStepsOfANewCard() {
        Map<Rating, Card> next = FSRS.preview(Card.NEW, START);
        assertThat(dueAfter(next.get(Rating.AGAIN), START)).isEqualTo(Duration.ofMinutes(1));
        // Hard on the first step waits the mean of the first two steps: (1 + 10) / 2 rounded = 6 minutes.
        assertThat(dueAfter(next.get(Rating.HARD), START)).isEqualTo(Duration.ofMinutes(6));
        assertThat(dueAfter(next.get(Rating.GOOD), START)).isEqualTo(Duration.ofMinutes(10));
        assertThat(dueAfter(next.get(Rating.EASY), START)).isEqualTo(Duration.ofDays(8));
        assertThat(next.get(Rating.AGAIN).step()).isZero();
        assertThat(next.get(Rating.HARD).step()).isZero();
        assertThat(next.get(Rating.GOOD).step()).isEqualTo(1);
    }

    @Test
    void secondLearningStepGraduatesOnGood() {
        Card learning = FSRS.review(Card.NEW, START, Rating.GOOD);
        Instant now = learning.due();
        Map<Rating, Card> next = FSRS.preview(learning, now);
        assertThat(dueAfter(next.get(Rating.AGAIN), now)).isEqualTo(Duration.ofMinutes(1));
        assertThat(dueAfter(next.get(Rating.HARD), now)).isEqualTo(Duration.ofMinutes(6));
        assertThat(next.get(Rating.HARD).step()).isEqualTo(1);
        assertThat(next.get(Rating.GOOD).state()).isEqualTo(CardState.REVIEW);
        assertThat(next.get(Rating.GOOD).step()).isZero();
        assertThat(dueAfter(next.get(Rating.GOOD), now))
                .isEqualTo(Duration.ofDays(next.get(Rating.GOOD).scheduledDays()));
    }

    @Test
    void lapseGoesThroughTheRelearningStep() {
        Card review = FSRS.review(Card.NEW, START, Rating.EASY);
        Instant now = review.due();
        Card lapsed = FSRS.review(review, now, Rating.AGAIN);
        assertThat(lapsed.state()).isEqualTo(CardState.RELEARNING);
        assertThat(lapsed.lapses()).isEqualTo(1);
        assertThat(lapsed.scheduledDays()).isZero();
        assertThat(dueAfter(lapsed, now)).isEqualTo(Duration.ofMinutes(10));

        Instant later = lapsed.due();
        Map<Rating, Card> next = FSRS.preview(lapsed, later);
        assertThat(dueAfter(next.get(Rating.AGAIN), later)).isEqualTo(Duration.ofMinutes(10));
        // A single step: Hard waits 1.5 times it.
        assertThat(dueAfter(next.get(Rating.HARD), later)).isEqualTo(Duration.ofMinutes(15));
        assertThat(next.get(Rating.GOOD).state()).isEqualTo(CardState.REVIEW);
        assertThat(next.get(Rating.EASY).state()).isEqualTo(CardState.REVIEW);
        assertThat(next.values()).allSatisfy(card -> assertThat(card.lapses()).isEqualTo(1));
    }

    @Test
    void sameDayReviewUsesTheShortTermFormulaFlooredAtOneForPassingGrades() {
        Card review = FSRS.review(Card.NEW, START, Rating.EASY);
        Instant sameDay = START.plus(Duration.ofHours(2));
        Map<Rating, Card> next = FSRS.preview(review, sameDay);
        assertThat(next.get(Rating.HARD).stability()).isEqualTo(review.stability());
        assertThat(next.get(Rating.GOOD).stability()).isGreaterThanOrEqualTo(review.stability());
        assertThat(next.get(Rating.AGAIN).stability()).isLessThan(review.stability());
        MemoryState expected = FSRS.nextMemoryState(
                new MemoryState(review.stability(), review.difficulty()), 0, Rating.GOOD);
        assertThat(next.get(Rating.GOOD).stability()).isEqualTo(expected.stability());
    }

    @Test
    void reviewIntervalsAreOrderedHardGoodEasy() {
        Card card = FSRS.review(Card.NEW, START, Rating.GOOD);
        card = FSRS.review(card, card.due(), Rating.GOOD);
        Instant now = card.due();
        Map<Rating, Card> next = FSRS.preview(card, now);
        assertThat(next.get(Rating.HARD).scheduledDays()).isLessThanOrEqualTo(next.get(Rating.GOOD).scheduledDays());
        assertThat(next.get(Rating.GOOD).scheduledDays()).isLessThan(next.get(Rating.EASY).scheduledDays());
    }

    @Test
    void retrievability() {
        Instant created = Instant.parse("2023-12-01T04:00:00Z");
        Card easy = FSRS.review(Card.NEW, created.plus(Duration.ofMinutes(5)), Rating.EASY);
        assertThat(FSRS.retrievability(easy, easy.due())).isEqualTo(0.9024733);
        Card good = FSRS.review(Card.NEW, created.plus(Duration.ofMinutes(5)), Rating.GOOD);
        assertThat(FSRS.retrievability(good, good.due())).isEqualTo(1.0);
        assertThat(FSRS.retrievability(Card.NEW, created)).isZero();
    }

    @Test
    void unfuzzedNextIntervalRoundsStabilityTimesTheIntervalModifier() {
        // Retention 0.9 gives an interval modifier of exactly 1: the interval is the rounded stability.
        assertThat(FSRS.nextInterval(8.2956)).isEqualTo(8);
        assertThat(FSRS.nextInterval(0.2)).isEqualTo(1);
        assertThat(FSRS.nextInterval(1e9)).isEqualTo(36500);
    }

    @Test
    void rejectsReviewsBeforeTheLastReviewDayAndInvalidMemoryStates() {
        Card card = FSRS.review(Card.NEW, START, Rating.GOOD);
        assertThatThrownBy(() -> FSRS.review(card, START.minus(Duration.ofDays(1)), Rating.GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("before the last review");
        Card broken = new Card(CardState.REVIEW, 0, 0, 0, 1, 3, 0, START, START);
        assertThatThrownBy(() -> FSRS.review(broken, START, Rating.GOOD))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("invalid memory state");
        assertThatThrownBy(() -> FSRS.forgettingCurve(1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> FSRS.nextMemoryState(new MemoryState(1, 5), -1, Rating.GOOD))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void earlierReviewOnTheSameDayIsAccepted() {
        // Like ts-fsrs, only a review on an earlier study day is rejected.
        Card card = FSRS.review(Card.NEW, START, Rating.GOOD);
        Card again = FSRS.review(card, START.minus(Duration.ofMinutes(5)), Rating.GOOD);
        assertThat(again.reps()).isEqualTo(2);
    }

    private static Duration dueAfter(Card card, Instant reviewed) {
        return Duration.between(reviewed, card.due());
    }
}
