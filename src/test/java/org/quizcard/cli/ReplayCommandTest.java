package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizcard.srs.SchedulerConfig;
import picocli.CommandLine;

/** {@code quizcard replay}: output format, the public FSRS vectors, ts-fsrs reference histories and bad input. */
class ReplayCommandTest {
    private static final String HEADER = "card,reviewed_at,rating\n";
    private static final String OUT_HEADER = "card,reviewed_at,rating,state,stability,difficulty,due";
    private static final String[] UTC_MIDNIGHT = {"--zone", "UTC", "--day-start", "0"};
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void printsOneRowPerReviewAfterTheHeader() throws IOException {
        CliRunner.Run run = replay("", "--zone", "UTC", "--day-start", "0", "--no-fuzz",
                file(HEADER + "c1,2022-11-29T12:30:00.000Z,3\n"));
        assertThat(run.err()).isEmpty();
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(OUT_HEADER + "\n"
                + "c1,2022-11-29T12:30:00.000Z,3,learning,2.30650000,2.11810397,2022-11-29T12:40:00.000Z\n");
    }

    @Test
    void reproducesTheTsFsrsIntervalVectorWhenEachReviewIsAtTheDueOfThePreviousOne() throws IOException {
        int[] ratings = {3, 3, 3, 3, 3, 3, 1, 1, 3, 3, 3, 3, 3};
        StringBuilder input = new StringBuilder(HEADER);
        String reviewedAt = "2022-11-29T12:30:00.000Z";
        List<String> rows = List.of();
        for (int rating : ratings) {
            input.append("card,").append(reviewedAt).append(',').append(rating).append('\n');
            CliRunner.Run run = replay("", "--zone", "UTC", "--day-start", "0", "--no-fuzz", file(input.toString()));
            assertThat(run.exit()).as(run.err()).isZero();
            rows = run.out().lines().skip(1).collect(Collectors.toList());
            reviewedAt = rows.get(rows.size() - 1).split(",")[6];
        }
        List<Long> intervals = new ArrayList<>();
        for (String row : rows) {
            String[] cells = row.split(",");
            intervals.add(Duration.between(Instant.parse(cells[1]), Instant.parse(cells[6])).toDays());
        }
        assertThat(intervals).containsExactly(0L, 2L, 11L, 46L, 163L, 498L, 0L, 0L, 2L, 4L, 7L, 12L, 21L);
        assertThat(rows.get(0)).startsWith("card,2022-11-29T12:30:00.000Z,3,learning,");
        assertThat(rows.get(5)).contains(",review,");
        assertThat(rows.get(6)).contains(",relearning,");
    }

    @Test
    void matchesTheTsFsrsReferenceHistories() throws IOException {
        Map<String, List<String[]>> byConfig = referenceRows();
        for (String config : List.of("default", "default-fuzz")) {
            List<String[]> rows = byConfig.get(config);
            assertThat(rows).as(config).hasSizeGreaterThan(500);
            StringBuilder input = new StringBuilder(HEADER);
            StringBuilder expected = new StringBuilder(OUT_HEADER).append('\n');
            for (String[] r : rows) {
                // config,card,seq,review_ms,rating,state,stability,difficulty,step,scheduled_days,reps,lapses,due_ms
                String card = "card " + r[1];
                String at = MILLIS.format(Instant.ofEpochMilli(Long.parseLong(r[3])));
                input.append(card).append(',').append(at).append(',').append(r[4]).append('\n');
                expected.append(String.join(",", card, at, r[4], r[5],
                        String.format(Locale.ROOT, "%.8f", Double.parseDouble(r[6])),
                        String.format(Locale.ROOT, "%.8f", Double.parseDouble(r[7])),
                        MILLIS.format(Instant.ofEpochMilli(Long.parseLong(r[12]))))).append('\n');
            }
            List<String> args = new ArrayList<>(List.of(UTC_MIDNIGHT));
            if (config.equals("default")) args.add("--no-fuzz");
            args.add(file(input.toString()));
            CliRunner.Run run = replay("", args.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
            assertThat(run.out().lines()).as(config).containsExactlyElementsOf(expected.toString().lines().toList());
        }
    }

    @Test
    void readsStandardInputForADash() throws IOException {
        String input = HEADER + "a,2024-01-01T10:00:00.000Z,4\n";
        CliRunner.Run fromStdin = replay(input, "--zone", "UTC", "-");
        CliRunner.Run fromFile = replay("", "--zone", "UTC", file(input));
        assertThat(fromStdin.exit()).isZero();
        assertThat(fromStdin.out()).isEqualTo(fromFile.out()).contains("a,2024-01-01T10:00:00.000Z,4,review,");
    }

    @Test
    void interleavedCardsAreReplayedIndependently() throws IOException {
        String a = "a,2024-01-01T10:00:00.000Z,3\na,2024-01-01T10:10:00.000Z,3\na,2024-01-05T09:00:00.000Z,2\n"
                + "a,2024-02-01T09:00:00.000Z,1\n";
        String b = "b,2024-01-01T11:00:00.000Z,1\nb,2024-01-02T08:00:00.000Z,4\nb,2024-01-20T08:00:00.000Z,3\n";
        List<String> aRows = a.lines().toList();
        List<String> bRows = b.lines().toList();
        String interleaved = HEADER + String.join("\n", aRows.get(0), bRows.get(0), aRows.get(1), bRows.get(1),
                aRows.get(2), bRows.get(2), aRows.get(3)) + "\n";

        List<String> together = replay("", "--zone", "UTC", file(interleaved)).out().lines().toList();
        List<String> aAlone = replay("", "--zone", "UTC", file(HEADER + a)).out().lines().toList();
        List<String> bAlone = replay("", "--zone", "UTC", file(HEADER + b)).out().lines().toList();

        assertThat(together).hasSize(8);
        assertThat(together.stream().filter(l -> l.startsWith("a,"))).containsExactlyElementsOf(aAlone.subList(1, 5));
        assertThat(together.stream().filter(l -> l.startsWith("b,"))).containsExactlyElementsOf(bAlone.subList(1, 4));
    }

    @Test
    void fuzzIsOnByDefaultAndDeterministic() throws IOException {
        StringBuilder input = new StringBuilder(HEADER);
        Instant t = Instant.parse("2023-03-01T08:00:00Z");
        for (int card = 0; card < 20; card++) {
            for (int i = 0; i < 8; i++) {
                input.append("c").append(card).append(',').append(MILLIS.format(t.plus(Duration.ofDays(i * 40L))))
                        .append(",3\n");
            }
            t = t.plusSeconds(3_601);
        }
        String path = file(input.toString());
        CliRunner.Run first = replay("", "--zone", "UTC", path);
        CliRunner.Run second = replay("", "--zone", "UTC", path);
        CliRunner.Run unfuzzed = replay("", "--zone", "UTC", "--no-fuzz", path);
        assertThat(first.exit()).isZero();
        assertThat(first.out()).isEqualTo(second.out()).isNotEqualTo(unfuzzed.out());
        assertThat(first.out().lines()).hasSize(161);
    }

    @Test
    void quotedCardNamesAreReadAndWrittenAsCsv() throws IOException {
        CliRunner.Run run = replay("", "--zone", "UTC", file(HEADER
                + "\"a,b\",2024-01-01T10:00:00.000Z,3\n"
                + "\"say \"\"hi\"\"\",2024-01-01T10:00:00.000Z,3\n"
                + "\"a,b\",2024-01-01T10:20:00.000Z,3\n"));
        assertThat(run.exit()).as(run.err()).isZero();
        List<String> rows = run.out().lines().toList();
        assertThat(rows.get(1)).startsWith("\"a,b\",2024-01-01T10:00:00.000Z,3,learning,");
        assertThat(rows.get(2)).startsWith("\"say \"\"hi\"\"\",2024-01-01T10:00:00.000Z,3,learning,");
        assertThat(rows.get(3)).startsWith("\"a,b\",2024-01-01T10:20:00.000Z,3,review,");
    }

    @Test
    void schedulerOptionsChangeTheSchedule() throws IOException {
        String path = file(HEADER + "c,2024-01-01T10:00:00.000Z,4\n");
        String defaults = replay("", "--zone", "UTC", path).out();
        assertThat(replay("", "--zone", "UTC", "--params", weights(SchedulerConfig.DEFAULT_WEIGHTS), path).out())
                .isEqualTo(defaults);
        assertThat(replay("", "--zone", "UTC", "--retention", "0.8", path).out()).isNotEqualTo(defaults);
        assertThat(replay("", "--zone", "UTC", "--max-interval", "3", "--no-fuzz", path).out())
                .endsWith(",2024-01-04T10:00:00.000Z\n");
        List<Double> w = new ArrayList<>(SchedulerConfig.DEFAULT_WEIGHTS);
        w.set(3, 20.0);
        assertThat(replay("", "--zone", "UTC", "--no-fuzz", "--params", weights(w), path).out())
                .contains(",review,20.00000000,");
    }

    static Stream<Arguments> badRows() {
        String ok = "c,2022-11-29T12:30:00.000Z,3\n";
        return Stream.of(
                Arguments.of(HEADER + ok.repeat(5) + "c,2022-12-01T12:30:00.000Z,5\n", 7,
                        "rating must be 1 to 4, not '5'"),
                Arguments.of(HEADER + "c,2022-11-29T12:30:00.000Z,\n", 2, "rating must be 1 to 4, not ''"),
                Arguments.of(HEADER + ok + "c,2022-11-29T12:30:00.000Z,3,x\n", 3,
                        "expected 3 columns (card,reviewed_at,rating), found 4"),
                Arguments.of(HEADER + "c,2022-11-29T12:30:00.000Z\n", 2,
                        "expected 3 columns (card,reviewed_at,rating), found 2"),
                Arguments.of(HEADER + "c,yesterday,3\n", 2,
                        "reviewed_at must be an ISO-8601 instant like 2022-11-29T12:30:00.000Z, not 'yesterday'"),
                Arguments.of(HEADER + "c,2022-02-30T12:30:00.000Z,3\n", 2,
                        "reviewed_at must be an ISO-8601 instant like 2022-11-29T12:30:00.000Z, "
                                + "not '2022-02-30T12:30:00.000Z'"),
                Arguments.of(HEADER + ok + "d,2022-11-28T12:30:00.000Z,3\n" + "c,2022-11-29T12:29:59.999Z,3\n", 4,
                        "card 'c' reviewed at 2022-11-29T12:29:59.999Z, earlier than its previous review at "
                                + "2022-11-29T12:30:00.000Z (each card's reviews must be in time order)"),
                Arguments.of(HEADER + "\"c,2022-11-29T12:30:00.000Z,3\n", 2, "quoted field 1 is not closed"),
                Arguments.of(HEADER + ",2022-11-29T12:30:00.000Z,3\n", 2, "card must not be empty"),
                Arguments.of(ok, 1,
                        "missing header: the first line must be card,reviewed_at,rating, not '" + ok.strip() + "'"),
                Arguments.of("", 1, "missing header card,reviewed_at,rating: the input is empty"));
    }

    @ParameterizedTest
    @MethodSource("badRows")
    void aBadRowIsReportedAsPathLineAndExitTwo(String input, int line, String message) throws IOException {
        String path = file(input);
        CliRunner.Run run = replay("", "--zone", "UTC", path);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard replay: " + path + ":" + line + ": " + message + "\n");
        // Streaming: the rows before the bad one were printed.
        long rowsBefore = input.lines().limit(line - 1).skip(1).filter(l -> !l.isEmpty()).count();
        assertThat(run.out().lines().count()).isEqualTo(line == 1 ? 0 : rowsBefore + 1);
    }

    @Test
    void badRowsOnStandardInputAreNamedStdin() {
        CliRunner.Run run = replay(HEADER + "c,2022-11-29T12:30:00.000Z,0\n", "-");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard replay: <stdin>:2: rating must be 1 to 4, not '0'\n");
    }

    @Test
    void aLineLongerThanAMebibyteIsBadInputAtItsLine() throws IOException {
        Path path = dir.resolve("long.csv");
        try (var out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(HEADER + "a,2022-11-29T12:30:00.000Z,3\n");
            out.write("x".repeat(3 << 20));
            out.write("\n");
        }
        CliRunner.Run run = replay("", path.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard replay: " + path + ":3: longer than 1 MiB; not a review history\n");
    }

    @Test
    void aDateBeyondWhatCanBeScheduledIsBadInputAtItsLine() throws IOException {
        Path path = dir.resolve("far.csv");
        Files.writeString(path, HEADER + "a,2026-01-01T00:00:00Z,3\na,+999999999-12-31T00:00:00Z,3\n");
        CliRunner.Run run = replay("", path.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard replay: " + path + ":3: reviewed_at ").hasLineCount(1);
    }

    @Test
    void invalidUtf8IsBadInput() throws IOException {
        Path path = dir.resolve("latin1.csv");
        Files.write(path, (HEADER + "caf\u00e9,2022-11-29T12:30:00.000Z,3\n").getBytes(StandardCharsets.ISO_8859_1));
        CliRunner.Run run = replay("", path.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard replay: " + path + ":2: not valid UTF-8 text\n");
    }

    @Test
    void aMissingFileIsBadInput() {
        CliRunner.Run run = replay("", "no/such/reviews.csv");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).isEqualTo("quizcard replay: no/such/reviews.csv: no such file\n");
        assertThat(replay("", dir.toString()).err()).isEqualTo("quizcard replay: " + dir + ": is a directory\n");
    }

    @Test
    void badSchedulerSettingsAreBadInput() throws IOException {
        String path = file(HEADER);
        assertThat(replay("", "--params", "1,2,3", path).err())
                .isEqualTo("quizcard replay: --params needs exactly 21 comma-separated numbers (w0,...,w20), got 3\n");
        List<String> w = new ArrayList<>(Arrays.asList(weights(SchedulerConfig.DEFAULT_WEIGHTS).split(",")));
        w.set(2, "two");
        assertThat(replay("", "--params", String.join(",", w), path).err())
                .isEqualTo("quizcard replay: --params: 'two' is not a number\n");
        w.set(2, "2.3065");
        w.set(4, "0.5");
        CliRunner.Run outOfRange = replay("", "--params", String.join(",", w), path);
        assertThat(outOfRange.exit()).isEqualTo(2);
        assertThat(outOfRange.err()).isEqualTo(
                "quizcard replay: weight w4 = 0.5 is outside its allowed range [1.0, 10.0]\n");
        assertThat(replay("", "--retention", "1.5", path).err())
                .isEqualTo("quizcard replay: --retention must be in (0, 1), got 1.5\n");
        assertThat(replay("", "--day-start", "24", path).exit()).isEqualTo(2);
        assertThat(replay("", "--max-interval", "0", path).exit()).isEqualTo(2);
        assertThat(replay("", "--zone", "Mars/Olympus", path).err())
                .isEqualTo("quizcard replay: --zone: unknown time zone 'Mars/Olympus'\n");
        assertThat(replay("", "--retention", "high", path).exit()).isEqualTo(2);
    }

    @Test
    void aHeaderAloneGivesAHeaderAlone() throws IOException {
        CliRunner.Run run = replay("", file("\uFEFFCard, reviewed_at ,RATING\r\n"));
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo(OUT_HEADER + "\n");
    }

    @Test
    void helpHasAnExample() {
        CliRunner.Run run = replay("", "--help");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).contains("Examples:", "quizcard replay --zone UTC", "--no-fuzz", "--params");
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private String file(String content) throws IOException {
        Path path = Files.createTempFile(dir, "reviews", ".csv");
        Files.writeString(path, content);
        return path.toString();
    }

    private static String weights(List<Double> w) {
        return w.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    /**
     * Runs {@code quizcard replay ARGS} like {@link CliRunner} does, through {@link Main}'s command line with its
     * error handling. Until QuizcardCommand lists ReplayCommand, the subcommand is added here.
     */
    private static CliRunner.Run replay(String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Map.of(),
                Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC), false);
        CommandLine cli = Main.commandLine(context);
        if (!cli.getSubcommands().containsKey("replay")) {
            cli.addSubcommand(new ReplayCommand().in(context));
            cli.setOut(context.out());
            cli.setErr(context.err());
        }
        String[] full = new String[args.length + 1];
        full[0] = "replay";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = cli.execute(full);
        context.out().flush();
        context.err().flush();
        return new CliRunner.Run(exit, out.toString(), err.toString());
    }

    /** The rows of reference.csv by configuration id, in file order. */
    private static Map<String, List<String[]>> referenceRows() throws IOException {
        Map<String, List<String[]>> byConfig = new LinkedHashMap<>();
        try (InputStream in = ReplayCommandTest.class.getResourceAsStream("/fsrs/reference.csv")) {
            assertThat(in).as("reference.csv on the test classpath").isNotNull();
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
            assertThat(lines.get(0)).isEqualTo("config,card,seq,review_ms,rating,state,stability,difficulty,step,"
                    + "scheduled_days,reps,lapses,due_ms");
            for (String line : lines.subList(1, lines.size())) {
                String[] cells = line.split(",", -1);
                byConfig.computeIfAbsent(cells[0], k -> new ArrayList<>()).add(cells);
            }
        }
        return byConfig;
    }
}
