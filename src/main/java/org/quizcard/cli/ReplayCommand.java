package org.quizcard.cli;

import java.util.ArrayList;
import java.util.List;
import org.quizcard.QuizcardException;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.ReviewCsv;
import org.quizcard.srs.SchedulerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code quizcard replay}: a review log through the FSRS-6 scheduler, printing each card's state after each review. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {
            "Replay a review log through the FSRS-6 scheduler and print each card's state after every review, "
                    + "to compare quizcard with another FSRS implementation.",
            "Reads CSV with the header card,reviewed_at,rating: ISO-8601 instants such as 2022-11-29T12:30:00.000Z, "
                    + "ratings 1 (Again) to 4 (Easy), each card's reviews in time order (cards may interleave). "
                    + "Writes card,reviewed_at,rating,state,stability,difficulty,due. Fuzz is seeded per card and "
                    + "review, so replays are deterministic. ts-fsrs counts days in UTC from midnight: "
                    + "use --zone UTC --day-start 0 to compare with it.",
            "A bad row stops the replay with path:line: message and exit 2, after the rows before it."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  quizcard replay --zone UTC --day-start 0 --no-fuzz reviews.csv",
            "  quizcard replay - < reviews.csv > states.csv"
        })
final class ReplayCommand extends ContextCommand {
    @Option(names = "--zone", paramLabel = "ZONE",
            description = "Time zone in which study days are counted, e.g. UTC or Europe/Berlin "
                    + "(default: the system zone).")
    String zone;

    @Option(names = "--day-start", paramLabel = "HOUR",
            description = "Local hour, 0 to 23, at which a study day starts (default: day-start of your settings, else "
                    + SchedulerConfig.DEFAULT_DAY_START_HOUR + ").")
    Integer dayStart;

    @Option(names = "--retention", paramLabel = "R",
            description = "Desired retention, between 0 and 1 (default: desired-retention of your settings, else "
                    + SchedulerConfig.DEFAULT_DESIRED_RETENTION + ").")
    Double retention;

    @Option(names = "--max-interval", paramLabel = "DAYS",
            description = "Longest review interval in days (default: maximum-interval of your settings, else "
                    + SchedulerConfig.DEFAULT_MAXIMUM_INTERVAL + ").")
    Integer maxInterval;

    @Option(names = "--params", paramLabel = "W0,...,W20",
            description = "The 21 FSRS-6 weights, comma-separated (default: the FSRS-6 defaults).")
    String params;

    @Option(names = "--no-fuzz", description = "Do not spread review intervals randomly (default: fuzz of your settings, "
            + "else on).")
    boolean noFuzz;

    @Parameters(paramLabel = "REVIEWS.csv", description = "The review log, or - for standard input.")
    String file;

    @Override
    public Integer call() {
        ReviewCsv replay = new ReviewCsv(new Fsrs(config()));
        ReviewLog.read(context, file, in -> replay.replay(in, context.out()));
        return 0;
    }

    /** The scheduler settings from the options; invalid ones are bad input. */
    private SchedulerConfig config() {
        try {
            // the learner's settings (steps among them), then the options given
            org.quizcard.study.Settings settings = context.settings();
            SchedulerConfig config = settings.scheduler(SchedulerConfig.DEFAULT_WEIGHTS, SchedulerConfig.defaults().zone())
                    .withDayStartHour(dayStart == null ? settings.dayStart() : dayStart)
                    .withDesiredRetention(retention == null ? settings.desiredRetention() : retention)
                    .withMaximumInterval(maxInterval == null ? settings.maximumInterval() : maxInterval)
                    .withEnableFuzz(!noFuzz && settings.fuzz());
            if (zone != null) config = config.withZone(ReviewLog.zone(zone));
            if (params != null) config = config.withWeights(weights(params));
            return config;
        } catch (IllegalArgumentException e) {
            // name the options a user typed, not the scheduler's fields
            String message = e.getMessage().replace("desiredRetention", "--retention")
                    .replace("maximumInterval", "--max-interval").replace("dayStartHour", "--day-start");
            throw QuizcardException.badInput(message);
        }
    }

    private static List<Double> weights(String text) {
        String[] parts = text.split(",", -1);
        if (parts.length != SchedulerConfig.WEIGHT_COUNT) {
            throw QuizcardException.badInput("--params needs exactly " + SchedulerConfig.WEIGHT_COUNT
                    + " comma-separated numbers (w0,...,w20), got " + parts.length);
        }
        List<Double> weights = new ArrayList<>(parts.length);
        for (String part : parts) {
            try {
                weights.add(Double.parseDouble(part.strip()));
            } catch (NumberFormatException e) {
                throw QuizcardException.badInput("--params: '" + part.strip() + "' is not a number");
            }
        }
        return weights;
    }
}
