package org.quizcard.cli;

import java.util.List;
import java.util.Locale;

/**
 * The forecast of {@code quizcard stats}: a vertical bar chart of the questions due each day,
 * today first. Two columns a day where the page is wide enough; else one column a day, bars
 * touching; on a page too narrow even for that, the first days only. Its legend says which.
 */
final class ForecastChart {
    private static final int HEIGHT = 6;
    private static final String[] EIGHTHS = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};

    private ForecastChart() {
    }

    static void print(List<Integer> days, Page page) {
        Layout layout = Layout.of(days, page);
        page.println("Due in the next " + (layout.shown() - 1) + " days" + (layout.gap().isEmpty()
                ? " (a column a day)" : ""));
        chart(days, layout, "nothing scheduled", "d", page);
    }

    /**
     * A chart of {@code values} under {@code title}, one column each (two where the page is wide
     * enough), the last labelled {@code +N} and {@code unit}; on a narrow page, the first ones only.
     */
    static void print(String title, List<Integer> values, String unit, Page page) {
        page.println(title);
        chart(values, Layout.of(values, page), "none", unit, page);
    }

    /** The largest value, how many values fit on the page, and what stands between two columns. */
    private record Layout(int max, int shown, String gap) {
        static Layout of(List<Integer> values, Page page) {
            int max = values.stream().mapToInt(Integer::intValue).max().orElse(0);
            // the columns left of the bars: the scale (wider from 10,000 a day) and the axis
            int axis = scale(max).length();
            boolean gaps = max == 0 || page.fits(axis + 2 * values.size());
            int shown = gaps || page.fits(axis + values.size()) ? values.size()
                    : Math.max(2, page.width() - axis);
            return new Layout(max, shown, gaps ? " " : "");
        }
    }

    /** The chart's rows and axis, or {@code none} when every value is 0. */
    private static void chart(List<Integer> values, Layout layout, String none, String unit,
                              Page page) {
        if (layout.max() == 0) {
            page.println("  " + none);
            return;
        }
        List<Integer> days = values.subList(0, layout.shown());
        String gap = layout.gap();
        int max = days.stream().mapToInt(Integer::intValue).max().orElse(0);
        for (int row = HEIGHT - 1; row >= 0; row--) {
            StringBuilder line = new StringBuilder(row == HEIGHT - 1 ? scale(max) : "     │");
            for (int n : days) {
                double height = n * HEIGHT * 8.0 / max;
                int cell = (int) Math.round(Math.max(0, Math.min(8, height - row * 8)));
                if (n > 0 && row == 0 && cell == 0) cell = 1;
                line.append(EIGHTHS[cell]).append(gap);
            }
            page.println(line.toString().stripTrailing());
        }
        int columns = days.size() * (1 + gap.length());
        page.println("   0 └" + "─".repeat(columns));
        String last = "+" + (days.size() - 1) + unit;
        page.println("      " + (columns >= 5 + 1 + last.length()
                ? String.format(Locale.ROOT, "today%" + (columns - 5) + "s", last) : "today"));
    }

    /** The top of the scale: the most due on a day. */
    private static String scale(int max) {
        return String.format(Locale.ROOT, "%4d ┤", max);
    }
}
