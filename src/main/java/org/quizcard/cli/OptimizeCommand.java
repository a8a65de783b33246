package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.quizcard.Plural;
import org.quizcard.QuizcardException;
import org.quizcard.srs.ReviewCsv;
import org.quizcard.srs.fit.FitResult;
import org.quizcard.srs.fit.Health;
import org.quizcard.srs.fit.Metrics;
import org.quizcard.srs.fit.Optimizer;
import org.quizcard.srs.fit.Review;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.WeightSet;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard optimize}: FSRS weights fitted to a review log, the learner's own by default. */
@Command(name = "optimize", mixinStandardHelpOptions = true,
        description = {
            "Fit the FSRS-6 weights to your own reviews.",
            "With weights fitted to you, questions come back when you would forget them rather than when an average "
                    + "learner would. It prints how well the default and the fitted weights "
                    + "predict your reviews (log loss and RMSE over bins: lower is better), checks the fitted ones on "
                    + "your latest reviews, which they were not fitted on, and saves them when they do better; every "
                    + "earlier set is kept (--list, --restore).",
            "With REVIEWS.csv (replay's format: card,reviewed_at,rating) it fits that log instead, and saves nothing.",
            "Optimize after a few hundred reviews, then every month or so: docs/optimizer.md.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard optimize", "  quizcard optimize --dry-run --json", "  quizcard optimize --list",
            "  quizcard optimize --restore 0", "  quizcard optimize anki-reviews.csv --zone Europe/Berlin"})
final class OptimizeCommand extends ContextCommand {
    /** The most reviews a file may hold: a fit keeps them all in memory, about 200 bytes each. */
    static final int MAX_REVIEWS = 5_000_000;

    @Parameters(paramLabel = "REVIEWS.csv", arity = "0..1",
            description = "A review log to fit instead of yours (card,reviewed_at,rating), or - for standard input.")
    String file;

    @Option(names = "--zone", paramLabel = "ZONE", description = "Time zone of the study days (default: the system zone).")
    String zone;

    @Option(names = "--day-start", paramLabel = "HOUR",
            description = "Local hour, 0 to 23, at which a study day starts (default: day-start of your settings).")
    Integer dayStart;

    @Option(names = "--json", description = "Print the weights and metrics as JSON.")
    boolean json;

    @Option(names = "--dry-run", description = "Fit and print, but save nothing.")
    boolean dryRun;

    @ArgGroup(exclusive = true)
    Other other;

    /** The other things optimize does, instead of fitting. */
    static final class Other {
        @Option(names = "--list", description = "List the weight sets kept, the one in use marked.")
        boolean list;

        @Option(names = "--restore", paramLabel = "N",
                description = "Schedule with weight set N of --list again; 0 for FSRS-6's defaults.")
        Long restore;
    }

    @Override
    public Integer call() {
        if (other != null && other.list) return list();
        if (other != null && other.restore != null) return restore(other.restore);
        ZoneId zoneId = zone == null ? context.clock().getZone() : ReviewLog.zone(zone);
        int hour = dayStart == null ? context.settings().dayStart() : dayStart;
        if (hour < 0 || hour > 23) throw QuizcardException.badInput("--day-start must be from 0 to 23, not " + hour);
        List<Review> reviews = file == null ? ownReviews()
                : ReviewLog.read(context, file, in -> rows(in, MAX_REVIEWS));
        FitResult fit = Optimizer.fit(reviews, zoneId, hour);
        Long saved = null;
        String notSaved = null;
        if (file != null) {
            notSaved = "not saved: fitted to " + file + ", not to your reviews";
        } else if (dryRun) {
            notSaved = "not saved (--dry-run)";
        } else if (!worthSaving(fit)) {
            notSaved = "not saved: the defaults serve you as well for now";
        } else {
            try (ProgressStore store = ProgressStore.open(context.home())) {
                saved = store.saveWeights(new WeightSet(0, context.clock().instant(),
                        Arrays.stream(fit.weights()).boxed().toList(), fit.reviews(), fit.after().logLoss(),
                        fit.after().rmseBins(), true));
            }
        }
        if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(asJson(fit, saved)));
        } else {
            print(fit, saved, notSaved);
        }
        return 0;
    }

    /** Fitted weights are kept when they beat the defaults on the reviews they were fitted on, and the held-out check does not say otherwise. */
    private static boolean worthSaving(FitResult fit) {
        return fit.after() != null && fit.before() != null && fit.after().logLoss() < fit.before().logLoss()
                && fit.health().verdict() != Health.Verdict.NOT_BETTER;
    }

    private List<Review> ownReviews() {
        try (ProgressQueries store = Progress.read(context)) {
            List<Review> reviews = new ArrayList<>();
            store.forEachReview((card, at, rating) -> reviews.add(new Review(card, at, rating)));
            return reviews;
        }
    }

    /** The reviews of a log in replay's CSV format, at most {@code max} of them; a bad row or one too many is bad input. */
    static List<Review> read(InputStream in, String source, int max) throws IOException {
        return ReviewLog.parse(source, in, stream -> rows(stream, max));
    }

    private static List<Review> rows(InputStream in, int max) throws IOException, ReviewCsv.BadRowException {
        List<Review> reviews = new ArrayList<>();
        ReviewCsv.read(in, () -> { }, (fields, at, rating, line) -> {
            if (reviews.size() == max) {
                throw new ReviewCsv.BadRowException(line, "more than " + String.format(Locale.ROOT, "%,d", max)
                        + " reviews: a fit holds them all in memory; keep the latest ones");
            }
            reviews.add(new Review(fields[0], at, rating.value()));
        });
        return reviews;
    }

    private void print(FitResult fit, Long saved, String notSaved) {
        Page page = Page.of(context);
        page.println(String.format(Locale.ROOT, "FSRS-6 weights fitted to %s (%s usable: a day or more after the "
                + "question's previous review)", Plural.of(fit.reviews(), "review"), Plural.of(fit.items(), "item")));
        if (fit.before() != null && fit.after() != null) {
            page.println("             log loss  RMSE(bins)");
            page.println(row("defaults", fit.before()));
            page.println(row("fitted", fit.after()));
        }
        page.println("Check: ", fit.health().message());
        page.println("Weights: ", String.join(", ", Arrays.stream(fit.weights())
                .mapToObj(w -> String.format(Locale.ROOT, "%.4f", w)).toList()));
        page.println(saved == null ? "Weights " + notSaved + "." : "Saved as weight set " + saved
                + ": it schedules your reviews from now on (quizcard optimize --list; --restore to go back).");
    }

    private static String row(String name, Metrics m) {
        return String.format(Locale.ROOT, "  %-9s  %8.4f  %10.4f", name, m.logLoss(), m.rmseBins());
    }

    /** What {@code --json} prints, in its order and under its names. */
    record Json(List<Double> weights, int reviews, int items, MetricsJson before, MetricsJson after, HealthJson health,
                Long saved) { }

    record MetricsJson(double logLoss, double rmseBins) {
        static MetricsJson of(Metrics m) {
            return m == null ? null : new MetricsJson(m.logLoss(), m.rmseBins());
        }
    }

    record HealthJson(String verdict, String message) { }

    private static Json asJson(FitResult fit, Long saved) {
        return new Json(Arrays.stream(fit.weights()).boxed().toList(), fit.reviews(), fit.items(),
                MetricsJson.of(fit.before()), MetricsJson.of(fit.after()),
                new HealthJson(fit.health().verdict().name().toLowerCase(Locale.ROOT), fit.health().message()), saved);
    }

    private int list() {
        List<WeightSet> sets;
        try (ProgressQueries store = Progress.read(context)) {
            sets = store.weightSets();
        }
        Page page = Page.of(context);
        boolean anyActive = sets.stream().anyMatch(WeightSet::active);
        page.println("  set  fitted" + " ".repeat(10) + "  reviews  log loss  RMSE(bins)");
        page.println(String.format(Locale.ROOT, "%s   0  FSRS-6's defaults", anyActive ? " " : "▸"));
        for (WeightSet s : sets) {
            page.println(String.format(Locale.ROOT, "%s %3d  %-16s  %7d  %8.4f  %10.4f", s.active() ? "▸" : " ", s.id(),
                    s.fittedAt().atZone(context.clock().getZone()).toLocalDateTime().withSecond(0).withNano(0)
                            .toString().replace('T', ' '), s.reviews(), s.logLoss(), s.rmseBins()));
        }
        return 0;
    }

    private int restore(long id) {
        try (ProgressStore store = ProgressStore.open(context.home())) {
            if (!store.activateWeights(id)) {
                throw QuizcardException.badInput("--restore " + id + ": no such weight set (quizcard optimize --list)");
            }
        }
        context.out().println(id == 0 ? "Your reviews are scheduled with FSRS-6's default weights again."
                : "Your reviews are scheduled with weight set " + id + " again.");
        return 0;
    }
}
