package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The forecast chart: two columns a day where they fit, else one, else fewer days; the legend says which. */
class ForecastChartTest {
    /** 31 days: 8 due today, then a few here and there. */
    private static final List<Integer> DAYS = days();

    private static List<Integer> days() {
        List<Integer> days = new ArrayList<>(java.util.Collections.nCopies(31, 0));
        days.set(0, 8);
        days.set(1, 3);
        days.set(7, 1);
        days.set(30, 4);
        return days;
    }

    private static String chart(int width, List<Integer> days) {
        StringWriter out = new StringWriter();
        ForecastChart.print(days, new Page(new PrintWriter(out, true), width));
        return out.toString().replace(System.lineSeparator(), "\n");
    }

    @Test
    void notLaidOutItIsTwoColumnsADayAsEver() {
        assertThat(chart(0, DAYS)).isEqualTo("""
                Due in the next 30 days
                   8 ┤█
                     │█
                     │█
                     │█ ▂                                                         █
                     │█ █                                                         █
                     │█ █           ▆                                             █
                   0 └──────────────────────────────────────────────────────────────
                      today                                                     +30d
                """);
        assertThat(chart(68, DAYS)).isEqualTo(chart(0, DAYS));
    }

    @Test
    void narrowerItIsOneColumnADayThenFewerDays() {
        assertThat(chart(60, DAYS)).isEqualTo("""
                Due in the next 30 days (a column a day)
                   8 ┤█
                     │█
                     │█
                     │█▂                            █
                     │██                            █
                     │██     ▆                      █
                   0 └───────────────────────────────
                      today                      +30d
                """);
        // 37 columns still hold all 31 days; the legend wraps
        assertThat(chart(37, DAYS)).isEqualTo(chart(60, DAYS).replace("(a column a day)", "(a column a\nday)"));
        String narrow = chart(30, DAYS);
        assertThat(narrow).startsWith("Due in the next 23 days (a\ncolumn a day)\n")
                .contains("   0 └" + "─".repeat(24) + "\n").endsWith("today" + " ".repeat(15) + "+23d\n");
        assertThat(narrow.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(30));
    }

    @Test
    void nothingScheduledIsSaidWithoutAChart() {
        assertThat(chart(40, java.util.Collections.nCopies(31, 0)))
                .isEqualTo("Due in the next 30 days\n  nothing scheduled\n");
    }
}
