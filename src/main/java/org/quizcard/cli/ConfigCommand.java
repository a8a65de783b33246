package org.quizcard.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.quizcard.Plural;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries;
import org.quizcard.store.WeightSet;
import org.quizcard.study.Settings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import tools.jackson.databind.json.JsonMapper;

/** {@code quizcard config}: the settings in effect, and where each came from. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {
            "Show the settings in effect and where each came from: your config.yaml (its line) or the default.",
            "The file is $QUIZCARD_CONFIG, else $XDG_CONFIG_HOME/quizcard/config.yaml, else "
                    + "~/.config/quizcard/config.yaml. Its keys: desired-retention (0.70 to 0.99), maximum-interval "
                    + "(days), learning-steps and relearning-steps (lists such as [1m, 10m]), new-per-day, day-start "
                    + "(hour, 0 to 23), fuzz (true or false). The weights are FSRS-6's defaults until 'quizcard "
                    + "optimize' fits them to your reviews.",
        },
        footerHeading = "%nExamples:%n",
        footer = {"  quizcard config", "  quizcard config --json", "", "A config.yaml (docs/settings.md):",
            "  desired-retention: 0.85", "  learning-steps: [1m, 10m, 1h]", "  new-per-day: 20"})
final class ConfigCommand extends ContextCommand {
    @Option(names = "--json", description = "Print the settings as JSON.")
    boolean json;

    @Override
    public Integer call() {
        Optional<Path> file = context.settingsFile();
        Settings settings = context.settings();
        Optional<WeightSet> weights;
        try (ProgressQueries store = Progress.read(context)) {
            weights = store.activeWeights();
        }
        if (json) {
            context.out().println(JsonMapper.shared().writeValueAsString(asJson(file, settings, weights)));
            return 0;
        }
        Page page = Page.of(context);
        if (file.isEmpty()) {
            page.println("Settings file: ", "none (no home directory): every value is a default");
        } else {
            page.println("Settings file: ", org.quizcard.term.Text.safe(file.get().toString())
                    + (Files.exists(file.get()) ? "" : " (not there: every value is a default)"));
        }
        page.println();
        Map<String, Object> values = values(settings);
        // in columns where they fit; else each value with its origin after it
        boolean columns = page.fits(2 + 18 + 1 + 12 + 1 + "line 100".length());
        for (String key : Settings.KEYS) {
            String value = text(values.get(key));
            page.println(columns ? String.format(java.util.Locale.ROOT, "  %-18s %-12s %s", key, value, origin(settings, key))
                    : "  " + key + " " + value + " (" + origin(settings, key) + ")");
        }
        page.println(columns ? String.format(java.util.Locale.ROOT, "  %-18s ", "weights") : "  weights ", weights
                .map(w -> "fitted " + w.fittedAt().atZone(context.clock().getZone()).toLocalDate() + " on "
                        + Plural.of((int) w.reviews(), "review") + " (quizcard optimize --list)")
                .orElse("FSRS-6 defaults (quizcard optimize fits them to your reviews)"));
        return 0;
    }

    /** Each setting's value as config.yaml writes it: numbers, booleans, and steps as lists such as [1m, 10m]. */
    private static Map<String, Object> values(Settings s) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("desired-retention", s.desiredRetention());
        v.put("maximum-interval", s.maximumInterval());
        v.put("learning-steps", s.learningSteps().stream().map(Settings::step).toList());
        v.put("relearning-steps", s.relearningSteps().stream().map(Settings::step).toList());
        v.put("new-per-day", s.newPerDay());
        v.put("day-start", s.dayStart());
        v.put("fuzz", s.fuzz());
        return v;
    }

    private static String text(Object value) {
        if (value instanceof List<?> steps) {
            return steps.isEmpty() ? "(none)" : String.join(" ", steps.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Where a value came from: {@code line L} of the file, or {@code default}. */
    private static String origin(Settings s, String key) {
        String from = s.origins().get(key);
        if (Settings.DEFAULT.equals(from)) return from;
        String[] parts = from.split(":");
        return parts.length >= 3 ? "line " + parts[parts.length - 2] : from;
    }

    private static Json asJson(Optional<Path> file, Settings s, Optional<WeightSet> weights) {
        Map<String, Setting> settings = new LinkedHashMap<>();
        Map<String, Object> values = values(s);
        for (String key : Settings.KEYS) {
            settings.put(key, new Setting(values.get(key), s.origins().get(key)));
        }
        WeightsJson fitted = weights
                .map(set -> new WeightsJson("fitted", set.weights(), set.fittedAt().toString(),
                        set.reviews()))
                .orElse(new WeightsJson("default", SchedulerConfig.DEFAULT_WEIGHTS, null, null));
        boolean exists = file.isPresent() && Files.exists(file.get());
        return new Json(file.map(Path::toString).orElse(null), exists, settings, fitted);
    }

    /** What {@code --json} prints, in its order and under its names. */
    record Json(String file, boolean exists, Map<String, Setting> settings, WeightsJson weights) { }

    /** A setting in {@code --json}: its value, then where it came from (a record, so always in that order). */
    record Setting(Object value, String from) { }

    /** The weights in {@code --json}; when and on how many reviews, only when they were fitted. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WeightsJson(String from, List<Double> values, String fittedAt, Long reviews) { }
}
