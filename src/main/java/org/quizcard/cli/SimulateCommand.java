package org.quizcard.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.srs.Card;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.MemoryState;
import org.quizcard.store.ProgressQueries;
import org.quizcard.study.Settings;
import org.quizcard.study.Simulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard simulate}: the workload ahead for each desired retention, before choosing one. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = {
            "Show the workload of the days ahead for each desired retention.",
            "For each: reviews and minutes a day, and how many questions you would remember at the end, simulated with your weights, your backlog, your daily "
                    + "new questions and the time you take per answer. It also finds the retention that costs the "
                    + "least time per question remembered.",
            "Set the one you choose as desired-retention in your settings (quizcard config).",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard simulate", "  quizcard simulate --days 90 --retention 0.8 --retention 0.9",
            "  quizcard simulate --json"})
final class SimulateCommand extends BankCommand {
    /** The retentions compared when none is given, besides the learner's own. */
    private static final List<Double> RETENTIONS = List.of(0.70, 0.75, 0.80, 0.85, 0.90, 0.95);

    @Option(names = "--days", paramLabel = "N", defaultValue = "365", description = "Days to simulate (default ${DEFAULT-VALUE}).")
    int days;

    @Option(names = "--retention", paramLabel = "R",
            description = "A desired retention to compare, 0.70 to 0.95; repeatable (default: 0.70 to 0.95 by 0.05, and yours).")
    List<Double> retentions;

    @Option(names = "--new", paramLabel = "N", description = "New questions a day (default: new-per-day of your settings).")
    Integer newPerDay;

    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        if (days < 1 || days > 3650) throw QuizcardException.badInput("--days must be from 1 to 3650");
        if (newPerDay != null && newPerDay < 0) throw QuizcardException.badInput("--new must not be negative");
        for (double r : retentions == null ? List.<Double>of() : retentions) {
            if (r < Simulator.LOWEST || r > Simulator.HIGHEST) {
                throw QuizcardException.badInput("--retention must be from 0.70 to 0.95, not " + r);
            }
        }
        Settings settings = context.settings();
        Bank bank = context.bank(banks);
        Instant now = context.clock().instant();
        List<Simulator.Learned> backlog = new ArrayList<>();
        int unseen = 0;
        boolean fitted;
        Simulator.Habits habits;
        Fsrs fsrs;
        try (ProgressQueries store = Progress.read(context)) {
            fsrs = Progress.scheduler(context, settings, store);
            fitted = store.activeWeights().isPresent();
            habits = Simulator.Habits.of(store.ratingTimes());
            Map<String, ProgressQueries.CardInfo> cards = store.cards();
            long today = fsrs.dayNumber(now);
            for (Question q : (Iterable<Question>) bank.questions()::iterator) {
                ProgressQueries.CardInfo info = cards.get(q.ref());
                Card c = info == null ? null : info.state();
                if (c == null || c.state() == CardState.NEW || c.stability() <= 0 || c.lastReview() == null) {
                    unseen++;
                    continue;
                }
                backlog.add(new Simulator.Learned(new MemoryState(c.stability(), Math.max(1, c.difficulty())),
                        (int) Math.max(0, fsrs.dayNumber(c.due()) - today), (int) Math.max(0, today - fsrs.dayNumber(c.lastReview()))));
            }
        }
        int daily = newPerDay == null ? settings.newPerDay() : newPerDay;
        Simulator simulator = new Simulator(fsrs.config(), backlog, unseen, daily, habits);
        TreeSet<Double> compared = new TreeSet<>(retentions == null ? RETENTIONS : retentions);
        if (retentions == null) compared.add(settings.desiredRetention());
        List<Simulator.Outcome> outcomes = simulator.compare(List.copyOf(compared), days);
        Json figures = new Json(days, fitted ? "fitted" : "default", backlog.size(), unseen, daily,
                habits.learnSeconds(), habits.reviewSeconds(), settings.desiredRetention(),
                simulator.optimalRetention(days), outcomes.stream().map(OutcomeJson::of).toList());
        if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(figures));
        } else {
            print(figures, outcomes);
        }
        return 0;
    }

    private void print(Json figures, List<Simulator.Outcome> outcomes) {
        double optimal = figures.optimalRetention();
        double mine = figures.desiredRetention();
        Page page = Page.of(context);
        page.println("Workload of the next " + days + " days by desired retention");
        page.println("  ", String.format(Locale.ROOT, "%s; %d questions learned, %d new at %d a day; %.0f s a new question, "
                + "%.0f s a review", figures.weights().equals("fitted") ? "your fitted weights"
                : "FSRS-6's default weights (quizcard optimize fits yours)", figures.learned(),
                figures.unseen(), figures.newPerDay(), figures.secondsPerNew(),
                figures.secondsPerReview()));
        page.println();
        boolean table = page.fits(70);
        if (table) page.println("  retention  reviews/day  minutes/day  remembered at end  s/remembered");
        double most = outcomes.stream().mapToDouble(Simulator.Outcome::remembered).max().orElse(1);
        for (Simulator.Outcome o : outcomes) {
            int bar = most <= 0 ? 0 : (int) Math.round(o.remembered() / most * 10);
            String mark = Math.abs(o.retention() - mine) < 1e-9 ? "▸" : " ";
            if (table) {
                page.println(String.format(Locale.ROOT, "  %s %.2f     %11.1f  %11.1f  %6.0f %-10s  %12.1f", mark,
                        o.retention(), o.reviews() / days, o.seconds() / 60 / days, o.remembered(), "█".repeat(bar),
                        o.secondsPerRemembered()));
            } else {
                // a narrow terminal: each retention on two lines of its own
                page.println(String.format(Locale.ROOT, "  %s %.2f  %.1f reviews/day, %.1f min/day", mark, o.retention(),
                        o.reviews() / days, o.seconds() / 60 / days));
                page.println(String.format(Locale.ROOT, "         %.0f remembered, %.1f s each", o.remembered(),
                        o.secondsPerRemembered()));
            }
        }
        page.println("  ▸ your desired retention; s/remembered: seconds of study per question remembered at the end");
        page.println();
        page.println(String.format(Locale.ROOT, "Least time per question remembered: desired retention %.2f%s", optimal,
                Math.abs(optimal - mine) < 0.005 ? " (yours)" : ""));
        if (Math.abs(optimal - mine) >= 0.005) {
            page.println("  ", String.format(Locale.ROOT, "to use it, write desired-retention: %.2f in your settings "
                    + "(quizcard config says where they are)", optimal));
        }
        Simulator.Outcome yours = outcomes.stream().filter(o -> Math.abs(o.retention() - mine) < 1e-9).findFirst()
                .orElse(outcomes.get(outcomes.size() - 1));
        page.println();
        ForecastChart.print(String.format(Locale.ROOT, "Reviews a week at %.2f", yours.retention()),
                weeks(yours.reviewsPerDay()), "w", page);
    }

    /** Reviews summed by week, the first week starting today. */
    private static List<Integer> weeks(double[] perDay) {
        List<Integer> weeks = new ArrayList<>();
        for (int start = 0; start < perDay.length; start += 7) {
            double sum = 0;
            for (int d = start; d < Math.min(perDay.length, start + 7); d++) sum += perDay[d];
            weeks.add((int) Math.round(sum));
        }
        return weeks;
    }

    /** The figures, as {@code --json} prints them: in its order and under its names. */
    record Json(int days, String weights, int learned, int unseen, int newPerDay,
                double secondsPerNew, double secondsPerReview, double desiredRetention,
                double optimalRetention, List<OutcomeJson> retentions) { }

    /** One retention's figures in {@code --json}, to two decimals. */
    record OutcomeJson(double retention, double reviews, double minutes, double remembered,
                       double secondsPerRemembered, List<Double> reviewsPerDay,
                       List<Double> rememberedPerDay) {
        static OutcomeJson of(Simulator.Outcome o) {
            return new OutcomeJson(o.retention(), round(o.reviews()), round(o.seconds() / 60),
                    round(o.remembered()), round(o.secondsPerRemembered()),
                    rounded(o.reviewsPerDay()), rounded(o.rememberedPerDay()));
        }
    }

    private static double round(double x) {
        return Math.round(x * 100) / 100.0;
    }

    private static List<Double> rounded(double[] values) {
        return Arrays.stream(values).map(SimulateCommand::round).boxed().toList();
    }
}
