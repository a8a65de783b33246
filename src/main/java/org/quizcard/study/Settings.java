package org.quizcard.study;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizcard.QuizcardException;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Fields;
import org.quizcard.bank.Problem;
import org.quizcard.bank.YamlNode;
import org.quizcard.srs.SchedulerConfig;

/**
 * The settings a learner owns, from their {@code config.yaml} (docs/settings.md, with a JSON
 * Schema in docs/schema/config.schema.json), each with where its value came from: the file's
 * line, or the default. A bad value is bad input naming the file, line and column.
 *
 * @param desiredRetention the recall probability reviews are scheduled for
 * @param maximumInterval  the longest interval, in days
 * @param learningSteps    the delays of new questions' first steps
 * @param relearningSteps  the delays after a lapse
 * @param newPerDay        new questions a study day introduces
 * @param dayStart         the local hour a study day begins
 * @param fuzz             whether long intervals are spread a little, so reviews do not bunch up
 * @param origins          for each key, where its value came from ({@code file:line:column}, or {@code default})
 */
public record Settings(double desiredRetention, int maximumInterval, List<Duration> learningSteps,
                       List<Duration> relearningSteps, int newPerDay, int dayStart, boolean fuzz,
                       Map<String, String> origins) {

    /** The keys of config.yaml, in the order {@code quizcard config} lists them. */
    public static final List<String> KEYS = List.of("desired-retention", "maximum-interval", "learning-steps",
            "relearning-steps", "new-per-day", "day-start", "fuzz");

    /** The origin of a value nobody set. */
    public static final String DEFAULT = "default";

    private static final Pattern STEP = Pattern.compile("([1-9][0-9]{0,5})([mhd])");
    private static final int MAX_STEPS = 10;
    private static final Duration LONGEST_STEP = Duration.ofDays(30);

    public Settings {
        learningSteps = List.copyOf(learningSteps);
        relearningSteps = List.copyOf(relearningSteps);
        origins = Map.copyOf(origins);
    }

    /** quizcard's defaults, those of FSRS and Anki. */
    public static Settings defaults() {
        Map<String, String> origins = new LinkedHashMap<>();
        KEYS.forEach(k -> origins.put(k, DEFAULT));
        return new Settings(SchedulerConfig.DEFAULT_DESIRED_RETENTION, SchedulerConfig.DEFAULT_MAXIMUM_INTERVAL,
                SchedulerConfig.DEFAULT_LEARNING_STEPS, SchedulerConfig.DEFAULT_RELEARNING_STEPS, StudyDay.DEFAULT_NEW,
                SchedulerConfig.DEFAULT_DAY_START_HOUR, true, origins);
    }

    /** The scheduler these settings ask for, with the given weights, counting days in {@code zone}. */
    public SchedulerConfig scheduler(List<Double> weights, ZoneId zone) {
        return SchedulerConfig.defaults().withWeights(weights).withDesiredRetention(desiredRetention)
                .withMaximumInterval(maximumInterval).withLearningSteps(learningSteps)
                .withRelearningSteps(relearningSteps).withEnableFuzz(fuzz).withDayStartHour(dayStart).withZone(zone);
    }

    /** The settings in {@code file}; the defaults when there is no such file. */
    public static Settings read(Path file) {
        try {
            if (!Files.exists(file) || Files.size(file) == 0) return defaults();
        } catch (java.io.IOException e) {
            throw QuizcardException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        List<Problem> problems = new ArrayList<>();
        YamlNode root = BankLoader.parse(file, problems);
        Settings settings = root == null ? null : bind(root, problems);
        Problem.failOnErrors(problems);
        return settings;
    }

    private static Settings bind(YamlNode root, List<Problem> problems) {
        Settings d = defaults();
        if (root instanceof YamlNode.YamlScalar s && s.kind() == YamlNode.YamlScalar.Kind.NULL) return d;   // an empty file
        Fields f = Fields.of(root, "the settings", problems);
        if (f == null) return d;
        Map<String, String> origins = new LinkedHashMap<>(d.origins());
        for (String key : KEYS) {
            YamlNode n = f.has(key) ? f.node(key) : null;
            if (n != null && !(n instanceof YamlNode.YamlScalar s && s.kind() == YamlNode.YamlScalar.Kind.NULL)) {
                origins.put(key, n.where().toString());
            }
        }
        double retention = number(f, "desired-retention", d.desiredRetention(), 0.70, 0.99, problems);
        int maxInterval = (int) whole(f, "maximum-interval", d.maximumInterval(), 1, SchedulerConfig.DEFAULT_MAXIMUM_INTERVAL,
                problems);
        List<Duration> learning = steps(f, "learning-steps", d.learningSteps(), problems);
        List<Duration> relearning = steps(f, "relearning-steps", d.relearningSteps(), problems);
        int newPerDay = (int) whole(f, "new-per-day", d.newPerDay(), 0, 9999, problems);
        int dayStart = (int) whole(f, "day-start", d.dayStart(), 0, 23, problems);
        Boolean fuzz = f.bool("fuzz", false);
        f.finish();
        return new Settings(retention, maxInterval, learning, relearning, newPerDay, dayStart,
                fuzz == null ? d.fuzz() : fuzz, origins);
    }

    private static double number(Fields f, String key, double fallback, double min, double max, List<Problem> problems) {
        Double v = f.number(key, false);
        if (v == null) return fallback;
        if (v < min || v > max) {
            problems.add(Problem.error(f.node(key).where(), "'" + key + "' must be from " + min + " to " + max + ", not " + v));
            return fallback;
        }
        return v;
    }

    private static long whole(Fields f, String key, long fallback, long min, long max, List<Problem> problems) {
        Double v = f.number(key, false);
        if (v == null) return fallback;
        if (v != Math.rint(v) || v < min || v > max) {
            problems.add(Problem.error(f.node(key).where(), "'" + key + "' must be a whole number from " + min + " to "
                    + max + ", not " + (v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v))));
            return fallback;
        }
        return v.longValue();
    }

    /** Steps such as {@code [1m, 10m]}, {@code [10m, 1h, 1d]}: minutes, hours or days; a wrong one is named where it stands. */
    private static List<Duration> steps(Fields f, String key, List<Duration> fallback, List<Problem> problems) {
        if (!f.has(key)) return fallback;
        int before = problems.size();
        List<Duration> steps = f.list(key, false, n -> {
            String text = n instanceof YamlNode.YamlScalar s ? s.text().strip() : null;
            Matcher m = text == null ? null : STEP.matcher(text);
            Duration step = null;
            if (m != null && m.matches()) {
                long count = Long.parseLong(m.group(1));
                step = switch (m.group(2)) {
                    case "m" -> Duration.ofMinutes(count);
                    case "h" -> Duration.ofHours(count);
                    default -> Duration.ofDays(count);
                };
            }
            if (step == null || step.compareTo(LONGEST_STEP) > 0) {
                problems.add(Problem.error(n.where(), "'" + key + "' takes steps such as 1m, 10m, 1h or 1d, up to 30d, not "
                        + (text == null ? n.describe() : "'" + text + "'")));
                return null;
            }
            return step;
        });
        if (steps.size() > MAX_STEPS) {
            problems.add(Problem.error(f.node(key).where(), "'" + key + "' takes at most " + MAX_STEPS + " steps, not " + steps.size()));
        }
        return problems.size() > before ? fallback : steps;
    }

    /** A step as config.yaml writes it: {@code 10m}, {@code 1h}, {@code 1d}. */
    public static String step(Duration d) {
        if (d.toMinutes() % (24 * 60) == 0) return d.toDays() + "d";
        if (d.toMinutes() % 60 == 0) return d.toHours() + "h";
        return d.toMinutes() + "m";
    }
}
