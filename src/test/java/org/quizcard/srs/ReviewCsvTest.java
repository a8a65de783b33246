package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast paths of {@link ReviewCsv} against the JDK's own formatting and parsing. */
class ReviewCsvTest {

    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Test
    void fixedEightDecimalsAreExactlyStringFormat() {
        SplittableRandom random = new SplittableRandom(42);
        double[] edges = {0, -0.0, 1e-9, 4.9999999e-9, 5e-9, 0.000000005, 0.123456785, 1.000000005, 2.3065,
            36500, 999_999.99999999, 1e6, 1e7 + 0.1, 1e300, -1.5, Double.MIN_VALUE, Double.NaN,
            Double.POSITIVE_INFINITY};
        for (double x : edges) {
            assertFormatsLikeStringFormat(x);
        }
        for (int i = 0; i < 200_000; i++) {
            double x = switch (i % 4) {
                case 0 -> random.nextDouble() * 10;
                case 1 -> Math.round(random.nextDouble() * 36_500 * 1e8) / 1e8; // as the scheduler rounds
                case 2 -> Math.round(random.nextDouble() * 10 * 1e8) / 1e8 + (random.nextInt(3) - 1) * 5e-9;
                default -> Math.scalb(random.nextDouble(), random.nextInt(-40, 30));
            };
            assertFormatsLikeStringFormat(x);
        }
    }

    private static void assertFormatsLikeStringFormat(double x) {
        ReviewCsv.RowText out = new ReviewCsv.RowText(4);
        ReviewCsv.appendFixed8(out, x);
        assertThat(out.toString()).as("%s", x).isEqualTo(String.format(Locale.ROOT, "%.8f", x));
    }

    @Test
    void instantsParseAndPrintLikeJavaTime() {
        SplittableRandom random = new SplittableRandom(7);
        long min = Instant.parse("0000-01-01T00:00:00Z").toEpochMilli();
        long max = Instant.parse("9999-12-31T23:59:59.999Z").toEpochMilli();
        for (int i = 0; i < 100_000; i++) {
            Instant t = Instant.ofEpochMilli(i % 2 == 0 ? random.nextLong(min, max + 1)
                    : random.nextLong(0, 4_102_444_800_000L));
            String text = MILLIS.format(t);
            assertThat(ReviewCsv.parseInstant(text)).as(text).isEqualTo(t);
            ReviewCsv.RowText out = new ReviewCsv.RowText(4);
            ReviewCsv.appendInstant(out, t);
            assertThat(out.toString()).isEqualTo(text);
        }
        ReviewCsv.RowText far = new ReviewCsv.RowText(4);
        ReviewCsv.appendInstant(far, Instant.parse("+10000-01-01T00:00:00.123456Z"));
        assertThat(far.toString()).isEqualTo("+10000-01-01T00:00:00.123Z");
        assertThat(ReviewCsv.parseInstant("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(ReviewCsv.parseInstant("2024-01-01T10:00:00.5Z")).isEqualTo(Instant.parse("2024-01-01T10:00:00.5Z"));
        for (String bad : new String[] {"2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z",
            "2024-01-01T25:00:00.000Z", "2024-01-01T10:00:00.000", "2024-01-01", "", "2024-01-01T1a:00:00.000Z"}) {
            assertThat(ReviewCsv.parseInstant(bad)).as(bad).isNull();
        }
    }

    @Test
    void splitsTheRfc4180Subset() throws ReviewCsv.BadRowException {
        String[] fields = new String[3];
        assertThat(ReviewCsv.split("a,b,c", fields, 1)).isEqualTo(3);
        assertThat(fields).containsExactly("a", "b", "c");
        assertThat(ReviewCsv.split("\"a,\"\"b\"\"\",,\"\"", fields, 1)).isEqualTo(3);
        assertThat(fields).containsExactly("a,\"b\"", "", "");
        assertThat(ReviewCsv.split("a,b,c,", fields, 1)).isEqualTo(4);
        assertThat(ReviewCsv.split("", fields, 1)).isEqualTo(1);
        assertThatThrownBy(() -> ReviewCsv.split("\"a\"x,b,c", fields, 9))
                .isInstanceOfSatisfying(ReviewCsv.BadRowException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.reason()).isEqualTo("unexpected text after the closing quote of field 1");
                });
        ReviewCsv.RowText out = new ReviewCsv.RowText(4);
        ReviewCsv.appendField(out, "a,\"b\"");
        ReviewCsv.appendField(out, "plain");
        assertThat(out.toString()).isEqualTo("\"a,\"\"b\"\"\"plain");
    }

    @Test
    void theOutputDoesNotDependOnTheNumberOfThreads() throws Exception {
        StringBuilder input = new StringBuilder("card,reviewed_at,rating\n");
        SplittableRandom random = new SplittableRandom(3);
        long[] next = new long[300];
        Arrays.fill(next, Instant.parse("2023-01-01T00:00:00Z").toEpochMilli());
        for (int i = 0; i < 30_000; i++) {
            int card = random.nextInt(next.length);
            input.append("card ").append(card).append(',').append(MILLIS.format(Instant.ofEpochMilli(next[card])))
                    .append(',').append(1 + random.nextInt(4)).append('\n');
            next[card] += random.nextLong(60_000, 40 * 86_400_000L);
        }
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.of("+09:00")));
        String one = replay(new ReviewCsv(fsrs, 1), input.toString());
        assertThat(one.lines()).hasSize(30_001);
        assertThat(replay(new ReviewCsv(fsrs, 2), input.toString())).isEqualTo(one);
        assertThat(replay(new ReviewCsv(fsrs, 3), input.toString())).isEqualTo(one);

        // A bad row deep in a batch: every thread count prints exactly the rows before it.
        String[] lines = input.toString().split("\n");
        String row = lines[20_000];
        lines[20_000] = row.substring(0, row.length() - 1) + "7";
        assertStopsAt(fsrs, String.join("\n", lines), one, 20_001, "rating must be 1 to 4, not '7'");
        lines[20_000] = row + ",extra";
        assertStopsAt(fsrs, String.join("\n", lines), one, 20_001,
                "expected 3 columns (card,reviewed_at,rating), found 4");
    }

    private static void assertStopsAt(Fsrs fsrs, String input, String complete, int line, String reason) {
        for (int threads = 1; threads <= 3; threads++) {
            StringWriter out = new StringWriter();
            ReviewCsv replay = new ReviewCsv(fsrs, threads);
            assertThatThrownBy(() -> replay.replay(new StringReader(input), out))
                    .isInstanceOfSatisfying(ReviewCsv.BadRowException.class, e -> {
                        assertThat(e.line()).isEqualTo(line);
                        assertThat(e.reason()).isEqualTo(reason);
                    });
            assertThat(out.toString().lines().toList())
                    .containsExactlyElementsOf(complete.lines().limit(line - 1).toList());
        }
    }

    private static String replay(ReviewCsv replay, String input) throws Exception {
        StringWriter out = new StringWriter();
        replay.replay(new StringReader(input), out);
        return out.toString();
    }

    @Test
    void replaysWithoutClosingItsStreamsAndCountsReviews() throws Exception {
        ReviewCsv replay = new ReviewCsv(new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC)));
        StringWriter out = new StringWriter();
        long count = replay.replay(new StringReader("card,reviewed_at,rating\nx,2024-01-01T00:00:00.000Z,1\n\n"
                + "x,2024-01-01T00:01:00.000Z,3\n"), out);
        assertThat(count).isEqualTo(2);
        assertThat(out.toString().lines()).hasSize(3);
    }
}
