package org.quizcard.srs;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Replays a CSV review log ({@code card,reviewed_at,rating}) through an {@link Fsrs} scheduler and writes each
 * card's state after every review as CSV. It streams: a line at a time, keeping only the latest {@link Card} of
 * each card.
 */
public final class ReviewCsv {

    /** The header the input must start with. */
    public static final String INPUT_HEADER = "card,reviewed_at,rating";
    /** The header of the output. */
    public static final String OUTPUT_HEADER = "card,reviewed_at,rating,state,stability,difficulty,due";

    private static final int WRITE_AT = 1 << 15;
    private static final int MAX_QUOTED = 40;
    private static final String[] HEADER_NAMES = INPUT_HEADER.split(",");

    private final Fsrs fsrs;

    /** A replay that schedules with {@code fsrs}. */
    public ReviewCsv(Fsrs fsrs) {
        this.fsrs = Objects.requireNonNull(fsrs, "fsrs");
    }

    /**
     * Reads reviews from {@code in}, UTF-8 text, and writes {@link #OUTPUT_HEADER} and one row per review to
     * {@code out}, then flushes {@code out} (also when a bad row stops the replay: the rows before it are written,
     * none after). Neither stream is closed.
     *
     * @return the number of reviews replayed
     * @throws BadRowException if a line is not a valid review, not UTF-8 or 1 MiB long, or the input does not start
     *                         with the header
     * @throws IOException     if reading or writing fails
     */
    public long replay(InputStream in, Writer out) throws IOException, BadRowException {
        Map<String, Card> cards = new HashMap<>();
        StringBuilder text = new StringBuilder(WRITE_AT + 256);
        try {
            return read(in, () -> text.append(OUTPUT_HEADER).append('\n'), (fields, at, rating, line) -> {
                replayRow(fields, at, rating, line, cards, text);
                if (text.length() >= WRITE_AT) {
                    out.append(text);
                    text.setLength(0);
                }
            });
        } finally {
            out.append(text);
            out.flush();
        }
    }

    /** What {@link #read} hands over for each review: its three fields as written, the instant and the rating. */
    @FunctionalInterface
    public interface RowHandler {
        void row(String[] fields, Instant at, Rating rating, int line) throws IOException, BadRowException;
    }

    /**
     * Reads reviews from {@code in}, UTF-8 text that starts with {@link #INPUT_HEADER}, runs
     * {@code afterHeader} once the header is checked, and hands each valid review to
     * {@code handler}, in order; stops at the first bad row.
     *
     * @return the number of reviews read
     */
    public static long read(InputStream in, Runnable afterHeader, RowHandler handler) throws IOException, BadRowException {
        Utf8Lines lines = new Utf8Lines(in);
        String[] fields = new String[3];
        long reviews = 0;
        checkHeader(lines.next());
        afterHeader.run();
        for (String line = lines.next(); line != null; line = lines.next()) {
            if (line.isEmpty()) {
                continue;
            }
            int count = ReviewText.split(line, fields, lines.number());
            if (count != 3) {
                throw new BadRowException(lines.number(), "expected 3 columns (" + INPUT_HEADER + "), found " + count);
            }
            if (fields[0].isEmpty()) {
                throw new BadRowException(lines.number(), "card must not be empty");
            }
            Instant at = ReviewText.parseInstant(fields[1]);
            if (at == null) {
                throw new BadRowException(lines.number(), "reviewed_at must be an ISO-8601 instant like "
                        + "2022-11-29T12:30:00.000Z, not " + quoted(fields[1]));
            }
            String rating = fields[2];
            if (rating.length() != 1 || rating.charAt(0) < '1' || rating.charAt(0) > '4') {
                throw new BadRowException(lines.number(), "rating must be 1 to 4, not " + quoted(rating));
            }
            handler.row(fields, at, Rating.of(rating.charAt(0) - '0'), lines.number());
            reviews++;
        }
        return reviews;
    }

    private static void checkHeader(String line) throws BadRowException {
        if (line == null) {
            throw new BadRowException(1, "missing header " + INPUT_HEADER + ": the input is empty");
        }
        String text = line.startsWith("\uFEFF") ? line.substring(1) : line;
        String[] fields = new String[3];
        boolean ok;
        try {
            ok = ReviewText.split(text, fields, 1) == 3;
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

    /** Replays one read row and appends its output row to {@code text}. */
    private void replayRow(String[] fields, Instant at, Rating rating, int lineNumber, Map<String, Card> cards,
                           StringBuilder text) throws BadRowException {
        String name = fields[0];
        String reviewedAt = fields[1];
        String ratingText = fields[2];
        Card before = cards.get(name);
        if (before != null && at.isBefore(before.lastReview())) {
            throw new BadRowException(lineNumber, "card " + quoted(name) + " reviewed at " + reviewedAt
                    + ", earlier than its previous review at "
                    + ReviewText.appendInstant(new StringBuilder(), before.lastReview())
                    + " (each card's reviews must be in time order)");
        }
        int rowStart = text.length();
        Card after;
        try {
            after = fsrs.review(before == null ? Card.NEW : before, at, rating);
            ReviewText.appendField(text, name);
            text.append(',').append(reviewedAt).append(',').append(ratingText).append(',')
                    .append(after.state().csvName()).append(',');
            ReviewText.appendFixed8(text, after.stability()).append(',');
            ReviewText.appendFixed8(text, after.difficulty()).append(',');
            ReviewText.appendInstant(text, after.due()).append('\n');
        } catch (DateTimeException | ArithmeticException e) {
            text.setLength(rowStart);
            throw new BadRowException(lineNumber, "reviewed_at " + quoted(reviewedAt)
                    + " is outside the range of dates that can be scheduled");
        }
        cards.put(name, after);
    }

    private static String quoted(String value) {
        String shown = value.length() > MAX_QUOTED ? value.substring(0, MAX_QUOTED) + "..." : value;
        return "'" + shown + "'";
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
