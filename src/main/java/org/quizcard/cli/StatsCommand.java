package org.quizcard.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.quizcard.Plural;
import org.quizcard.bank.Bank;
import org.quizcard.store.ProgressQueries;
import org.quizcard.study.Misconceptions;
import org.quizcard.study.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard stats}: progress at a glance. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Reviews today, what is due, the 30-day forecast, true retention, mastery per concept, "
                + "active misconceptions, leeches and the study streak.",
        footerHeading = "%nExamples:%n", footer = {"  quizcard stats", "  quizcard stats --json"})
final class StatsCommand implements Callable<Integer> {
    private static final int CHART_HEIGHT = 6;

    private final Context context;

    @Mixin
    BankOptions bankOptions;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    StatsCommand(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        Bank bank = context.bank(bankOptions.banks);
        Stats s;
        try (ProgressQueries store = Progress.read(context)) {
            s = Stats.compute(bank, store, Progress.scheduler(context), context.clock().instant());
        }
        if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(asJson(s)));
        } else {
            print(s, context.out());
        }
        return 0;
    }

    static Map<String, Object> asJson(Stats s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reviewsToday", s.reviewsToday());
        m.put("dueNow", s.dueNow());
        m.put("duePerDay", s.duePerDay());
        m.put("trueRetention", s.trueRetention());
        m.put("retentionReviews", s.retentionReviews());
        List<Object> mastery = new ArrayList<>();
        for (Stats.Mastery c : s.mastery()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("concept", c.concept());
            x.put("questions", c.questions());
            x.put("seen", c.seen());
            x.put("mature", c.mature());
            x.put("retrievability", Math.round(c.retrievability() * 10000) / 10000.0);
            mastery.add(x);
        }
        m.put("mastery", mastery);
        List<Object> active = new ArrayList<>();
        for (Misconceptions.Evidence e : s.activeMisconceptions()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("id", e.misconception().id());
            x.put("revealed", e.revealed());
            x.put("clearedDays", e.clearedDays());
            x.put("lastSeen", e.lastSeen().toString());
            active.add(x);
        }
        m.put("activeMisconceptions", active);
        List<Object> leeches = new ArrayList<>();
        s.leeches().forEach(l -> leeches.add(Map.of("card", l.card(), "agains", l.agains())));
        m.put("leeches", leeches);
        m.put("streak", s.streak());
        m.put("totalReviews", s.totalReviews());
        return m;
    }

    private static void print(Stats s, PrintWriter out) {
        out.printf(Locale.ROOT, "Reviews today: %d   Due now: %d   Streak: %s   Reviews in all: %d%n",
                s.reviewsToday(), s.dueNow(), Plural.of(s.streak(), "day"), s.totalReviews());
        out.println("True retention (30 days): " + (s.trueRetention() == null ? "no reviews of learned questions yet"
                : String.format(Locale.ROOT, "%.1f%% of %s", 100 * s.trueRetention(),
                        Plural.of(s.retentionReviews(), "review"))));
        out.println();
        out.println("Due in the next 30 days");
        chart(s.duePerDay(), out);
        out.println();
        out.println("Mastery");
        int width = s.mastery().stream().mapToInt(m -> m.title().length()).max().orElse(8);
        for (Stats.Mastery m : s.mastery()) {
            int filled = (int) Math.round(m.retrievability() * 20);
            out.printf(Locale.ROOT, "  %-" + width + "s  %s%s  %3.0f%%  seen %d/%d, mature %d%n", m.title(),
                    "█".repeat(filled), "░".repeat(20 - filled), 100 * m.retrievability(), m.seen(), m.questions(),
                    m.mature());
        }
        out.println();
        if (s.activeMisconceptions().isEmpty()) {
            out.println("Active misconceptions: none");
        } else {
            out.println("Active misconceptions (quizcard misconceptions for the corrections)");
            for (Misconceptions.Evidence e : s.activeMisconceptions()) {
                out.printf(Locale.ROOT, "  %s  revealed %d×, cleared on %d of %d days%n", e.misconception().id(),
                        e.revealed(), e.clearedDays(), Misconceptions.DAYS_TO_CLEAR);
            }
        }
        if (!s.leeches().isEmpty()) {
            out.println();
            out.println("Leeches (failed " + Stats.LEECH_AGAINS + " times or more: rethink, don't repeat)");
            s.leeches().forEach(l -> out.printf(Locale.ROOT, "  %s  %d× Again%n", l.card(), l.agains()));
        }
    }

    /** A vertical bar chart of the forecast: one column per day, today first. */
    private static void chart(List<Integer> days, PrintWriter out) {
        int max = days.stream().mapToInt(Integer::intValue).max().orElse(0);
        if (max == 0) {
            out.println("  nothing scheduled");
            return;
        }
        String[] eighths = {" ", "▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"};
        for (int row = CHART_HEIGHT - 1; row >= 0; row--) {
            StringBuilder line = new StringBuilder(
                    row == CHART_HEIGHT - 1 ? String.format(Locale.ROOT, "%4d ┤", max) : "     │");
            for (int n : days) {
                double height = n * CHART_HEIGHT * 8.0 / max;
                int cell = (int) Math.round(Math.max(0, Math.min(8, height - row * 8)));
                if (n > 0 && row == 0 && cell == 0) cell = 1;
                line.append(eighths[cell]).append(' ');
            }
            out.println(line.toString().stripTrailing());
        }
        StringBuilder axis = new StringBuilder("   0 └");
        axis.append("─".repeat(days.size() * 2));
        out.println(axis);
        out.printf(Locale.ROOT, "      today%" + (days.size() * 2 - 5) + "s%n", "+" + (days.size() - 1) + "d");
    }
}
