package org.quizcard.cli;

import java.util.List;
import java.util.Locale;
import org.quizcard.Plural;
import org.quizcard.study.Calibration;

/** {@code stats}' chart of recall the schedule predicted against recall the learner had, bin by bin. */
final class CalibrationChart {
    /** The widest bar; it stands for the bin with the most reviews. */
    private static final int BAR = 24;

    private CalibrationChart() {
    }

    static void print(Calibration c, Page page) {
        if (c.reviews() < Calibration.ENOUGH) {
            page.println("Predicted and actual recall: ", "too few reviews of learned questions yet (" + c.reviews() + " of "
                    + Calibration.ENOUGH + ")");
            return;
        }
        page.println("Predicted and actual recall (the latest " + Plural.of(c.reviews(), "review") + " of learned questions)");
        page.println("  predicted  actual  reviews");
        int most = c.bins().stream().mapToInt(Calibration.Bin::reviews).max().orElse(1);
        int bar = page.width() == 0 ? BAR : Math.max(4, Math.min(BAR, page.width() - 30));
        for (Calibration.Bin b : c.bins()) {
            int filled = Math.max(1, (int) Math.round((double) b.reviews() / most * bar));
            page.println(String.format(Locale.ROOT, "  %8.0f%%  %5.0f%%  %7d  %s", 100 * b.predicted(), 100 * b.actual(),
                    b.reviews(), "█".repeat(filled)));
        }
        String verdict = c.rmse() <= 0.05 ? "the schedule fits you well"
                : "quizcard optimize fits the schedule to your reviews";
        page.println("  Off by ", String.format(Locale.ROOT, "%.1f points on average (RMSE over these bins): %s",
                100 * c.rmse(), verdict));
    }

    /** What {@code stats --json} prints of it, in its order and under its names, figures to 4 decimals. */
    record Json(int reviews, double rmse, List<BinJson> bins) { }

    record BinJson(double from, double to, int reviews, double predicted, double actual) { }

    static Json asJson(Calibration c) {
        return new Json(c.reviews(), round(c.rmse()), c.bins().stream().map(b -> new BinJson(b.from(), b.to(),
                b.reviews(), round(b.predicted()), round(b.actual()))).toList());
    }

    private static double round(double x) {
        return Math.round(x * 10000) / 10000.0;
    }
}
