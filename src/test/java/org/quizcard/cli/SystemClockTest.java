package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class SystemClockTest {
    @Test
    void tellsTheTimeInTheDefaultZone() {
        Instant before = Instant.now();
        Clock clock = SystemClock.start();
        Instant now = clock.instant();
        assertThat(now).isBetween(before, Instant.now());
        assertThat(Duration.ofMillis(Math.abs(clock.millis() - System.currentTimeMillis()))).isLessThan(Duration.ofSeconds(5));
        assertThat(clock.getZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(clock.getZone()).as("asked again").isEqualTo(ZoneId.systemDefault());
    }

    @Test
    void inAnotherZoneIsTheSystemClockThere() {
        Clock utc = SystemClock.start().withZone(ZoneOffset.UTC);
        assertThat(utc.getZone()).isEqualTo(ZoneOffset.UTC);
        assertThat(Duration.between(utc.instant(), Instant.now()).abs()).isLessThan(Duration.ofSeconds(5));
    }
}
