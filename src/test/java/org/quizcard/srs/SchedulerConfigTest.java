package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Validation and defaults of {@link SchedulerConfig}, and the small value types. */
class SchedulerConfigTest {

    private static final SchedulerConfig DEFAULTS = SchedulerConfig.defaults();

    @Test
    void defaults() {
        assertThat(DEFAULTS.weights()).hasSize(21).startsWith(0.212, 1.2931).endsWith(0.0658, 0.1542);
        assertThat(DEFAULTS.desiredRetention()).isEqualTo(0.9);
        assertThat(DEFAULTS.maximumInterval()).isEqualTo(36500);
        assertThat(DEFAULTS.learningSteps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10));
        assertThat(DEFAULTS.relearningSteps()).containsExactly(Duration.ofMinutes(10));
        assertThat(DEFAULTS.enableFuzz()).isTrue();
        assertThat(DEFAULTS.dayStartHour()).isEqualTo(4);
    }

    @Test
    void rejectsWrongWeights() {
        assertThatThrownBy(() -> DEFAULTS.withWeights(DEFAULTS.weights().subList(0, 19)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("exactly 21 weights, got 19");
        assertThatThrownBy(() -> DEFAULTS.withWeights(replace(3, Double.NaN)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w3 must be a finite number");
        assertThatThrownBy(() -> DEFAULTS.withWeights(replace(20, 0.9)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("w20 = 0.9 is outside its allowed range [0.1, 0.8]");
        assertThatThrownBy(() -> DEFAULTS.withWeights(replace(0, null)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withWeights(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rejectsRetentionOutsideTheOpenUnitInterval() {
        for (double retention : new double[] {0, 1, -0.5, 1.2, Double.NaN}) {
            assertThatThrownBy(() -> DEFAULTS.withDesiredRetention(retention))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("desiredRetention must be in (0, 1)");
        }
        assertThat(DEFAULTS.withDesiredRetention(0.97).desiredRetention()).isEqualTo(0.97);
    }

    @Test
    void rejectsBadIntervalStepsZoneAndDayStart() {
        assertThatThrownBy(() -> DEFAULTS.withMaximumInterval(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maximumInterval");
        assertThatThrownBy(() -> DEFAULTS.withLearningSteps(List.of(Duration.ofSeconds(30))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningSteps[0]");
        assertThatThrownBy(() -> DEFAULTS.withLearningSteps(List.of(Duration.ofMinutes(1), Duration.ofSeconds(90))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("learningSteps[1]");
        assertThatThrownBy(() -> DEFAULTS.withRelearningSteps(List.of(Duration.ofMinutes(-10))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("relearningSteps[0]");
        assertThatThrownBy(() -> DEFAULTS.withRelearningSteps(Collections.singletonList(null)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be null");
        assertThatThrownBy(() -> DEFAULTS.withRelearningSteps(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withZone(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DEFAULTS.withDayStartHour(24))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("dayStartHour");
        assertThatThrownBy(() -> DEFAULTS.withDayStartHour(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThat(DEFAULTS.withLearningSteps(List.of()).learningSteps()).isEmpty();
    }

    @Test
    void copiesTheListsItIsGiven() {
        List<Double> weights = new ArrayList<>(DEFAULTS.weights());
        List<Duration> steps = new ArrayList<>(List.of(Duration.ofMinutes(3)));
        SchedulerConfig config = DEFAULTS.withWeights(weights).withLearningSteps(steps);
        weights.set(0, 50.0);
        steps.add(Duration.ofMinutes(7));
        assertThat(config.weights().get(0)).isEqualTo(0.212);
        assertThat(config.learningSteps()).containsExactly(Duration.ofMinutes(3));
        assertThat(config).isEqualTo(DEFAULTS.withLearningSteps(List.of(Duration.ofMinutes(3))));
    }

    @Test
    void severalRelearningStepsCapW17AndW18LikeTsFsrs() {
        // With three relearning steps the ceiling is about 0.49, below the default w17 (0.5425); the same-day
        // Again stability then follows the capped value, so a capped and an explicitly lowered set agree.
        SchedulerConfig utc = DEFAULTS.withEnableFuzz(false).withZone(ZoneOffset.UTC).withDayStartHour(0);
        List<Duration> three = List.of(Duration.ofMinutes(5), Duration.ofMinutes(10), Duration.ofMinutes(30));
        Fsrs capped = new Fsrs(utc.withRelearningSteps(three));
        Fsrs uncapped = new Fsrs(utc);
        MemoryState state = new MemoryState(10, 5);
        assertThat(capped.nextMemoryState(state, 0, Rating.AGAIN).stability())
                .isGreaterThan(uncapped.nextMemoryState(state, 0, Rating.AGAIN).stability());
        Instant now = Instant.parse("2024-01-01T10:00:00Z");
        assertThat(capped.review(Card.NEW, now, Rating.GOOD)).isEqualTo(uncapped.review(Card.NEW, now, Rating.GOOD));
    }

    @Test
    void ratingsAndStates() {
        assertThat(Arrays.stream(Rating.values()).mapToInt(Rating::value)).containsExactly(1, 2, 3, 4);
        assertThat(Rating.of(3)).isEqualTo(Rating.GOOD);
        assertThatThrownBy(() -> Rating.of(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Rating.of(5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(Arrays.stream(CardState.values()).map(CardState::csvName))
                .containsExactly("new", "learning", "review", "relearning");
        assertThat(CardState.fromCsvName("Relearning")).isEqualTo(CardState.RELEARNING);
        assertThatThrownBy(() -> CardState.fromCsvName("suspended")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void cardValidationAndNewCards() {
        assertThat(Card.NEW.state()).isEqualTo(CardState.NEW);
        assertThat(Card.NEW.lastReview()).isNull();
        Instant created = Instant.parse("2024-01-01T00:00:00Z");
        assertThatThrownBy(() -> new Card(CardState.REVIEW, 1, 5, 0, 1, -1, 0, created, created))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Card(CardState.REVIEW, Double.NaN, 5, 0, 1, 1, 0, created, created))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryState(0, 5)).isInstanceOf(IllegalArgumentException.class);
    }

    private static List<Double> replace(int index, Double value) {
        List<Double> weights = new ArrayList<>(DEFAULTS.weights());
        weights.set(index, value);
        return weights;
    }
}
