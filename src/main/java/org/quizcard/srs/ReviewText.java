package org.quizcard.srs;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The fields of {@link ReviewCsv}'s rows as text: CSV fields, instants such as {@code 2022-11-29T12:30:00.000Z}
 * and numbers with eight decimals. A replay reads or writes several of them per review, and the JDK's general
 * {@code Instant.parse}, {@code DateTimeFormatter} and {@code String.format} each cost more than scheduling the
 * review, so the forms a replay meets are read and written here, and only others handed to the JDK.
 */
final class ReviewText {

    private static final String MILLIS_SHAPE = "0000-00-00T00:00:00.000Z";
    private static final DateTimeFormatter INSTANT_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSX", Locale.ROOT).withZone(ZoneOffset.UTC);

    private ReviewText() {
    }

    /**
     * Splits one CSV line (RFC 4180 without line breaks inside quotes) into {@code fields}, filling at most its
     * length, and returns the number of fields on the line.
     */
    static int split(String line, String[] fields, int lineNumber) throws ReviewCsv.BadRowException {
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
                        throw new ReviewCsv.BadRowException(lineNumber,
                                "quoted field " + (count + 1) + " is not closed");
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
                    throw new ReviewCsv.BadRowException(lineNumber,
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
        } else {
            out.append('"').append(value.replace("\"", "\"\"")).append('"');
        }
    }

    /**
     * Appends {@code x} as {@code String.format(Locale.ROOT, "%.8f", x)} writes it. The values the scheduler
     * produces, positive doubles nearest to a multiple of 1e-8 below 1e6, are written from that multiple: a double's
     * ulp there is under 1.2e-10, so the decimals that read back as {@code x} round to it.
     */
    static StringBuilder appendFixed8(StringBuilder out, double x) {
        long scaled = Math.round(x * 1e8);
        if (!(x > 0 && x < 1e6 && scaled / 1e8 == x)) {
            return out.append(String.format(Locale.ROOT, "%.8f", x));
        }
        out.append(scaled / 100_000_000).append('.');
        return appendDigits(out, scaled % 100_000_000, 8);
    }

    /**
     * Appends {@code instant} in UTC as {@code yyyy-MM-ddTHH:mm:ss.SSSZ}, truncated to milliseconds (years outside
     * 0 to 9999 as {@code DateTimeFormatter} writes them).
     *
     * @throws DateTimeException if the instant is beyond the years {@link LocalDateTime} holds
     */
    static StringBuilder appendInstant(StringBuilder out, Instant instant) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), 0, ZoneOffset.UTC);
        if (t.getYear() < 0 || t.getYear() > 9999) {
            return out.append(INSTANT_MILLIS.format(instant));
        }
        appendDigits(out, t.getYear(), 4).append('-');
        appendDigits(out, t.getMonthValue(), 2).append('-');
        appendDigits(out, t.getDayOfMonth(), 2).append('T');
        appendDigits(out, t.getHour(), 2).append(':');
        appendDigits(out, t.getMinute(), 2).append(':');
        appendDigits(out, t.getSecond(), 2).append('.');
        return appendDigits(out, instant.getNano() / 1_000_000, 3).append('Z');
    }

    /** Appends {@code value} (not negative, under 10^width) with leading zeros to {@code width} digits. */
    private static StringBuilder appendDigits(StringBuilder out, long value, int width) {
        for (long power = 10; width > 1; width--, power *= 10) {
            if (value < power) {
                out.append('0');
            }
        }
        return out.append(value);
    }

    /**
     * Parses an ISO-8601 instant as {@link Instant#parse} does, or returns {@code null} if {@code text} is not one;
     * the form {@link #appendInstant} writes is read field by field.
     */
    static Instant parseInstant(String text) {
        if (hasMillisShape(text)) {
            try {
                return LocalDateTime.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10),
                        number(text, 11, 13), number(text, 14, 16), number(text, 17, 19),
                        number(text, 20, 23) * 1_000_000).toInstant(ZoneOffset.UTC);
            } catch (DateTimeException e) {
                // not a date or a time of day; Instant.parse decides, as it also reads 24:00 and leap seconds
            }
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /** Whether {@code text} is digits and separators as in {@link #MILLIS_SHAPE}. */
    private static boolean hasMillisShape(String text) {
        if (text.length() != MILLIS_SHAPE.length()) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char shape = MILLIS_SHAPE.charAt(i);
            char c = text.charAt(i);
            if (shape == '0' ? c < '0' || c > '9' : c != shape) {
                return false;
            }
        }
        return true;
    }

    private static int number(String digits, int from, int to) {
        return Integer.parseInt(digits, from, to, 10);
    }
}
