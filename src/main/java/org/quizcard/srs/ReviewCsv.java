package org.quizcard.srs;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
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
     * Reads reviews from {@code in}, UTF-8 text, and writes {@link #OUTPUT_HEADER} and one row per review to
     * {@code out}, then flushes {@code out} (also when a bad row stops the replay: the rows before it are written,
     * none after). Neither stream is closed.
     *
     * @return the number of reviews replayed
     * @throws BadRowException if a line is not a valid review or not UTF-8, or the input does not start with the
     *                         header
     * @throws IOException     if reading or writing fails
     */
    public long replay(InputStream in, Writer out) throws IOException, BadRowException {
        Input input = new Input(in);
        checkHeader(input.header());

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

    /**
     * Reads the log into batches of split rows, counting lines. Lines are found in the bytes, ended by a line feed,
     * a carriage return or both, as {@link java.io.BufferedReader#readLine} ends them; a line of plain ASCII without
     * quotes is split there too, and only other lines are decoded, strictly, as UTF-8. No UTF-8 sequence holds the
     * byte of a line feed, a carriage return, a comma or a quote, so this reads the same rows as decoding first.
     */
    private static final class Input {
        private final InputStream in;
        private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder();
        private final String[] fields = new String[3];
        private byte[] buffer = new byte[1 << 16];
        /** The unread bytes are buffer[position, limit). */
        private int position;
        private int limit;
        private boolean endOfInput;
        /** The current line is buffer[lineStart, lineEnd), without its line break. */
        private int lineStart;
        private int lineEnd;
        private int lineNumber;

        Input(InputStream in) {
            this.in = in;
        }

        /** The first line, or {@code null} if the input is empty. */
        String header() throws IOException, BadRowException {
            try {
                return nextLine() ? decodeLine() : null;
            } catch (LineTooLong e) {
                throw e.problem();
            }
        }

        /**
         * Fills {@code batch} with up to {@link #BATCH_SIZE} rows; stops early at the end of the input or at a line
         * that is not UTF-8 or not three columns (kept as the batch's column error).
         */
        void fill(Batch batch) throws IOException {
            batch.clear();
            while (batch.size < BATCH_SIZE) {
                boolean more;
                try {
                    more = nextLine();
                } catch (LineTooLong e) {
                    batch.columnError = e.problem();
                    batch.more = false;
                    return;
                }
                if (!more) {
                    batch.more = false;
                    return;
                }
                if (lineStart == lineEnd || splitPlain(batch)) {
                    continue;
                }
                BadRowException problem;
                try {
                    int count = split(decodeLine(), fields, lineNumber);
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
                batch.add(fields, lineNumber, NOT_PACKED);
            }
        }

        /**
         * Adds the current line to the batch if it is plain ASCII without quotes and has three columns, each
         * made a string straight from its bytes; returns false, adding nothing, for any other line.
         */
        private boolean splitPlain(Batch batch) {
            byte[] bytes = buffer;
            int firstComma = -1;
            int secondComma = -1;
            for (int i = lineStart; i < lineEnd; i++) {
                byte b = bytes[i];
                if (b == ',') {
                    if (firstComma < 0) {
                        firstComma = i;
                    } else if (secondComma < 0) {
                        secondComma = i;
                    } else {
                        return false;
                    }
                } else if (b < 0 || b == '"') {
                    return false;
                }
            }
            if (secondComma < 0) {
                return false;
            }
            fields[0] = new String(bytes, lineStart, firstComma - lineStart, StandardCharsets.ISO_8859_1);
            fields[1] = new String(bytes, firstComma + 1, secondComma - firstComma - 1, StandardCharsets.ISO_8859_1);
            fields[2] = new String(bytes, secondComma + 1, lineEnd - secondComma - 1, StandardCharsets.ISO_8859_1);
            batch.add(fields, lineNumber, packedInstant(bytes, firstComma + 1, secondComma));
            return true;
        }

        private String decodeLine() throws BadRowException {
            try {
                return decoder.decode(ByteBuffer.wrap(buffer, lineStart, lineEnd - lineStart)).toString();
            } catch (CharacterCodingException e) {
                throw new BadRowException(lineNumber, "not valid UTF-8 text");
            }
        }

        /** Moves to the next line; false at the end of the input. */
        private boolean nextLine() throws IOException {
            int i = position;
            while (true) {
                byte[] bytes = buffer;
                for (; i < limit; i++) {
                    byte b = bytes[i];
                    if (b == '\n' || b == '\r') {
                        if (b == '\r' && i + 1 == limit && !endOfInput) {
                            break; // a line feed may follow in the next read
                        }
                        lineStart = position;
                        lineEnd = i;
                        position = b == '\r' && i + 1 < limit && bytes[i + 1] == '\n' ? i + 2 : i + 1;
                        lineNumber++;
                        return true;
                    }
                }
                if (endOfInput) {
                    if (position == limit) {
                        return false;
                    }
                    lineStart = position;
                    lineEnd = limit;
                    position = limit;
                    lineNumber++;
                    return true;
                }
                i = read(i);
            }
        }

        /**
         * Reads more input after the unread bytes, which move to the start of the buffer (a larger one if they fill
         * it), and returns where the scan at {@code scanned} continues.
         */
        private int read(int scanned) throws IOException {
            int unread = limit - position;
            if (unread == buffer.length) {
                if (buffer.length >= MAX_LINE_BYTES) throw new LineTooLong(lineNumber + 1);
                buffer = Arrays.copyOf(buffer, 2 * buffer.length);
            } else if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, unread);
            }
            int resume = scanned - position;
            position = 0;
            limit = unread;
            int count = in.read(buffer, limit, buffer.length - limit);
            if (count < 0) {
                endOfInput = true;
            } else {
                limit += count;
            }
            return resume;
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
        /** Each row's time as {@link #packedInstant} packs it, or {@link #NOT_PACKED} to parse it from its text. */
        final long[] packedTimes = new long[BATCH_SIZE];
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

        void add(String[] fields, int lineNumber, long packedTime) {
            packedTimes[size] = packedTime;
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
        final CardTable cards = new CardTable();

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
            long packedTime = batch.packedTimes[i];
            Instant at = packedTime != NOT_PACKED ? unpack(packedTime) : parseInstant(reviewedAt);
            if (at == null) {
                throw new BadRowException(lineNumber, "reviewed_at must be an ISO-8601 instant like "
                        + "2022-11-29T12:30:00.000Z, not " + quoted(reviewedAt));
            }
            if (ratingText.length() != 1 || ratingText.charAt(0) < '1' || ratingText.charAt(0) > '4') {
                throw new BadRowException(lineNumber, "rating must be 1 to 4, not " + quoted(ratingText));
            }
            Rating rating = Rating.of(ratingText.charAt(0) - '0');

            int slot = cards.slot(name);
            Card before = cards.card(slot);
            if (before != null && at.isBefore(before.lastReview())) {
                RowText previous = new RowText(24);
                appendInstant(previous, before.lastReview());
                throw new BadRowException(lineNumber, "card " + quoted(name) + " reviewed at " + reviewedAt
                        + ", earlier than its previous review at " + previous
                        + " (each card's reviews must be in time order)");
            }
            Card after;
            try {
                after = fsrs.review(before == null ? Card.NEW : before, at, rating);
            } catch (DateTimeException | ArithmeticException e) {
                throw new BadRowException(lineNumber, "reviewed_at " + quoted(reviewedAt)
                        + " is outside the range of dates that can be scheduled");
            }
            cards.put(slot, name, after);

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

    /**
     * The latest state of each card by name: open addressing with linear probing over flat arrays, so that a
     * lookup reads a hash from an array and compares one name, where a {@link java.util.HashMap} would first visit
     * a node and often a chain of them. Each review looks its card up once and stores its new state in that slot.
     */
    static final class CardTable {
        private String[] names = new String[1 << 12];
        private Card[] cards = new Card[names.length];
        private int[] hashes = new int[names.length];
        private int size;

        /** The slot of {@code name}: where it is, or where it goes if absent. */
        int slot(String name) {
            int hash = name.hashCode();
            int mask = names.length - 1;
            int i = mix(hash) & mask;
            while (true) {
                String present = names[i];
                if (present == null || (hashes[i] == hash && present.equals(name))) {
                    return i;
                }
                i = (i + 1) & mask;
            }
        }

        /** The card in {@code slot}, or {@code null} if it is free. */
        Card card(int slot) {
            return cards[slot];
        }

        /** Stores {@code card} as the state of {@code name}, whose {@link #slot} is {@code slot}. */
        void put(int slot, String name, Card card) {
            if (names[slot] != null) {
                cards[slot] = card;
                return;
            }
            names[slot] = name;
            hashes[slot] = name.hashCode();
            cards[slot] = card;
            if (++size > names.length / 2) {
                grow();
            }
        }

        private void grow() {
            String[] oldNames = names;
            Card[] oldCards = cards;
            names = new String[oldNames.length * 2];
            cards = new Card[names.length];
            hashes = new int[names.length];
            size = 0;
            for (int i = 0; i < oldNames.length; i++) {
                if (oldNames[i] != null) {
                    put(slot(oldNames[i]), oldNames[i], oldCards[i]);
                }
            }
        }

        /**
         * Spreads the string hash's bits, so that names whose hashes are near neighbours (numbered names are) do not
         * fill runs of neighbouring slots.
         */
        private static int mix(int hash) {
            int h = hash * 0x9E37_79B9;
            return h ^ (h >>> 16);
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

        /** Appends the last {@code width} decimal digits of {@code value} (not negative), with leading zeros. */
        RowText appendDigits(int value, int width) {
            if (length + width > chars.length) grow(width);
            Decimal.write(value, chars, length, length + width);
            length += width;
            return this;
        }

        private void grow(int needed) {
            chars = Arrays.copyOf(chars, Math.max(2 * chars.length, length + needed));
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
                int whole = (int) (scaled / 100_000_000L);
                out.appendDigits(whole, Decimal.length(whole));
                out.append('.');
                out.appendDigits((int) (scaled - whole * 100_000_000L), 8);
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
        out.appendDigits(year, 4).append('-').appendDigits(month, 2).append('-').appendDigits(day, 2).append('T')
                .appendDigits(secondOfDay / 3600, 2).append(':').appendDigits(secondOfDay / 60 % 60, 2).append(':')
                .appendDigits(secondOfDay % 60, 2).append('.').appendDigits(instant.getNano() / 1_000_000, 3)
                .append('Z');
    }

    /**
     * Parses an ISO-8601 instant as {@link Instant#parse} does, with a fast path for the common
     * {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z}; returns {@code null} if {@code text} is not an instant.
     */
    static Instant parseInstant(String text) {
        int length = text.length();
        if (length == 20 || length == 24) {
            // any character outside Latin-1 becomes '?', which the fast path rejects like any non-digit
            long packed = packedInstant(text.getBytes(StandardCharsets.ISO_8859_1), 0, length);
            if (packed != NOT_PACKED) {
                return unpack(packed);
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** What {@link #packedInstant} returns for text outside its fast path. */
    static final long NOT_PACKED = Long.MIN_VALUE;

    /**
     * The instant written as {@code yyyy-MM-ddTHH:mm:ss[.SSS]Z} in ASCII in {@code b[from, to)}, packed as its epoch
     * second shifted left by ten bits and its milliseconds in those bits, or {@link #NOT_PACKED} for any other text
     * (which may still be an instant {@link Instant#parse} reads). The reading thread packs each row's time so that
     * the scheduling threads need not parse it.
     */
    static long packedInstant(byte[] b, int from, int to) {
        int length = to - from;
        if ((length == 24 && b[from + 19] == '.' && b[from + 23] == 'Z') || (length == 20 && b[from + 19] == 'Z')) {
            if (b[from + 4] == '-' && b[from + 7] == '-' && b[from + 10] == 'T' && b[from + 13] == ':'
                    && b[from + 16] == ':') {
                int year = digits(b, from, 4);
                int month = digits(b, from + 5, 2);
                int day = digits(b, from + 8, 2);
                int hour = digits(b, from + 11, 2);
                int minute = digits(b, from + 14, 2);
                int second = digits(b, from + 17, 2);
                int millis = length == 24 ? digits(b, from + 20, 3) : 0;
                if (year >= 0 && month >= 1 && month <= 12 && day >= 1 && day <= monthLength(year, month)
                        && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59 && second >= 0 && second <= 59
                        && millis >= 0) {
                    long epochSecond = epochDay(year, month, day) * SECONDS_PER_DAY
                            + hour * 3600L + minute * 60L + second;
                    return epochSecond << 10 | millis;
                }
            }
        }
        return NOT_PACKED;
    }

    /** The instant {@link #packedInstant} packed. */
    static Instant unpack(long packed) {
        return Instant.ofEpochSecond(packed >> 10, (packed & 1023) * 1_000_000L);
    }

    /** The number written in {@code count} bytes from {@code from}, or -1 if any of them is not an ASCII digit. */
    private static int digits(byte[] b, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            int digit = b[i] - '0';
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
    /** Longest line read: a row is a few dozen bytes, and a longer line is not a review history. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /** A line longer than {@link #MAX_LINE_BYTES}, found while reading; its row problem is reported like any other. */
    private static final class LineTooLong extends IOException {
        private static final long serialVersionUID = 1L;
        private final int line;

        LineTooLong(int line) {
            super("line " + line + " is too long");
            this.line = line;
        }

        BadRowException problem() {
            return new BadRowException(line, "longer than " + (MAX_LINE_BYTES >> 20) + " MiB; not a review history");
        }
    }

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
