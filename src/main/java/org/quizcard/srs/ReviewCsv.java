package org.quizcard.srs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Replays a CSV review log ({@code card,reviewed_at,rating}) through an {@link Fsrs} scheduler and writes each
 * card's state after every review as CSV. It streams: only the latest {@link Card} of each card is kept in memory.
 */
public final class ReviewCsv {

    /** The header the input must start with. */
    public static final String INPUT_HEADER = "card,reviewed_at,rating";
    /** The header of the output. */
    public static final String OUTPUT_HEADER = "card,reviewed_at,rating,state,stability,difficulty,due";

    private static final int FLUSH_AT = 1 << 15;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range printed with four-digit years. */
    private static final long FOUR_DIGIT_YEARS_MIN = -62_167_219_200L;
    private static final long FOUR_DIGIT_YEARS_MAX = 253_402_300_799L;
    private static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String[] HEADER_NAMES = INPUT_HEADER.split(",");
    private static final int MAX_QUOTED = 40;

    private final Fsrs fsrs;

    /** A replay that schedules with {@code fsrs}. */
    public ReviewCsv(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs");
    }

    /**
     * Reads reviews from {@code in} and writes {@link #OUTPUT_HEADER} and one row per review to {@code out}, then
     * flushes {@code out} (also when a bad row stops the replay, so the rows before it are written). Neither
     * stream is closed.
     *
     * @return the number of reviews replayed
     * @throws BadRowException if a line is not a valid review, or the input does not start with the header
     * @throws IOException     if reading or writing fails
     */
    public long replay(Reader in, Writer out) throws IOException, BadRowException {
        BufferedReader reader = in instanceof BufferedReader b ? b : new BufferedReader(in, 1 << 16);
        String header = readLine(reader, 1);
        checkHeader(header);

        Map<String, Card> cards = new HashMap<>(1 << 12);
        String[] fields = new String[3];
        StringBuilder buffer = new StringBuilder(FLUSH_AT + 1024);
        char[] chunk = new char[0];
        buffer.append(OUTPUT_HEADER).append('\n');
        long reviews = 0;
        int lineNumber = 1;
        try {
            for (String line = readLine(reader, 2); line != null; line = readLine(reader, lineNumber + 1)) {
                lineNumber++;
                if (line.isEmpty()) {
                    continue;
                }
                int count = split(line, fields, lineNumber);
                if (count != 3) {
                    throw new BadRowException(lineNumber,
                            "expected 3 columns (" + INPUT_HEADER + "), found " + count);
                }
                String name = fields[0];
                String reviewedAt = fields[1];
                String ratingText = fields[2];
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

                Card before = cards.get(name);
                if (before == null) {
                    before = Card.NEW;
                } else if (at.isBefore(before.lastReview())) {
                    StringBuilder previous = new StringBuilder(24);
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
                            + " is too far from today to schedule");
                }
                cards.put(name, after);
                reviews++;

                appendField(buffer, name);
                buffer.append(',').append(reviewedAt).append(',').append(ratingText).append(',')
                        .append(after.state().csvName()).append(',');
                appendFixed8(buffer, after.stability());
                buffer.append(',');
                appendFixed8(buffer, after.difficulty());
                buffer.append(',');
                appendInstant(buffer, after.due());
                buffer.append('\n');
                if (buffer.length() >= FLUSH_AT) {
                    chunk = drain(buffer, chunk, out);
                }
            }
        } finally {
            drain(buffer, chunk, out);
            out.flush();
        }
        return reviews;
    }

    private static String readLine(BufferedReader reader, int lineNumber) throws IOException, BadRowException {
        try {
            return reader.readLine();
        } catch (CharacterCodingException e) {
            throw new BadRowException(lineNumber, "not valid UTF-8 text");
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

    /** Writes and empties {@code buffer}; returns the (possibly grown) scratch array. */
    private static char[] drain(StringBuilder buffer, char[] chunk, Writer out) throws IOException {
        int length = buffer.length();
        if (length == 0) {
            return chunk;
        }
        char[] target = chunk.length >= length ? chunk : new char[Math.max(length, FLUSH_AT + 1024)];
        buffer.getChars(0, length, target, 0);
        out.write(target, 0, length);
        buffer.setLength(0);
        return target;
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
    static void appendField(StringBuilder out, String value) {
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

    // ---- numbers and instants ---------------------------------------------------------------------------------

    /**
     * Appends {@code x} exactly as {@code String.format(Locale.ROOT, "%.8f", x)} would. Values that are the double
     * nearest to a multiple of 1e-8 (all the scheduler produces) take a fast path: below 1e6 a double's ulp is
     * under 1.2e-10, so any decimal that reads back as {@code x} rounds to that same multiple.
     */
    static void appendFixed8(StringBuilder out, double x) {
        if (x > 0 && x < 1e6) {
            long scaled = Math.round(x * 1e8);
            if (scaled / 1e8 == x) {
                long whole = scaled / 100_000_000L;
                int fraction = (int) (scaled % 100_000_000L);
                out.append(whole).append('.');
                for (int divisor = 10_000_000; divisor > 0; divisor /= 10) {
                    out.append((char) ('0' + fraction / divisor % 10));
                }
                return;
            }
        }
        out.append(String.format(Locale.ROOT, "%.8f", x));
    }

    /** Appends {@code instant} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, truncated to milliseconds. */
    static void appendInstant(StringBuilder out, Instant instant) {
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

    private static void appendDigits(StringBuilder out, int value, int width) {
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
