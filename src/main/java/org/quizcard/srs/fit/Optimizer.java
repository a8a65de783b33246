package org.quizcard.srs.fit;

import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits FSRS-6 weights to a review log and checks that they pay off; see {@code docs/optimizer.md}.
 *
 * <p>The same log, zone and day-start hour give bit-identical weights on every machine: all arithmetic is
 * {@link StrictMath} on one thread in a fixed order, and the only randomness is a seeded shuffle.
 */
public final class Optimizer {

    /** Share of the latest items held out by the health check. */
    static final double HELD_OUT_SHARE = 0.2;

    private Optimizer() {
    }

    /**
     * Fits weights to {@code reviews}, counting elapsed days in study days that start at {@code dayStartHour}
     * (0-23) in {@code zone}.
     */
    public static FitResult fit(List<Review> reviews, ZoneId zone, int dayStartHour) {
        return fit(ReviewHistory.of(reviews, zone, dayStartHour));
    }

    /** Fits weights to an arranged log. */
    static FitResult fit(ReviewHistory history) {
        int[] items = history.items();
        Trainer.Fit fit = Trainer.fit(history, items);
        double[] defaults = Weights.defaults();
        int[] scored = Evaluation.fsrsRsOrder(history);
        Metrics before = Evaluation.evaluate(history, scored, defaults);
        Metrics after = Evaluation.evaluate(history, scored, fit.weights());
        Health health = fit.stage() == Trainer.Stage.TRAINED
                ? heldOutCheck(history, items)
                : tooLittle(fit.trainingItems());
        return new FitResult(fit.weights(), history.reviews(), items.length, before, after, health);
    }

    private static Health heldOutCheck(ReviewHistory history, int[] items) {
        int heldOut = (int) Math.round(items.length * HELD_OUT_SHARE);
        int[] early = Arrays.copyOf(items, items.length - heldOut);
        int[] late = Arrays.copyOfRange(items, items.length - heldOut, items.length);
        Trainer.Fit fit = Trainer.fit(history, early);
        if (fit.stage() != Trainer.Stage.TRAINED) {
            return tooLittle(fit.trainingItems());
        }
        Metrics defaults = Evaluation.evaluate(history, late, Weights.defaults());
        Metrics fitted = Evaluation.evaluate(history, late, fit.weights());
        boolean better = fitted.logLoss() < defaults.logLoss();
        String scores = String.format(Locale.ROOT, "log loss %.4f against %.4f for the defaults, RMSE %.4f against %.4f",
                fitted.logLoss(), defaults.logLoss(), fitted.rmseBins(), defaults.rmseBins());
        String message = better
                ? "Weights fitted on your earlier reviews predict your latest " + late.length
                        + " reviews better than the defaults (" + scores + "): use the fitted weights."
                : "Weights fitted on your earlier reviews do not predict your latest " + late.length
                        + " reviews better than the defaults (" + scores + "): keep the defaults, and optimize"
                        + " again after a few hundred more reviews.";
        return new Health(better ? Health.Verdict.BETTER : Health.Verdict.NOT_BETTER, fit.trainingItems(),
                late.length, defaults, fitted, message);
    }

    private static Health tooLittle(int usable) {
        int missing = Math.max(1, Trainer.MIN_ITEMS_FULL - usable) + (int) (Trainer.MIN_ITEMS_FULL * HELD_OUT_SHARE);
        String message = "Only " + usable + " of your reviews can be used to fit weights (a review counts when it"
                + " comes a day or more after the card's previous one, on cards whose first interval is common in"
                + " your log); a full fit needs " + Trainer.MIN_ITEMS_FULL + " and a check on held-out reviews"
                + " needs more. Keep studying with the default weights and optimize again after about "
                + missing + " more such reviews.";
        return new Health(Health.Verdict.TOO_LITTLE_DATA, usable, 0, null, null, message);
    }
}
