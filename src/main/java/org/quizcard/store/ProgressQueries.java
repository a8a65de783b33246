package org.quizcard.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.quizcard.QuizcardException;
import org.quizcard.srs.Card;
import org.quizcard.srs.Rating;
import org.sqlite.SQLiteConfig;

/**
 * What the progress database says, read-only: the card cache and the review log, queried the
 * way scheduling, {@code stats} and {@code misconceptions} need. {@link ProgressStore} adds the
 * write path; {@link #openReadOnly} serves commands that only read.
 */
public class ProgressQueries implements AutoCloseable {
    final Sql sql;
    /** {@link #latestReviewBefore}'s statement, kept open until {@link #close}. */
    private PreparedStatement latestBefore;

    ProgressQueries(Sql sql) {
        this.sql = sql;
    }

    /**
     * {@code home/progress.db} opened for reading only: it works on a read-only file or directory
     * and never creates anything. A home with no database yet reads as an empty log.
     */
    public static ProgressQueries openReadOnly(Path home) {
        Path file = home.resolve(ProgressStore.FILE);
        Connection db = null;
        try {
            if (!Files.exists(file)) {
                db = Sql.connect(Path.of(":memory:"));
                ProgressStore.migrate(db, file);
                return new ProgressQueries(new Sql(file, db));
            }
            if (!Files.isRegularFile(file)) throw QuizcardException.badInput(file + ": not a regular file");
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(true);
            config.setBusyTimeout(10_000);
            try {
                db = Sql.connect(file.toString(), config);
                ProgressStore.checkedVersion(db, file);
            } catch (SQLException e) {
                // A write-ahead log needs its index file, which a read-only directory cannot hold:
                // a database nobody can write there can be read as immutable. A file that is not
                // a database (or a damaged one) is reported as it is.
                Sql.closeQuietly(db);
                db = null;
                int code = e.getErrorCode() & 0xff;
                if (code == 26 || code == 11) throw e;
                try {
                    db = Sql.connect("file:" + file.toUri().getRawPath() + "?immutable=1", config);
                    ProgressStore.checkedVersion(db, file);
                } catch (SQLException again) {
                    throw e;
                }
            }
            return new ProgressQueries(new Sql(file, db));
        } catch (SQLException | RuntimeException e) {
            throw Sql.failedOpen(file, db, e);
        }
    }

    /**
     * Loads sqlite-jdbc and its native library and runs its one-time set-up of a first connection
     * (an in-memory database, so no file is touched), for a caller that can do it on another
     * core while it does other start-up work. Failures are left for the real open to report.
     */
    public static void warmUp() {
        try (Connection c = Sql.connect(Path.of(":memory:"))) {
            c.isValid(0);
        } catch (SQLException | RuntimeException | LinkageError e) {
            // the open that follows loads it again and says what is wrong
        }
    }

    public Path file() {
        return sql.file;
    }

    /** The scheduling state of one card, if it was ever reviewed. */
    public Optional<Card> card(String card) {
        return sql.query("SELECT state FROM card WHERE card = ?", rs -> StoredCard.decode(rs.getString(1)), card)
                .stream().findFirst();
    }

    /** Every reviewed card with its state and the content hash of its last review. */
    public Map<String, CardInfo> cards() {
        Map<String, CardInfo> cards = new HashMap<>();
        sql.query("SELECT card, state, content_hash FROM card",
                rs -> cards.put(rs.getString(1), new CardInfo(rs.getString(1), StoredCard.decode(rs.getString(2)),
                        rs.getString(3))));
        return cards;
    }

    /** A card's cached state and the content hash of the question when it was last reviewed. */
    public record CardInfo(String card, Card state, String contentHash) { }

    /** The card's state before a recorded review, if that review exists. */
    public Optional<Card> stateBefore(long reviewId) {
        return sql.query("SELECT state_before FROM review WHERE id = ?", rs -> StoredCard.decode(rs.getString(1)),
                reviewId).stream().findFirst();
    }

    /** The most recent review of a card. */
    public Optional<Review> lastReview(String card) {
        return sql.query("SELECT * FROM review WHERE card = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1",
                ProgressQueries::review, card).stream().findFirst();
    }

    /**
     * The weight sets {@code quizcard optimize} kept, oldest first; none in a log from before
     * they were kept (opened read-only, so not migrated).
     */
    public List<WeightSet> weightSets() {
        if (sql.query("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'weights'", rs -> 1).isEmpty()) {
            return List.of();
        }
        return sql.query("SELECT id, fitted_at, weights, reviews, log_loss, rmse_bins, active FROM weights ORDER BY id",
                rs -> new WeightSet(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)),
                        WeightSet.decode(rs.getString(3)), rs.getLong(4), rs.getDouble(5), rs.getDouble(6), rs.getInt(7) == 1));
    }

    /** The active weight set, if the learner has one. */
    public Optional<WeightSet> activeWeights() {
        return weightSets().stream().filter(WeightSet::active).findFirst();
    }

    /**
     * The latest {@code limit} reviews, newest first, each with the question's state before it,
     * its time and its rating.
     */
    public List<ReviewOutcome> latestOutcomes(int limit) {
        return sql.query("SELECT state_before, reviewed_at, rating FROM review ORDER BY reviewed_at DESC, id DESC LIMIT ?",
                rs -> new ReviewOutcome(StoredCard.decode(rs.getString(1)), Instant.ofEpochMilli(rs.getLong(2)),
                        Rating.of(rs.getInt(3))), limit);
    }

    /** A review as {@link #latestOutcomes} reads it. */
    public record ReviewOutcome(Card before, Instant at, Rating rating) { }

    /**
     * For first sights and for later reviews, each rating's count and mean answer time, each
     * answer counted at two minutes at most (a learner who walked away is not answering).
     */
    public List<RatingTimes> ratingTimes() {
        return sql.query("SELECT state_before LIKE 'new|%', rating, count(*), avg(min(millis, 120000)) FROM review"
                + " GROUP BY 1, 2", rs -> new RatingTimes(rs.getInt(1) == 1, Rating.of(rs.getInt(2)),
                        rs.getLong(3), rs.getDouble(4)));
    }

    /** How often a rating was given, at first sight or later, and the mean time its answers took. */
    public record RatingTimes(boolean first, Rating rating, long count, double meanMillis) { }

    /** Every review's card, time and rating (1 to 4), in time order: the log an optimizer fits. */
    public void forEachReview(ReviewVisitor visitor) {
        sql.each("SELECT card, reviewed_at, rating FROM review ORDER BY reviewed_at, id", rs -> {
            visitor.visit(rs.getString(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getInt(3));
            return null;
        });
    }

    /** What {@link #forEachReview} hands over for each review. */
    @FunctionalInterface
    public interface ReviewVisitor {
        void visit(String card, Instant at, int rating);
    }

    /** How many reviews the log holds. */
    public long reviewCount() {
        return sql.one("SELECT count(*) FROM review", rs -> rs.getLong(1));
    }

    /**
     * How many cards had their first review in {@code [from, to)} (epoch milliseconds): the new
     * cards a day introduced. One index seek per card reviewed in that time, not a pass over the log.
     */
    public long firstReviewedBetween(long from, long to) {
        return sql.one("""
                SELECT count(*) FROM (SELECT DISTINCT card FROM review WHERE reviewed_at >= ? AND reviewed_at < ?) AS d
                WHERE NOT EXISTS (SELECT 1 FROM review AS p WHERE p.card = d.card AND p.reviewed_at < ?)""",
                rs -> rs.getLong(1), from, to, from);
    }

    /** The earliest due time among cards, if any card was ever reviewed. */
    public Optional<Instant> nextDue() {
        return sql.query("SELECT min(due) FROM card HAVING count(*) > 0",
                rs -> Instant.ofEpochMilli(rs.getLong(1))).stream().findFirst();
    }

    /** How many times each card was rated Again, for cards rated Again at least {@code min} times. */
    public Map<String, Integer> againCounts(int min) {
        Map<String, Integer> counts = new HashMap<>();
        sql.query("SELECT card, count(*) FROM review WHERE rating = 1 GROUP BY card HAVING count(*) >= ?",
                rs -> counts.put(rs.getString(1), rs.getInt(2)), min);
        return counts;
    }

    /**
     * The time of the latest review before {@code bound} (epoch milliseconds, exclusive), if any: one
     * index seek, so callers can walk the log day by day without reading every review.
     */
    public OptionalLong latestReviewBefore(long bound) {
        try {
            // prepared once: a streak of years asks this once per day, and preparing costs more than the seek
            if (latestBefore == null) {
                latestBefore = sql.db.prepareStatement(
                        "SELECT reviewed_at FROM review WHERE reviewed_at < ? ORDER BY reviewed_at DESC LIMIT 1");
            }
            latestBefore.setLong(1, bound);
            try (ResultSet rs = latestBefore.executeQuery()) {
                return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw sql.failure(e);
        }
    }

    /** How many reviews fall in {@code [from, to)} (epoch milliseconds). */
    public long reviewCountBetween(long from, long to) {
        return sql.one("SELECT count(*) FROM review WHERE reviewed_at >= ? AND reviewed_at < ?",
                rs -> rs.getLong(1), from, to);
    }

    /**
     * Reviews at or after {@code from} of cards that were in the review state before them: how
     * many, and how many of those were not rated Again (the figures of true retention).
     */
    public long[] retentionSince(Instant from) {
        return sql.one("""
                SELECT count(*), coalesce(sum(rating <> 1), 0) FROM review
                WHERE reviewed_at >= ? AND state_before LIKE 'review|%'""",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, from.toEpochMilli());
    }

    /**
     * Each revealed misconception with how often and when it was last revealed, in no order. Read
     * from each revealing review's own sorted list of misconceptions, grouped by that list over
     * the partial covering index {@code review_revealed_by}: an index scan rather than a look-up
     * of every revelation's review.
     */
    public List<Revelations> revelations() {
        Map<String, Revelations> byMisconception = new HashMap<>();
        sql.query("SELECT misconceptions, count(*), max(reviewed_at) FROM review"
                + " WHERE misconceptions <> '' GROUP BY misconceptions", rs -> {
                    int count = rs.getInt(2);
                    Instant last = Instant.ofEpochMilli(rs.getLong(3));
                    for (String m : rs.getString(1).split(" ")) {
                        byMisconception.merge(m, new Revelations(m, count, last), (a, b) -> new Revelations(m,
                                a.count() + b.count(), a.last().isAfter(b.last()) ? a.last() : b.last()));
                    }
                    return null;
                });
        return new ArrayList<>(byMisconception.values());
    }

    /** How often a misconception was revealed and when last. */
    public record Revelations(String misconception, int count, Instant last) { }

    /** Right answers (score 1) to any of {@code cards} after {@code after}: their times, oldest first. */
    public List<Instant> rightAnswersAfter(Set<String> cards, Instant after) {
        if (cards.isEmpty()) return List.of();
        List<Object> params = new ArrayList<>(List.of(after.toEpochMilli()));
        params.addAll(new LinkedHashSet<>(cards));
        String marks = String.join(",", Collections.nCopies(params.size() - 1, "?"));
        return sql.query("SELECT reviewed_at FROM review WHERE score >= 1 AND reviewed_at > ? AND card IN (" + marks
                + ") ORDER BY reviewed_at", rs -> Instant.ofEpochMilli(rs.getLong(1)), params.toArray());
    }

    static Review review(ResultSet rs) throws SQLException {
        String misconceptions = rs.getString("misconceptions");
        Set<String> ids = misconceptions.isEmpty() ? Set.of() : new LinkedHashSet<>(Arrays.asList(misconceptions.split(" ")));
        return new Review(rs.getLong("id"), rs.getString("card"), rs.getString("content_hash"),
                Instant.ofEpochMilli(rs.getLong("reviewed_at")), rs.getString("response"), rs.getDouble("score"),
                Rating.of(rs.getInt("rating")), ids, rs.getLong("millis"),
                StoredCard.decode(rs.getString("state_before")), StoredCard.decode(rs.getString("state_after")),
                rs.getString("source"));
    }

    @Override
    public void close() {
        try {
            if (latestBefore != null) latestBefore.close();
        } catch (SQLException e) {
            throw sql.failure(e);
        } finally {
            sql.close();
        }
    }
}
