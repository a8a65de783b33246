import java.io.BufferedReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import org.quizcard.srs.fit.FitResult;
import org.quizcard.srs.fit.Metrics;
import org.quizcard.srs.fit.Optimizer;
import org.quizcard.srs.fit.Review;

/**
 * Times quizcard's FSRS-6 optimizer on a review log and prints the fitted weights and metrics.
 *
 * <p>usage: java -cp target/quizcard.jar bench/Optimize.java LOG.csv [ZONE=UTC] [DAY_START=4]
 * <br>LOG.csv is either {@code card,reviewed_at,rating} (replay's input, bench/gen-reviews.py csv) or
 * {@code card_id,review_rating,review_time,review_duration} (the shared review log in src/test/resources/fsrs).
 * The last line is {@code weights=w0,...,w20}, for bench/fsrs-reference/optimize.mjs.
 */
public class Optimize {
    public static void main(String[] args) throws Exception {
        Path log = Path.of(args[0]);
        ZoneId zone = ZoneId.of(args.length > 1 ? args[1] : "UTC");
        int dayStart = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        long t0 = System.nanoTime();
        List<Review> reviews = read(log);
        long t1 = System.nanoTime();
        FitResult fit = Optimizer.fit(reviews, zone, dayStart);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "%d reviews, %d items; read %.2f s, fit + health check %.2f s%n",
                fit.reviews(), fit.items(), (t1 - t0) / 1e9, (t2 - t1) / 1e9);
        System.out.println("defaults: " + show(fit.before()));
        System.out.println("fitted:   " + show(fit.after()));
        System.out.println("health:   " + fit.health().verdict() + ": " + fit.health().message());
        StringJoiner weights = new StringJoiner(",");
        for (double w : fit.weights()) {
            weights.add(Double.toString(w));
        }
        System.out.println("weights=" + weights);
    }

    private static String show(Metrics m) {
        return m == null ? "(no items)"
                : String.format(Locale.ROOT, "log loss %.4f, RMSE(bins) %.4f over %d items", m.logLoss(), m.rmseBins(), m.items());
    }

    private static List<Review> read(Path log) throws Exception {
        List<Review> reviews = new ArrayList<>();
        Map<String, String> cards = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(log, StandardCharsets.UTF_8)) {
            boolean shared = in.readLine().startsWith("card_id,");
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split(",");
                String card = cards.computeIfAbsent(f[0], c -> c);
                reviews.add(shared
                        ? new Review(card, OffsetDateTime.parse(f[2]).toInstant(), Integer.parseInt(f[1]))
                        : new Review(card, Instant.parse(f[1]), Integer.parseInt(f[2])));
            }
        }
        return reviews;
    }
}
