package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries.ReviewOutcome;

class CalibrationTest {
    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withDayStartHour(0));
    private final Instant last = Instant.parse("2026-11-01T10:00:00Z");

    /** A review of a learned question of {@code stability} days, {@code days} after its last review. */
    private ReviewOutcome review(double stability, int days, Rating rating) {
        Card before = new Card(CardState.REVIEW, stability, 5, 0, days, 3, 0, last, last.plus(Duration.ofDays(days)));
        return new ReviewOutcome(before, last.plus(Duration.ofDays(days)), rating);
    }

    @Test
    void eachReviewGoesToTheBinOfItsPredictedRecallAndIsCountedAsRecalledUnlessAgain() {
        // reviewed when due (predicted 0.9), and far past due (predicted well under 0.5)
        double atDue = fsrs.forgettingCurve(10, 10);
        double late = fsrs.forgettingCurve(200, 10);
        List<ReviewOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 10; i++) outcomes.add(review(10, 10, i < 7 ? Rating.GOOD : Rating.AGAIN));
        for (int i = 0; i < 4; i++) outcomes.add(review(10, 200, i < 1 ? Rating.HARD : Rating.AGAIN));
        Calibration c = Calibration.of(outcomes, fsrs);

        assertThat(c.reviews()).isEqualTo(14);
        assertThat(c.bins()).hasSize(2);
        Calibration.Bin low = c.bins().get(0);
        assertThat(low.from()).isLessThanOrEqualTo(late);
        assertThat(low.to()).isGreaterThan(late).isLessThanOrEqualTo(due(c).from());
        assertThat(low.reviews()).isEqualTo(4);
        assertThat(low.predicted()).isCloseTo(late, within(1e-12));
        assertThat(low.actual()).isEqualTo(0.25);
        Calibration.Bin due = due(c);
        assertThat(due.from()).isLessThanOrEqualTo(atDue);
        assertThat(due.to()).isGreaterThan(atDue);
        assertThat(due.actual()).isEqualTo(0.7);
        double expected = Math.sqrt((4 * Math.pow(late - 0.25, 2) + 10 * Math.pow(atDue - 0.7, 2)) / 14);
        assertThat(c.rmse()).isCloseTo(expected, within(1e-12));
    }

    private static Calibration.Bin due(Calibration c) {
        return c.bins().get(c.bins().size() - 1);
    }

    @Test
    void learningStepsAndSameDayReviewsSayNothingOfForgetting() {
        Card learning = new Card(CardState.LEARNING, 2, 5, 1, 0, 1, 0, last, last.plusSeconds(600));
        List<ReviewOutcome> outcomes = List.of(new ReviewOutcome(learning, last.plusSeconds(600), Rating.AGAIN),
                new ReviewOutcome(Card.NEW, last, Rating.GOOD), review(10, 0, Rating.AGAIN));
        Calibration c = Calibration.of(outcomes, fsrs);
        assertThat(c.reviews()).isZero();
        assertThat(c.bins()).isEmpty();
        assertThat(c.rmse()).isZero();
    }

    @Test
    void aScheduleThatPredictsWellIsOffByLittle() {
        // in the bin of reviews at due time, 9 in 10 recalled, as predicted
        List<ReviewOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 100; i++) outcomes.add(review(10, 10, i % 10 == 0 ? Rating.AGAIN : Rating.GOOD));
        assertThat(Calibration.of(outcomes, fsrs).rmse()).isLessThan(0.01);
    }
}
