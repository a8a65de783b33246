package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Study days: a day starts at a configurable local hour in a configurable zone, robust to DST changes. */
class StudyDayTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Fsrs BERLIN_4AM = new Fsrs(
            SchedulerConfig.defaults().withEnableFuzz(false).withZone(BERLIN).withDayStartHour(4));
    private static final Fsrs UTC_MIDNIGHT = new Fsrs(
            SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC).withDayStartHour(0));

    private static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    @Test
    void utcMidnightCountsCalendarDaysLikeTsFsrs() {
        List<Map<String, String>> rows = ReferenceData.rows("elapsed-days.csv");
        assertThat(rows).hasSize(500);
        for (Map<String, String> row : rows) {
            Instant from = Instant.ofEpochMilli(Long.parseLong(row.get("from_ms")));
            Instant to = Instant.ofEpochMilli(Long.parseLong(row.get("to_ms")));
            assertThat(UTC_MIDNIGHT.elapsedDays(from, to)).as("%s -> %s", from, to)
                    .isEqualTo(Long.parseLong(row.get("days")));
        }
        Instant lastSecond = Instant.parse("2024-05-01T23:59:59Z");
        assertThat(UTC_MIDNIGHT.elapsedDays(lastSecond, lastSecond.plusSeconds(1))).isEqualTo(1);
        assertThat(UTC_MIDNIGHT.elapsedDays(Instant.parse("2024-05-01T00:00:00Z"), lastSecond)).isZero();
    }

    @Test
    void dayStartsAtFourInTheLocalZone() {
        Instant before = berlin("2024-06-10T03:59");
        Instant after = berlin("2024-06-10T04:01");
        assertThat(BERLIN_4AM.dayNumber(after) - BERLIN_4AM.dayNumber(before)).isEqualTo(1);
        assertThat(BERLIN_4AM.elapsedDays(before, after)).isEqualTo(1);
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-06-09T04:00"), before)).isZero();
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-06-09T23:00"), berlin("2024-06-10T02:00"))).isZero();
        assertThat(BERLIN_4AM.elapsedDays(after, berlin("2024-06-17T04:00"))).isEqualTo(7);
        assertThat(BERLIN_4AM.elapsedDays(after, before)).isEqualTo(-1);
    }

    @Test
    void springForwardDayOfTwentyThreeHours() {
        // 2024-03-31: clocks jump from 02:00 to 03:00 in Berlin.
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-03-30T04:30"), berlin("2024-03-31T03:59"))).isZero();
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-03-30T04:30"), berlin("2024-03-31T04:00"))).isEqualTo(1);
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-03-31T03:59"), berlin("2024-03-31T04:01"))).isEqualTo(1);
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-03-30T04:00"), berlin("2024-04-01T04:00"))).isEqualTo(2);
        // A day start inside the skipped hour still separates the days.
        Fsrs twoAm = new Fsrs(BERLIN_4AM.config().withDayStartHour(2));
        assertThat(twoAm.elapsedDays(berlin("2024-03-31T01:59"), berlin("2024-03-31T03:00"))).isEqualTo(1);
    }

    @Test
    void fallBackDayOfTwentyFiveHours() {
        // 2024-10-27: clocks fall back from 03:00 to 02:00 in Berlin.
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-10-26T04:00"), berlin("2024-10-27T03:59"))).isZero();
        assertThat(BERLIN_4AM.elapsedDays(berlin("2024-10-26T04:00"), berlin("2024-10-27T04:00"))).isEqualTo(1);
        Instant firstTwoThirty = Instant.parse("2024-10-27T00:30:00Z"); // 02:30 CEST
        Instant secondTwoThirty = Instant.parse("2024-10-27T01:30:00Z"); // 02:30 CET
        assertThat(BERLIN_4AM.elapsedDays(firstTwoThirty, secondTwoThirty)).isZero();
        Fsrs twoAm = new Fsrs(BERLIN_4AM.config().withDayStartHour(2));
        assertThat(twoAm.elapsedDays(firstTwoThirty, secondTwoThirty)).isZero();
        assertThat(twoAm.elapsedDays(Instant.parse("2024-10-26T23:59:00Z"), firstTwoThirty)).isEqualTo(1);
    }

    @Test
    void lateNightAndEarlyMorningReviewsShareAStudyDay() {
        Card card = BERLIN_4AM.review(Card.NEW, berlin("2024-06-01T20:00"), Rating.EASY);
        Instant lateNight = berlin("2024-06-09T23:30");
        card = BERLIN_4AM.review(card, lateNight, Rating.GOOD);
        MemoryState before = new MemoryState(card.stability(), card.difficulty());

        Instant earlyMorning = berlin("2024-06-10T03:30");
        Card sameStudyDay = BERLIN_4AM.review(card, earlyMorning, Rating.GOOD);
        assertThat(sameStudyDay.stability())
                .isEqualTo(BERLIN_4AM.nextMemoryState(before, 0, Rating.GOOD).stability());

        Fsrs midnight = new Fsrs(BERLIN_4AM.config().withDayStartHour(0));
        Card nextCalendarDay = midnight.review(card, earlyMorning, Rating.GOOD);
        assertThat(nextCalendarDay.stability())
                .isEqualTo(midnight.nextMemoryState(before, 1, Rating.GOOD).stability());
    }

    @Test
    void dueTimesAreWholeDaysOfTwentyFourHoursAcrossDst() {
        Card card = BERLIN_4AM.review(Card.NEW, berlin("2024-03-20T10:00"), Rating.EASY);
        assertThat(Duration.between(berlin("2024-03-20T10:00"), card.due())).isEqualTo(Duration.ofDays(8));
        assertThat(BERLIN_4AM.elapsedDays(card.lastReview(), card.due())).isEqualTo(card.scheduledDays());
    }

    @Test
    void defaultsUseTheSystemZoneAndFourAm() {
        SchedulerConfig defaults = SchedulerConfig.defaults();
        assertThat(defaults.zone()).isEqualTo(ZoneId.systemDefault());
        assertThat(defaults.dayStartHour()).isEqualTo(4);
    }
}
