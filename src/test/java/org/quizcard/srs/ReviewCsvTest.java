package org.quizcard.srs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** {@link ReviewCsv}: its output and bad input, and its number and time formatting against the JDK's. */
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
        StringBuilder out = new StringBuilder();
        ReviewText.appendFixed8(out, x);
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
            assertThat(ReviewText.parseInstant(text)).as(text).isEqualTo(t);
            StringBuilder out = new StringBuilder();
            ReviewText.appendInstant(out, t);
            assertThat(out.toString()).isEqualTo(text);
        }
        StringBuilder far = new StringBuilder();
        ReviewText.appendInstant(far, Instant.parse("+10000-01-01T00:00:00.123456Z"));
        assertThat(far.toString()).isEqualTo("+10000-01-01T00:00:00.123Z");
        assertThat(ReviewText.parseInstant("2024-02-29T23:59:59Z")).isEqualTo(Instant.parse("2024-02-29T23:59:59Z"));
        assertThat(ReviewText.parseInstant("2024-01-01T10:00:00.5Z")).isEqualTo(Instant.parse("2024-01-01T10:00:00.5Z"));
        for (String bad : new String[] {"2023-02-29T00:00:00.000Z", "2024-13-01T00:00:00.000Z",
            "2024-01-01T25:00:00.000Z", "2024-01-01T10:00:00.000", "2024-01-01", "", "2024-01-01T1a:00:00.000Z"}) {
            assertThat(ReviewText.parseInstant(bad)).as(bad).isNull();
        }
    }

    @Test
    void splitsTheRfc4180Subset() throws ReviewCsv.BadRowException {
        String[] fields = new String[3];
        assertThat(ReviewText.split("a,b,c", fields, 1)).isEqualTo(3);
        assertThat(fields).containsExactly("a", "b", "c");
        assertThat(ReviewText.split("\"a,\"\"b\"\"\",,\"\"", fields, 1)).isEqualTo(3);
        assertThat(fields).containsExactly("a,\"b\"", "", "");
        assertThat(ReviewText.split("a,b,c,", fields, 1)).isEqualTo(4);
        assertThat(ReviewText.split("", fields, 1)).isEqualTo(1);
        assertThatThrownBy(() -> ReviewText.split("\"a\"x,b,c", fields, 9))
                .isInstanceOfSatisfying(ReviewCsv.BadRowException.class, e -> {
                    assertThat(e.line()).isEqualTo(9);
                    assertThat(e.reason()).isEqualTo("unexpected text after the closing quote of field 1");
                });
        StringBuilder out = new StringBuilder();
        ReviewText.appendField(out, "a,\"b\"");
        ReviewText.appendField(out, "plain");
        assertThat(out.toString()).isEqualTo("\"a,\"\"b\"\"\"plain");
    }

    @Test
    void aLongLogIsReplayedAsTheSchedulerReviewsEachCardAndStopsAtABadRowDeepInIt() throws Exception {
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
        String one = replay(new ReviewCsv(fsrs), input.toString());
        assertThat(one.lines()).hasSize(30_001);
        assertThat(one).isEqualTo(reviewedOneByOne(fsrs, input.toString()));

        // A bad row deep in the log: exactly the rows before it are printed.
        String[] lines = input.toString().split("\n");
        String row = lines[20_000];
        lines[20_000] = row.substring(0, row.length() - 1) + "7";
        assertStopsAt(fsrs, String.join("\n", lines), one, 20_001, "rating must be 1 to 4, not '7'");
        lines[20_000] = row + ",extra";
        assertStopsAt(fsrs, String.join("\n", lines), one, 20_001,
                "expected 3 columns (card,reviewed_at,rating), found 4");
    }

    /** The replay's output for an input of plain rows, computed here with the scheduler and the JDK's formatting. */
    private static String reviewedOneByOne(Fsrs fsrs, String input) {
        StringBuilder expected = new StringBuilder(ReviewCsv.OUTPUT_HEADER).append('\n');
        Map<String, Card> cards = new HashMap<>();
        input.lines().skip(1).forEach(line -> {
            String[] cells = line.split(",");
            Card after = fsrs.review(cards.getOrDefault(cells[0], Card.NEW), Instant.parse(cells[1]),
                    Rating.of(Integer.parseInt(cells[2])));
            cards.put(cells[0], after);
            expected.append(String.join(",", cells[0], cells[1], cells[2], after.state().csvName(),
                    String.format(Locale.ROOT, "%.8f", after.stability()),
                    String.format(Locale.ROOT, "%.8f", after.difficulty()), MILLIS.format(after.due()))).append('\n');
        });
        return expected.toString();
    }

    private static void assertStopsAt(Fsrs fsrs, String input, String complete, int line, String reason) {
        StringWriter out = new StringWriter();
        ReviewCsv replay = new ReviewCsv(fsrs);
        assertBadRow(() -> replay.replay(utf8(input), out), line, reason);
        assertThat(out.toString().lines().toList())
                .containsExactlyElementsOf(complete.lines().limit(line - 1).toList());
    }

    private static void assertBadRow(ThrowingCallable replay, int line, String reason) {
        assertThatThrownBy(replay).isInstanceOfSatisfying(ReviewCsv.BadRowException.class, e -> {
            assertThat(e.line()).isEqualTo(line);
            assertThat(e.reason()).isEqualTo(reason);
        });
    }

    private static String replay(ReviewCsv replay, String input) throws Exception {
        StringWriter out = new StringWriter();
        replay.replay(utf8(input), out);
        return out.toString();
    }

    private static InputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void linesEndAndSplitAsInDecodedText() throws Exception {
        // Every line break BufferedReader knows, names in several scripts and quoted, a line longer than the read
        // buffer, and a byte order mark: read from the bytes, the rows must be those of the decoded text.
        String longName = "n".repeat(70_000);
        String[] names = {"plain", "caf\u00e9", "\u65e5\u672c", "emoji \uD83D\uDE00", "\"quoted, with comma\"", longName,
            "\"say \"\"hi\"\"\""};
        String[] breaks = {"\n", "\r\n", "\r"};
        StringBuilder text = new StringBuilder("\uFEFFcard,reviewed_at,rating\r\n");
        StringBuilder plain = new StringBuilder("card,reviewed_at,rating\n");
        Instant at = Instant.parse("2024-03-01T08:00:00Z");
        for (int i = 0; i < 60; i++) {
            String row = names[i % names.length] + "," + MILLIS.format(at.plusSeconds(86_400L * i)) + "," + (1 + i % 4);
            text.append(row).append(breaks[i % breaks.length]);
            plain.append(row).append('\n');
            if (i % 9 == 0) {
                text.append(breaks[(i / 9) % breaks.length]); // an empty line
            }
        }
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC));
        String expected = replay(new ReviewCsv(fsrs), plain.toString());
        assertThat(expected.lines()).hasSize(61).anyMatch(line -> line.startsWith("caf\u00e9,"))
                .anyMatch(line -> line.startsWith("\"say \"\"hi\"\"\","));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 2, 3, 7, 1 << 20}) {
            StringWriter out = new StringWriter();
            new ReviewCsv(fsrs).replay(new ChunkedInput(bytes, chunk), out);
            assertThat(out.toString()).as("reads of %d bytes", chunk).isEqualTo(expected);
        }
        // Line numbers count the same breaks: a bad last row is reported on the line String.lines() puts it.
        String withBadRow = text + "x,2024-03-01T08:00:00.000Z,9";
        byte[] badBytes = withBadRow.getBytes(StandardCharsets.UTF_8);
        for (int chunk : new int[] {1, 1 << 20}) {
            assertThatThrownBy(() -> new ReviewCsv(fsrs).replay(new ChunkedInput(badBytes, chunk),
                    new StringWriter()))
                    .isInstanceOfSatisfying(ReviewCsv.BadRowException.class,
                            e -> assertThat(e.line()).isEqualTo((int) withBadRow.lines().count()));
        }
    }

    @Test
    void aLineThatIsNotUtf8StopsTheReplayThere() throws Exception {
        StringBuilder input = new StringBuilder("card,reviewed_at,rating\n");
        for (int i = 0; i < 20; i++) {
            input.append("c").append(i % 3).append(',').append(MILLIS.format(Instant.ofEpochSecond(1_700_000_000L
                    + 86_400L * i))).append(",3\n");
        }
        byte[] good = input.toString().getBytes(StandardCharsets.UTF_8);
        byte[] bad = (input + "caf\u00e9,2024-01-01T00:00:00.000Z,3\nc1,2024-01-02T00:00:00.000Z,3\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC));
        StringWriter complete = new StringWriter();
        new ReviewCsv(fsrs).replay(new ByteArrayInputStream(good), complete);
        StringWriter out = new StringWriter();
        assertThatThrownBy(() -> new ReviewCsv(fsrs).replay(new ByteArrayInputStream(bad), out))
                .isInstanceOfSatisfying(ReviewCsv.BadRowException.class, e -> {
                    assertThat(e.line()).isEqualTo(22);
                    assertThat(e.reason()).isEqualTo("not valid UTF-8 text");
                });
        assertThat(out.toString()).isEqualTo(complete.toString());
    }

    /** An input stream that returns at most {@code chunk} bytes per read, as pipes and sockets may. */
    private static final class ChunkedInput extends ByteArrayInputStream {
        private final int chunk;

        ChunkedInput(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override
        public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }
    }

    @Test
    void everyCardKeepsItsOwnStateAmongManyWithEqualHashCodes() throws Exception {
        // 20,000 cards, half of them with one and the same hash code (names of 16 blocks "Aa" or "BB", which hash
        // alike), each reviewed twice: every second review must go on from its own card's first.
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withEnableFuzz(false));
        int count = 20_000;
        Instant first = Instant.parse("2024-01-01T00:00:00Z");
        StringBuilder input = new StringBuilder("card,reviewed_at,rating\n");
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < count; i++) {
                String name = i % 2 == 0 ? "c" + i : equalHashName(i);
                Instant at = first.plusSeconds(pass * 3 * 86_400L + i);
                input.append(name).append(',').append(MILLIS.format(at)).append(',').append(1 + (i + pass) % 4)
                        .append('\n');
            }
        }
        String output = replay(new ReviewCsv(fsrs), input.toString());
        assertThat(output.lines()).hasSize(2 * count + 1);
        assertThat(output).isEqualTo(reviewedOneByOne(fsrs, input.toString()));
    }

    /** One of the 65,536 names of 16 blocks "Aa" or "BB", by the bits of {@code i}: all have the same hash code. */
    private static String equalHashName(int i) {
        StringBuilder name = new StringBuilder();
        for (int bit = 0; bit < 16; bit++) {
            name.append((i >> bit & 1) == 0 ? "Aa" : "BB");
        }
        assertThat(name.toString().hashCode()).isEqualTo("Aa".repeat(16).hashCode());
        return name.toString();
    }

    @Test
    void aLineIsTooLongFromOneMebibyteOfBytesOn() throws Exception {
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC));
        String rest = ",2024-01-01T00:00:00.000Z,3";
        String longest = "n".repeat(Utf8Lines.MAX_LINE_BYTES - 1 - rest.length()) + rest;
        String header = "card,reviewed_at,rating\n";
        String before = "x,2024-01-01T00:00:00.000Z,3\n";
        StringWriter out = new StringWriter();
        assertThat(new ReviewCsv(fsrs).replay(utf8(header + before + longest + "\n"), out)).isEqualTo(2);
        assertThat(out.toString()).contains(longest.substring(0, 1000));

        // one byte more, in a character of two bytes: the limit is on bytes, and the rows before it are written
        String tooLong = "\u00e9" + longest.substring(1);
        for (String end : new String[] {"\n", "\r\n", ""}) {
            StringWriter partial = new StringWriter();
            assertBadRow(() -> new ReviewCsv(fsrs).replay(utf8(header + before + tooLong + end), partial), 3,
                    "longer than 1 MiB; not a review history");
            assertThat(partial.toString().lines()).hasSize(2);
        }
    }

    @Test
    void aDueDateBeyondTheYearsThatCanBeWrittenIsABadRowAfterTheRowsBeforeIt() throws Exception {
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC).withEnableFuzz(false));
        String good = "card,reviewed_at,rating\na,2026-01-01T00:00:00.000Z,3\n";
        String complete = replay(new ReviewCsv(fsrs), good);
        StringWriter out = new StringWriter();
        assertBadRow(() -> new ReviewCsv(fsrs).replay(utf8(good + "a,+999999999-12-31T00:00:00Z,4\n"), out), 3,
                "reviewed_at '+999999999-12-31T00:00:00Z' is outside the range of dates that can be scheduled");
        assertThat(out.toString()).isEqualTo(complete);
    }

    @Test
    void textAroundTheMarkForBytesThatAreNotUtf8IsReadAsWritten() throws Exception {
        // U+10000 decodes to the surrogate pair D800 DC00, and U+FFFD is the usual replacement character: both are
        // valid text in names, at the start, inside and at the end of a field.
        String[] names = {"\uD800\uDC00", "a\uD800\uDC00b", "\uFFFD", "x\uFFFD", "\uDBFF\uDFFF"};
        StringBuilder input = new StringBuilder("card,reviewed_at,rating\n");
        for (String name : names) {
            input.append(name).append(",2024-01-01T00:00:00.000Z,3\n");
        }
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC));
        List<String> rows = replay(new ReviewCsv(fsrs), input.toString()).lines().skip(1).toList();
        assertThat(rows).hasSize(names.length);
        for (int i = 0; i < names.length; i++) {
            assertThat(rows.get(i)).startsWith(names[i] + ",2024-01-01T00:00:00.000Z,3,learning,");
        }
        // bytes that are not UTF-8 next to a surrogate pair, and read a byte at a time
        byte[] bad = ("card,reviewed_at,rating\nx,2024-01-01T00:00:00.000Z,3\n\uD800\uDC00")
                .getBytes(StandardCharsets.UTF_8);
        byte[] withBadByte = Arrays.copyOf(bad, bad.length + 29);
        withBadByte[bad.length] = (byte) 0xED; // the start of an encoded surrogate, which UTF-8 does not allow
        System.arraycopy(",2024-01-01T00:00:00.000Z,3\n".getBytes(StandardCharsets.US_ASCII), 0, withBadByte,
                bad.length + 1, 28);
        for (int chunk : new int[] {1, 1 << 20}) {
            StringWriter out = new StringWriter();
            assertBadRow(() -> new ReviewCsv(fsrs).replay(new ChunkedInput(withBadByte, chunk), out), 3,
                    "not valid UTF-8 text");
            assertThat(out.toString().lines()).hasSize(2);
        }
    }

    @Test
    void replaysWithoutClosingItsStreamsAndCountsReviews() throws Exception {
        ReviewCsv replay = new ReviewCsv(new Fsrs(SchedulerConfig.defaults().withZone(ZoneOffset.UTC)));
        StringWriter out = new StringWriter();
        long count = replay.replay(utf8("card,reviewed_at,rating\nx,2024-01-01T00:00:00.000Z,1\n\n"
                + "x,2024-01-01T00:01:00.000Z,3\n"), out);
        assertThat(count).isEqualTo(2);
        assertThat(out.toString().lines()).hasSize(3);
    }
}
