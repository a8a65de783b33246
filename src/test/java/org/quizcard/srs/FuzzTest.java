package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Fuzz: deterministic per card and review time, inside ts-fsrs's ranges, and bit-compatible with its seeding. */
class FuzzTest {

    private static final SchedulerConfig UTC = SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withDayStartHour(0);
    private static final Fsrs FUZZED = new Fsrs(UTC.withEnableFuzz(true));
    private static final Fsrs PLAIN = new Fsrs(UTC.withEnableFuzz(false));
    private static final Instant START = Instant.parse("2024-01-15T09:00:00Z");

    /** A review card with stability of roughly 50 days, reviewed on time at its due date. */
    private static Card matureCard(Fsrs fsrs) {
        Card card = fsrs.review(Card.NEW, START, Rating.EASY);
        card = fsrs.review(card, card.due(), Rating.GOOD);
        return card;
    }

    @Test
    void fuzzIsOnByDefaultAndOffViaTheFlag() {
        assertThat(SchedulerConfig.defaults().enableFuzz()).isTrue();
        assertThat(SchedulerConfig.defaults().withEnableFuzz(false).enableFuzz()).isFalse();
    }

    @Test
    void sameCardTimeAndRatingGiveTheSameDue() {
        Card card = matureCard(FUZZED);
        Instant now = card.due().plus(Duration.ofHours(3));
        Fsrs another = new Fsrs(UTC.withEnableFuzz(true));
        for (Rating rating : Rating.values()) {
            Card first = FUZZED.review(card, now, rating);
            assertThat(FUZZED.review(card, now, rating)).isEqualTo(first);
            assertThat(another.review(card, now, rating)).isEqualTo(first);
        }
        assertThat(FUZZED.preview(card, now)).isEqualTo(FUZZED.preview(card, now));
    }

    @Test
    void fuzzedIntervalsStayInTsFsrsRangeAndVary() {
        Card card = matureCard(FUZZED);
        Set<Integer> seen = new HashSet<>();
        for (int minute = 0; minute < 600; minute += 7) {
            Instant now = card.due().plus(Duration.ofMinutes(minute));
            Card plain = PLAIN.review(card, now, Rating.GOOD);
            Card fuzzed = FUZZED.review(card, now, Rating.GOOD);
            assertThat(fuzzed.stability()).isEqualTo(plain.stability());
            long elapsed = FUZZED.elapsedDays(card.lastReview(), now);
            Fuzz.Range range = Fuzz.range(plain.scheduledDays(), elapsed, 36500);
            assertThat(fuzzed.scheduledDays()).isBetween(range.min(), range.max());
            assertThat(fuzzed.due()).isEqualTo(now.plus(Duration.ofDays(fuzzed.scheduledDays())));
            seen.add(fuzzed.scheduledDays());
        }
        assertThat(seen).hasSizeGreaterThan(3);
    }

    @Test
    void shortIntervalsAreNotFuzzed() {
        Card learning = FUZZED.review(Card.NEW, START, Rating.GOOD);
        Card graduated = FUZZED.review(learning, learning.due(), Rating.GOOD);
        assertThat(graduated.scheduledDays()).isEqualTo(2);
        assertThat(graduated).isEqualTo(PLAIN.review(learning, learning.due(), Rating.GOOD));
    }

    @Test
    void fuzzRangeExamples() {
        // delta = 1 + 15% of (7 - 2.5) + 10% of (20 - 7) + 5% of (100 - 20) = 6.975
        assertThat(Fuzz.range(100, 100, 36500)).isEqualTo(new Fuzz.Range(93, 107));
        // never earlier than the day after the last review while the interval is longer than the elapsed days
        assertThat(Fuzz.range(3, 2, 36500)).isEqualTo(new Fuzz.Range(3, 4));
        // capped at the maximum interval; the spread still comes from the uncapped 400 days (delta 21.975)
        assertThat(Fuzz.range(400, 0, 365)).isEqualTo(new Fuzz.Range(343, 365));
    }

    @Test
    void fuzzRangesMatchTsFsrs() {
        List<Map<String, String>> rows = ReferenceData.rows("fuzz-range.csv");
        assertThat(rows).hasSize(400);
        for (Map<String, String> row : rows) {
            Fuzz.Range range = Fuzz.range(Integer.parseInt(row.get("interval")),
                    Long.parseLong(row.get("elapsed_days")), Integer.parseInt(row.get("maximum_interval")));
            assertThat(range).as(row.toString()).isEqualTo(
                    new Fuzz.Range(Integer.parseInt(row.get("min_ivl")), Integer.parseInt(row.get("max_ivl"))));
        }
    }

    @Test
    void aleaKnownValues() {
        // the first of ts-fsrs's alea test vectors for seed 12345
        assertThat(Alea.firstNumber("12345")).isEqualTo(0.27138191112317145);
        assertThat(Alea.firstNumber("1")).isEqualTo(Alea.firstNumber("1"));
        assertThat(Alea.firstNumber("1")).isNotEqualTo(Alea.firstNumber("3"));
    }

    @Test
    void theSeedFromItsPartsHashesAsTheSeedString() {
        // The fuzz seed from its parts is ts-fsrs's seed string: each draw, first or repeated, is the one that
        // string gives.
        SplittableRandom random = new SplittableRandom(11);
        long[] times = {0, 7, 99_999_999L, 100_000_000L, 100_000_001L, 1_700_000_000_000L, 1_763_261_192_934L,
            Long.MAX_VALUE, -1};
        for (int i = 0; i < 20_000; i++) {
            long millis = i < times.length ? times[i] : 1_600_000_000_000L + random.nextLong(400_000_000_000L);
            int reps = i % 50 == 0 ? -1 : random.nextInt(200);
            double number = switch (i % 3) {
                case 0 -> random.nextDouble() * 36_500 * 10;
                case 1 -> Math.round(random.nextDouble() * 1e6) / 1e3;
                default -> random.nextInt(100);
            };
            String seed = millis + "_" + reps + "_" + JsNumbers.toJsString(number);
            double expected = Alea.firstNumber(seed);
            assertThat(Alea.firstNumber(millis, reps, number)).as(seed).isEqualTo(expected);
            assertThat(Alea.firstNumber(millis, reps, number)).as(seed).isEqualTo(expected);
        }
    }

    @Test
    void numbersFormatLikeJavaScript() {
        List<Map<String, String>> rows = ReferenceData.rows("js-number-strings.csv");
        assertThat(rows).hasSizeGreaterThan(2000);
        for (Map<String, String> row : rows) {
            double value = Double.longBitsToDouble(Long.parseUnsignedLong(row.get("bits"), 16));
            assertThat(JsNumbers.toJsString(value)).as(row.get("bits")).isEqualTo(row.get("js_string"));
            assertThat(JsNumbers.toJsStringExact(value)).as(row.get("bits")).isEqualTo(row.get("js_string"));
        }
        assertThat(JsNumbers.toJsString(-2.5)).isEqualTo("-2.5");
        assertThat(JsNumbers.toJsString(-0.0)).isEqualTo("0");
        assertThat(JsNumbers.toJsString(Double.NaN)).isEqualTo("NaN");
    }

    @Test
    void fastNumberFormattingAgreesWithTheExactOne() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 40_000; i++) {
            double value = switch (i % 4) {
                case 0 -> Math.round(random.nextDouble(1, 10) * 1e8) / 1e8
                        * (Math.round(random.nextDouble(0.001, 36500) * 1e8) / 1e8);
                case 1 -> random.nextDouble(0.001, 1e15);
                case 2 -> Double.longBitsToDouble(random.nextLong(
                        Double.doubleToLongBits(0.001), Double.doubleToLongBits(1e15)));
                default -> random.nextDouble() * Math.pow(10, random.nextInt(-3, 16));
            };
            assertThat(JsNumbers.toJsString(value)).as("%s", value).isEqualTo(JsNumbers.toJsStringExact(value));
        }
    }
}
