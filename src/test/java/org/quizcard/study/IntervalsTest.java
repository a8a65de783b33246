package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IntervalsTest {
    @Test
    void spansReadAsOnAnkisRatingButtons() {
        assertThat(Intervals.label(Duration.ofSeconds(20))).isEqualTo("<1m");
        assertThat(Intervals.label(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Intervals.label(Duration.ofMinutes(90))).isEqualTo("2h");
        assertThat(Intervals.label(Duration.ofDays(3))).isEqualTo("3d");
        assertThat(Intervals.label(Duration.ofDays(76))).isEqualTo("2.5mo");
        assertThat(Intervals.label(Duration.ofDays(61))).isEqualTo("2mo");
        assertThat(Intervals.label(Duration.ofDays(438))).isEqualTo("1.2y");
    }
}
