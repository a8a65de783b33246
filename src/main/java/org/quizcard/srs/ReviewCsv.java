package org.quizcard.srs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Reader;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Replays a CSV review log ({@code card,reviewed_at,rating}) through an {@link Fsrs} scheduler and writes each
 * card's state after every review as CSV. It streams: only the latest {@link Card} of each card is kept in memory,
 * and rows pass through in batches of a few thousand.
 */
public final class ReviewCsv {

    /** The header the input must start with. */
    public static final String INPUT_HEADER = "card,reviewed_at,rating";
    /** The header of the output. */
    public static final String OUTPUT_HEADER = "card,reviewed_at,rating,state,stability,difficulty,due";

    private static final int OUTPUT_BUFFER = 1 << 15;
    private static final int BATCH_SIZE = 8192;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range printed with four-digit years. */
    private static final long FOUR_DIGIT_YEARS_MIN = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_MAX = 253_402_300_799L;
    private static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] HEADER_NAMES = INPUT_HEADER.split(",");
    private static final int MAX_QUOTED = 40;

    private final Fsrs fsrs;
    private final int threads;

    /** A replay that schedules with {@code fsrs} on up to four threads. */
    public ReviewCsv(Fsrs fsrs) {
        this(fsrs, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * A replay that schedules with {@code fsrs} on {@code threads} threads, each owning the cards whose names hash
     * to it, while the calling thread reads ahead and writes; the output does not depend on {@code threads}.
     * With 1, everything runs on the calling thread.
     */
    public ReviewCsv(Fsrs fsrs, int threads) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.threads = threads;
    }

    /**
     * Reads reviews from {@code in} and writes {@link #OUTPUT_HEADER} and one row per review to {@code out}, then
     * flushes {@code out} (also when a bad row stops the replay: the rows before it are written, none after).
     * Neither stream is closed.
     *
     * @return the number of reviews replayed
     * @throws BadRowException if a line is not a valid review, or the input does not start with the header
     * @throws IOException     if reading or writing fails, e.g. a {@link java.nio.charset.CharacterCodingException}
     *                         from a strict decoder (whose read-ahead hides the line)
     */
    public long replay(Reader in, Writer out) throws IOException, BadRowException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        checkHeader(reader.readLine());

        Output output = new Output(out);
        output.append(OUTPUT_HEADER + "\n");
        Partition[] partitions = new Partition[threads];
        for (int p = 0; p < threads; p++) {
            partitions[p] = new Partition(p);
        }
        ExecutorService workers = threads == 1 ? null : Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "quizcard-replay");
            thread.setDaemon(true);
            return thread;
        });
        // Two batches in turn: while the workers schedule one, this thread reads the next.
        Batch current = new Batch(threads);
        Batch next = new Batch(threads);
        Input input = new Input(reader);
        long reviews = 0;
        try {
            input.fill(current);
            List<Future<?>> running = schedule(current, partitions, workers);
            while (true) {
                if (current.more) {
                    input.fill(next);
                }
                await(running);
                int failed = current.firstFailedPartition();
                int rows = failed < 0 ? current.size : current.errorRow[failed];
                boolean goOn = failed < 0 && current.columnError == null && current.more;
                if (goOn) {
                    running = schedule(next, partitions, workers);
                }
                output.appendRows(current, rows);
                reviews += rows;
                if (failed >= 0) {
                    throw current.error[failed];
                }
                if (current.columnError != null) {
                    throw current.columnError;
                }
                if (!goOn) {
                    return reviews;
                }
                Batch done = current;
                current = next;
                next = done;
            }
        } finally {
            if (workers != null) {
                workers.shutdownNow();
            }
            output.drain();
            out.flush();
        }
    }

    private static void checkHeader(String line) throws BadRowException {
        if (line == null) {
            throw new BadRowException(1, "missing header " + INPUT_HEADER + ": the input is empty");
        }
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        String[] fields = new String[3];
        boolean ok;
        try {
            ok = split(text, fields, 1) == 3;
        } catch (BadRowException e) {
            ok = false;
        }
        for (int i = 0; ok && i < 3; i++) {
            ok = fields[i].strip().equalsIgnoreCase(HEADER_NAMES[i]);
        }
        if (!ok) {
            throw new BadRowException(1, "missing header: the first line must be " + INPUT_HEADER + ", not "
                    + quoted(text));
        }
    }

    /** Starts scheduling every partition of the batch on the workers, or runs them here if there are none. */
    private static List<Future<?>> schedule(Batch batch, Partition[] partitions, ExecutorService workers) {
        if (workers == null) {
            for (Partition partition : partitions) {
                partition.run(batch);
            }
            return List.of();
        }
        List<Future<?>> running = new ArrayList<>(partitions.length);
        for (Partition partition : partitions) {
            running.add(workers.submit(() -> partition.run(batch)));
        }
        return running;
    }

    private static void await(List<Future<?>> running) throws IOException {
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("replay interrupted");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Reads the log into batches of split rows, counting lines. */
    private static final class Input {
        private final BufferedReader reader;
        private final String[] fields = new String[3];
        private int lineNumber = 1;

        Input(BufferedReader reader) {
            this.reader = reader;
        }

        /**
         * Fills {@code batch} with up to {@link #BATCH_SIZE} rows; stops early at the end of the input or at a line
         * without three columns (kept as the batch's column error).
         */
        void fill(Batch batch) throws IOException {
            batch.clear();
            while (batch.size < BATCH_SIZE) {
                String line = reader.readLine();
                if (line == null) {
                    batch.more = false;
                    return;
                }
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                BadRowException problem;
                try {
                    int count = split(line, fields, lineNumber);
                    problem = count == 3 ? null : new BadRowException(lineNumber,
                            "expected 3 columns (" + INPUT_HEADER + "), found " + count);
                } catch (BadRowException e) {
                    problem = e;
                }
                if (problem != null) {
                    batch.columnError = problem;
                    batch.more = false;
                    return;
                }
                batch.add(fields, lineNumber);
            }
        }
    }

    /**
     * Up to {@link #BATCH_SIZE} split rows, each assigned to the partition that owns its card, and what each
     * partition made of them: its rows' text and its first bad row.
     */
    private static final class Batch {
        final String[] names = new String[BATCH_SIZE];
        final String[] times = new String[BATCH_SIZE];
        final String[] ratings = new String[BATCH_SIZE];
        final int[] lines = new int[BATCH_SIZE];
        final int[] partitions = new int[BATCH_SIZE];
        /** Where each row's text ends in its partition's {@link #text}. */
        final int[] ends = new int[BATCH_SIZE];
        final int partitionCount;
        /** Each partition's rows, one after the other. */
        final RowText[] text;
        final BadRowException[] error;
        final int[] errorRow;
        int size;
        /** Whether input may follow this batch (false at the end of the input or after a column error). */
        boolean more;
        /** The line that ended the batch because it could not be split into three columns, if any. */
        BadRowException columnError;

        Batch(int partitionCount) {
            this.partitionCount = partitionCount;
            text = new RowText[partitionCount];
            error = new BadRowException[partitionCount];
            errorRow = new int[partitionCount];
            for (int p = 0; p < partitionCount; p++) {
                text[p] = new RowText(BATCH_SIZE * 80 / partitionCount);
            }
        }

        void clear() {
            size = 0;
            more = true;
            columnError = null;
        }

        void add(String[] fields, int lineNumber) {
            names[size] = fields[0];
            times[size] = fields[1];
            ratings[size] = fields[2];
            lines[size] = lineNumber;
            partitions[size] = partitionCount == 1 ? 0 : (fields[0].hashCode() & Integer.MAX_VALUE) % partitionCount;
            size++;
        }

        /** The partition whose bad row comes first, or -1 if all rows were replayed. */
        int firstFailedPartition() {
            int failed = -1;
            for (int p = 0; p < partitionCount; p++) {
                if (error[p] != null && (failed < 0 || errorRow[p] < errorRow[failed])) {
                    failed = p;
                }
            }
            return failed;
        }
    }

    /** The cards whose names hash to one partition, with their latest state. */
    private final class Partition {
        final int index;
        final Map<String, Latest> cards = new HashMap<>(1 << 12);

        Partition(int index) {
            this.index = index;
        }

        /** Replays this partition's rows of the batch in order, stopping at the first bad one. */
        void run(Batch batch) {
            RowText text = batch.text[index];
            text.clear();
            batch.error[index] = null;
            for (int i = 0; i < batch.size; i++) {
                if (batch.partitions[i] != index) {
                    continue;
                }
                try {
                    replayRow(batch, i, text);
                } catch (BadRowException e) {
                    batch.error[index] = e;
                    batch.errorRow[index] = i;
                    break;
                }
                batch.ends[i] = text.length;
            }
        }

        private void replayRow(Batch batch, int i, RowText text) throws BadRowException {
            String name = batch.names[i];
            String reviewedAt = batch.times[i];
            String ratingText = batch.ratings[i];
            int lineNumber = batch.lines[i];
            if (name.isEmpty()) {
                throw new BadRowException(lineNumber, "card must not be empty");
            }
            Instant at = parseInstant(reviewedAt);
            if (at == null) {
                throw new BadRowException(lineNumber, "reviewed_at must be an ISO-8601 instant like "
                        + "2022-11-29T12:30:00.000Z, not " + quoted(reviewedAt));
            }
            if (ratingText.length() != 1 || ratingText.charAt(0) < '1' || ratingText.charAt(0) > '4') {
                throw new BadRowException(lineNumber, "rating must be 1 to 4, not " + quoted(ratingText));
            }
            Rating rating = Rating.of(ratingText.charAt(0) - '0');

            Latest latest = cards.get(name);
            Card before = latest == null ? Card.NEW : latest.card;
            if (latest != null && at.isBefore(before.lastReview())) {
                RowText previous = new RowText(24);
                appendInstant(previous, before.lastReview());
                throw new BadRowException(lineNumber, "card " + quoted(name) + " reviewed at " + reviewedAt
                        + ", earlier than its previous review at " + previous
                        + " (each card's reviews must be in time order)");
            }
            Card after;
            try {
                after = fsrs.review(before, at, rating);
            } catch (DateTimeException | ArithmeticException e) {
                throw new BadRowException(lineNumber, "reviewed_at " + quoted(reviewedAt)
                        + " is outside the range of dates that can be scheduled");
            }
            if (latest == null) {
                cards.put(name, new Latest(after));
            } else {
                latest.card = after;
            }

            appendField(text, name);
            text.append(',').append(reviewedAt).append(',').append(ratingText).append(',')
                    .append(after.state().csvName()).append(',');
            appendFixed8(text, after.stability());
            text.append(',');
            appendFixed8(text, after.difficulty());
            text.append(',');
            appendInstant(text, after.due());
            text.append('\n');
        }
    }

    /** The latest state of one card, replaced in place so that each review looks its card up once. */
    private static final class Latest {
        Card card;

        Latest(Card card) {
            this.card = card;
        }
    }

    /** A character buffer in front of the output writer, so rows reach it in large writes. */
    private static final class Output {
        private final Writer out;
        private final char[] buffer = new char[OUTPUT_BUFFER];
        private int length;

        Output(Writer out) {
            this.out = out;
        }

        void append(String text) throws IOException {
            if (length + text.length() > buffer.length) {
                drain();
            }
            if (text.length() > buffer.length) {
                out.write(text);
                return;
            }
            text.getChars(0, text.length(), buffer, length);
            length += text.length();
        }

        /** Appends the first {@code rows} rows of the batch, in order, from their partitions' text. */
        void appendRows(Batch batch, int rows) throws IOException {
            int[] cursors = new int[batch.partitionCount];
            for (int i = 0; i < rows; i++) {
                int p = batch.partitions[i];
                int from = cursors[p];
                int count = batch.ends[i] - from;
                if (length + count > buffer.length) {
                    drain();
                }
                if (count > buffer.length) {
                    out.write(batch.text[p].chars, from, count);
                } else {
                    System.arraycopy(batch.text[p].chars, from, buffer, length, count);
                    length += count;
                }
                cursors[p] = batch.ends[i];
            }
        }

        void drain() throws IOException {
            if (length > 0) {
                out.write(buffer, 0, length);
                length = 0;
            }
        }
    }

    // ---- CSV --------------------------------------------------------------------------------------------------

    /**
     * Splits one CSV line (RFC 4180 without line breaks inside quotes) into {@code fields}, filling at most its
     * length, and returns the number of fields on the line.
     */
    static int split(String line, String[] fields, int lineNumber) throws BadRowException {
        int length = line.length();
        int count = 0;
        int i = 0;
        while (true) {
            String field;
            if (i < length && line.charAt(i) == '"') {
                StringBuilder value = new StringBuilder();
                int j = i + 1;
                while (true) {
                    int quote = line.indexOf('"', j);
                    if (quote < 0) {
                        throw new BadRowException(lineNumber, "quoted field " + (count + 1) + " is not closed");
                    }
                    value.append(line, j, quote);
                    if (quote + 1 < length && line.charAt(quote + 1) == '"') {
                        value.append('"');
                        j = quote + 2;
                    } else {
                        i = quote + 1;
                        break;
                    }
                }
                if (i < length && line.charAt(i) != ',') {
                    throw new BadRowException(lineNumber,
                            "unexpected text after the closing quote of field " + (count + 1));
                }
                field = value.toString();
            } else {
                int comma = line.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                field = count < fields.length ? line.substring(i, end) : null;
                i = end;
            }
            if (count < fields.length) {
                fields[count] = field;
            }
            count++;
            if (i >= length) {
                return count;
            }
            i++; // the comma
        }
    }

    /** Appends {@code value} as a CSV field, quoted if it holds a comma, a quote or a line break. */
    static void appendField(RowText out, String value) {
        boolean plain = true;
        for (int i = 0; i < value.length() && plain; i++) {
            char c = value.charAt(i);
            plain = c != ',' && c != '"' && c != '\n' && c != '\r';
        }
        if (plain) {
            out.append(value);
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            out.append(c);
            if (c == '"') {
                out.append('"');
            }
        }
        out.append('"');
    }

    private static String quoted(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + shown + "'";
    }

    /**
     * A growable array of characters that rows are written into. The replay appends about fifty
     * characters a row one at a time; with the client compiler a {@link StringBuilder} pays a call
     * and a capacity and coder check for each, an array store here.
     */
    static final class RowText {
        char[] chars;
        int length;

        RowText(int capacity) {
            chars = new char[Math.max(16, capacity)];
        }

        void clear() {
            length = 0;
        }

        RowText append(char c) {
            if (length == chars.length) grow(1);
            chars[length++] = c;
            return this;
        }

        RowText append(String s) {
            int n = s.length();
            if (length + n > chars.length) grow(n);
            s.getChars(0, n, chars, length);
            length += n;
            return this;
        }

        private void grow(int needed) {
            chars = java.util.Arrays.copyOf(chars, Math.max(2 * chars.length, length + needed));
        }

        @Override
        public String toString() {
            return new String(chars, 0, length);
        }
    }

    // ---- numbers and instants ---------------------------------------------------------------------------------

    /**
     * Appends {@code x} exactly as {@code String.format(Locale.ROOT, "%.8f", x)} would. Values that are the double
     * nearest to a multiple of 1e-8 (all the scheduler produces) take a fast path: below 1e6 a double's ulp is
     * under 1.2e-10, so any decimal that reads back as {@code x} rounds to that same multiple.
     */
    static void appendFixed8(RowText out, double x) {
        if (x > 0 && x < 1e6) {
            long scaled = Math.round(x * 1e8);
            if (scaled / 1e8 == x) {
                long whole = scaled / 100_000_000L;
                int fraction = (int) (scaled % 100_000_000L);
                appendDigits(out, (int) whole, digits(whole));
                out.append('.');
                for (int divisor = 10_000_000; divisor > 0; divisor /= 10) {
                    out.append((char) ('0' + fraction / divisor % 10));
                }
                return;
            }
        }
        out.append(String.format(Locale.ROOT, "%.8f", x));
    }

    /** Appends {@code instant} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, truncated to milliseconds. */
    static void appendInstant(RowText out, Instant instant) {
        long seconds = instant.getEpochSecond();
        if (seconds < FOUR_DIGIT_YEARS_MIN || seconds > FOUR_DIGIT_YEARS_MAX) {
            out.append(INSTANT_MILLIS.format(instant));
            return;
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(seconds, SECONDS_PER_DAY);
        // civil_from_days (Howard Hinnant), for the proleptic Gregorian calendar
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long mp = (5 * dayOfYear + 2) / 153;
        int day = (int) (dayOfYear - (153 * mp + 2) / 5 + 1);
        int month = (int) (mp < 10 ? mp + 3 : mp - 9);
        int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
        appendDigits(out, year, 4);
        out.append('-');
        appendDigits(out, month, 2);
        out.append('-');
        appendDigits(out, day, 2);
        out.append('T');
        appendDigits(out, secondOfDay / 3600, 2);
        out.append(':');
        appendDigits(out, secondOfDay / 60 % 60, 2);
        out.append(':');
        appendDigits(out, secondOfDay % 60, 2);
        out.append('.');
        appendDigits(out, instant.getNano() / 1_000_000, 3);
        out.append('Z');
    }

    /** How many decimal digits {@code value} (0 to 999,999) has. */
    private static int digits(long value) {
        int n = 1;
        for (long v = value; v >= 10; v /= 10) n++;
        return n;
    }

    private static void appendDigits(RowText out, int value, int width) {
        int divisor = 1;
        for (int i = 1; i < width; i++) {
            divisor *= 10;
        }
        for (; divisor > 0; divisor /= 10) {
            out.append((char) ('0' + value / divisor % 10));
        }
    }

    /**
     * Parses an ISO-8601 instant as {@link Instant#parse} does, with a fast path for the common
     * {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}; returns {@code null} if {@code text} is not an instant.
     */
    static Instant parseInstant(String text) {
        int length = text.length();
        if ((length == 24 && text.charAt(19) == '.' && text.charAt(23) == 'Z')
                || (length == 20 && text.charAt(19) == 'Z')) {
            if (text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                    && text.charAt(13) == ':' && text.charAt(16) == ':') {
                int year = digits(text, 0, 4);
                int month = digits(text, 5, 7);
                int day = digits(text, 8, 10);
                int hour = digits(text, 11, 13);
                int minute = digits(text, 14, 16);
                int second = digits(text, 17, 19);
                int millis = length == 24 ? digits(text, 20, 23) : 0;
                if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)
                        && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                        && millis >= 0) {
                    long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY
                            + hour * 3600L + minute * 60L + second;
                    return Instant.ofEpochSecond(epochSecond, millis * 1_000_000L);
                }
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** The number written in {@code text[from, to)}, or -1 if any character there is not an ASCII digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = text.charAt(i) - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    private static int monthLength(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    /** days_from_civil (Howard Hinnant): days since 1970-01-01 of a proleptic Gregorian date. */
    private static long epochDay(int year, int month, int day) {
        long y = month <= 2 ? year - 1 : year;
        long era = Math.floorDiv(y, 400);
        long yearOfEra = y - era * 400;
        long dayOfYear = (153L * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
        long dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097 + dayOfEra - 719_468;
    }

    /** A line of the review log that cannot be replayed: its 1-based line number and what is wrong with it. */
    public static final class BadRowException extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final String reason;

        /** A problem {@code reason} on line {@code line} (1-based). */
        public BadRowException(int line, String reason) {
            super("line " + line + ": " + reason);
            this.line = line;
            this.reason = reason;
        }

        /** The 1-based line number. */
        public int line() {
            return line;
        }

        /** What is wrong, without the line number, e.g. {@code rating must be 1 to 4, not '5'}. */
        public String reason() {
            return reason;
        }
    }
}
