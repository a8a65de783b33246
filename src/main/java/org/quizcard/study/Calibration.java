package org.quizcard.study;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.store.ProgressQueries;

/**
 * How well the schedule's predictions held: for each review of a learned question, the recall
 * probability FSRS gave it at that moment against whether the learner did recall it (any rating
 * but Again), grouped in bins of predicted recall. This is what Anki's health check of FSRS
 * summarises; {@code stats} shows it to the learner.
 *
 * @param reviews   the reviews of learned questions looked at
 * @param bins      the bins that hold any, lowest prediction first
 * @param rmse      the root mean square of (predicted - actual) over the bins, weighted by their reviews
 */
public record Calibration(int reviews, List<Bin> bins, double rmse) {
    /** How many of the latest reviews are looked at. */
    public static final int RECENT = 20_000;
    /** Fewer reviews than this say too little to show. */
    public static final int ENOUGH = 20;
    /** The lower edges of the bins: wide where predictions are rare, narrow where they gather. */
    private static final double[] EDGES = {0, 0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95};

    /** One bin: its range of predicted recall, its reviews, and their mean predicted and actual recall. */
    public record Bin(double from, double to, int reviews, double predicted, double actual) { }

    /** The calibration of {@code outcomes} under {@code fsrs}'s forgetting curve. */
    public static Calibration of(List<ProgressQueries.ReviewOutcome> outcomes, Fsrs fsrs) {
        int[] count = new int[EDGES.length];
        double[] predicted = new double[EDGES.length];
        double[] recalled = new double[EDGES.length];
        int reviews = 0;
        for (ProgressQueries.ReviewOutcome o : outcomes) {
            Card before = o.before();
            if (before.state() != CardState.REVIEW || before.lastReview() == null) continue;
            long days = fsrs.elapsedDays(before.lastReview(), o.at());
            if (days <= 0) continue;   // a review early on the same day says nothing of forgetting
            double r = fsrs.forgettingCurve(days, before.stability());
            int bin = EDGES.length - 1;
            while (bin > 0 && r < EDGES[bin]) bin--;
            count[bin]++;
            predicted[bin] += r;
            recalled[bin] += o.rating() == Rating.AGAIN ? 0 : 1;
            reviews++;
        }
        List<Bin> bins = new ArrayList<>();
        double squares = 0;
        for (int i = 0; i < EDGES.length; i++) {
            if (count[i] == 0) continue;
            Bin b = new Bin(EDGES[i], i + 1 < EDGES.length ? EDGES[i + 1] : 1.0, count[i], predicted[i] / count[i],
                    recalled[i] / count[i]);
            bins.add(b);
            squares += count[i] * (b.predicted() - b.actual()) * (b.predicted() - b.actual());
        }
        return new Calibration(reviews, List.copyOf(bins), reviews == 0 ? 0 : Math.sqrt(squares / reviews));
    }
}
