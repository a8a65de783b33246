package org.quizcard.cli;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Locale;
import org.quizcard.Plural;
import org.quizcard.bank.Bank;
import org.quizcard.store.ProgressQueries;
import org.quizcard.study.Misconceptions;
import org.quizcard.study.Stats;
import org.quizcard.study.StudyDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard stats}: progress at a glance. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        description = "Reviews today, what is due, the 30-day forecast, true retention, mastery per concept, "
                + "active misconceptions, leeches and the study streak.",
        footerHeading = "%nExamples:%n", footer = {"  quizcard stats", "  quizcard stats --json"})
final class StatsCommand extends BankCommand {
    @Option(names = "--json", description = "Print the figures as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Bank bank = context.bank(banks);
        Stats s;
        try (ProgressQueries store = Progress.read(context)) {
            org.quizcard.study.Settings settings = context.settings();
            s = Stats.compute(bank, store, Progress.scheduler(context, settings, store), context.clock().instant(),
                    settings.newPerDay());
        }
        if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(asJson(s)));
        } else {
            print(s, Page.of(context));
        }
        return 0;
    }

    /** What {@code --json} prints, in its order and under its names. */
    record Json(int reviewsToday, int dueNow, StudyNowJson studyNow, List<Integer> duePerDay, Double trueRetention,
                int retentionReviews, List<MasteryJson> mastery, List<MisconceptionJson> activeMisconceptions,
                List<Stats.Leech> leeches, int streak, long totalReviews, CalibrationChart.Json calibration) { }

    record StudyNowJson(@JsonProperty("new") int fresh, int learning, int due, int scheduled, int probes) { }

    record MasteryJson(String concept, int questions, int seen, int mature, double retrievability) { }

    record MisconceptionJson(String id, int revealed, int clearedDays, String lastSeen) { }

    static Json asJson(Stats s) {
        StudyDay.Outlook now = s.studyNow();
        return new Json(s.reviewsToday(), s.dueNow(),
                new StudyNowJson(now.fresh(), now.learning(), now.due(), now.scheduled(), now.probes()),
                s.duePerDay(), s.trueRetention(), s.retentionReviews(),
                s.mastery().stream().map(c -> new MasteryJson(c.concept(), c.questions(), c.seen(), c.mature(),
                        Math.round(c.retrievability() * 10000) / 10000.0)).toList(),
                s.activeMisconceptions().stream().map(e -> new MisconceptionJson(e.misconception().id(),
                        e.revealed(), e.clearedDays(), e.lastSeen().toString())).toList(),
                s.leeches(), s.streak(), s.totalReviews(), CalibrationChart.asJson(s.calibration()));
    }

    private static void print(Stats s, Page page) {
        page.items("   ", List.of("Reviews today: " + s.reviewsToday(), "Streak: " + Plural.of(s.streak(), "day"),
                "Reviews in all: " + s.totalReviews()));
        studyNow(s, page);
        page.println("True retention (30 days): ", s.trueRetention() == null ? "no reviews of learned questions yet"
                : String.format(Locale.ROOT, "%.1f%% of %s", 100 * s.trueRetention(),
                        Plural.of(s.retentionReviews(), "review")));
        page.println();
        ForecastChart.print(s.duePerDay(), page);
        page.println();
        CalibrationChart.print(s.calibration(), page);
        page.println();
        page.println("Mastery");
        mastery(s.mastery(), page);
        page.println();
        if (s.activeMisconceptions().isEmpty()) {
            page.println("Active misconceptions: none");
        } else {
            page.println("Active misconceptions (quizcard misconceptions for the corrections)");
            for (Misconceptions.Evidence e : s.activeMisconceptions()) {
                page.println("  " + e.misconception().id() + "  ", String.format(Locale.ROOT,
                        "revealed %d×, cleared on %d of %d days", e.revealed(), e.clearedDays(),
                        Misconceptions.DAYS_TO_CLEAR));
            }
        }
        if (!s.leeches().isEmpty()) {
            page.println();
            page.println("Leeches (failed " + Stats.LEECH_AGAINS + " times or more: rethink, don't repeat)");
            s.leeches().forEach(l -> page.println("  " + l.card() + "  ", l.agains() + "× Again"));
        }
    }

    /**
     * What {@code quizcard study} would serve now, counted as its header counts, and, when the
     * learning and due ones are not simply those scheduled by now, where they come from.
     */
    private static void studyNow(Stats s, Page page) {
        StudyDay.Outlook now = s.studyNow();
        page.println("Study now: ", String.format(Locale.ROOT, "%d new · %d learning · %d due", now.fresh(),
                now.learning(), now.due()));
        boolean cut = now.scheduled() < s.dueNow();
        if (now.probes() == 0 && !cut) return;
        page.println("  ", (cut ? now.scheduled() + " of " : "") + s.dueNow() + " scheduled for review by now"
                + (now.probes() == 0 ? "" : ", " + now.probes() + " back early to probe active misconceptions")
                + (cut ? "; the rest in a later session" : ""));
    }

    /** A bar of mean recall probability per concept; narrowed, then split over two lines, to fit. */
    private static void mastery(List<Stats.Mastery> mastery, Page page) {
        int titles = mastery.stream().mapToInt(m -> m.title().length()).max().orElse(8);
        List<String> figures = mastery.stream().map(m -> String.format(Locale.ROOT, "%3.0f%%  seen %d/%d, mature %d",
                100 * m.retrievability(), m.seen(), m.questions(), m.mature())).toList();
        int longest = figures.stream().mapToInt(String::length).max().orElse(0);
        // two spaces, the title, two spaces, the bar, two spaces, the figures
        boolean oneLine = page.fits(2 + titles + 2 + MIN_BAR + 2 + longest);
        int bar = page.width() == 0 ? BAR
                : Math.max(MIN_BAR, Math.min(BAR, page.width() - (oneLine ? 2 + titles + 2 : 4) - 2 - longest));
        for (int i = 0; i < mastery.size(); i++) {
            Stats.Mastery m = mastery.get(i);
            int filled = (int) Math.round(m.retrievability() * bar);
            String drawn = "█".repeat(filled) + "░".repeat(bar - filled) + "  ";
            if (oneLine) {
                page.println(String.format(Locale.ROOT, "  %-" + titles + "s  ", m.title()) + drawn, figures.get(i));
            } else {
                page.println("  " + m.title());
                page.println("    " + drawn, figures.get(i));
            }
        }
    }

    /** The widest and the narrowest bar of the mastery table. */
    private static final int BAR = 20;
    private static final int MIN_BAR = 5;
}
