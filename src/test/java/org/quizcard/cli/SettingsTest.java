package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.study.Settings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The learner's settings file: where it is looked for, what each key does to study, stats and
 * replay, where {@code quizcard config} says each value came from, and how a wrong value is named.
 */
class SettingsTest {
    private static final String DEMO = org.quizcard.bank.Fixtures.demoDir().toString();

    @TempDir
    Path dir;

    private CliRunner withSettings(String yaml) throws Exception {
        Path config = Files.createDirectories(dir.resolve("config/quizcard")).resolve("config.yaml");
        Files.writeString(config, yaml);
        return new CliRunner().env("XDG_CONFIG_HOME", dir.resolve("config").toString());
    }

    @Test
    void everyKeyIsReadWithTheLineItCameFrom() throws Exception {
        Path file = Files.writeString(dir.resolve("config.yaml"), """
                # my settings
                desired-retention: 0.85
                maximum-interval: 365
                learning-steps: [1m, 10m, 1h]
                relearning-steps: []
                new-per-day: 20
                day-start: 0
                fuzz: false
                """);
        Settings s = Settings.read(file);
        assertThat(s.desiredRetention()).isEqualTo(0.85);
        assertThat(s.maximumInterval()).isEqualTo(365);
        assertThat(s.learningSteps()).containsExactly(Duration.ofMinutes(1), Duration.ofMinutes(10), Duration.ofHours(1));
        assertThat(s.relearningSteps()).isEmpty();
        assertThat(s.newPerDay()).isEqualTo(20);
        assertThat(s.dayStart()).isZero();
        assertThat(s.fuzz()).isFalse();
        assertThat(s.origins().get("desired-retention")).isEqualTo(file + ":2:20");
        assertThat(s.origins().get("fuzz")).isEqualTo(file + ":8:7");
    }

    @Test
    void noFileOrAnEmptyOneMeansTheDefaults() throws Exception {
        assertThat(Settings.read(dir.resolve("missing.yaml"))).isEqualTo(Settings.defaults());
        assertThat(Settings.read(Files.writeString(dir.resolve("empty.yaml"), ""))).isEqualTo(Settings.defaults());
        assertThat(Settings.defaults().origins().values()).containsOnly(Settings.DEFAULT);
    }

    @Test
    void aWrongValueIsOneLineNamingTheFileLineAndColumn() throws Exception {
        Map<String, String> wrong = Map.of(
                "desired-retention: 1.5\n", ":1:20: 'desired-retention' must be from 0.7 to 0.99, not 1.5",
                "new-per-day: -1\n", ":1:14: 'new-per-day' must be a whole number from 0 to 9999, not -1",
                "day-start: 4.5\n", ":1:12: 'day-start' must be a whole number from 0 to 23, not 4.5",
                "learning-steps: [1m, 2x]\n", ":1:22: 'learning-steps' takes steps such as 1m, 10m, 1h or 1d, up to 30d, not '2x'",
                "learning-steps: 1m\n", ":1:17: 'learning-steps' must be a list, not a string",
                "fuzz: sometimes\n", ":1:7: 'fuzz' must be",
                "retention: 0.9\n", ":1:1: unknown field 'retention'");
        for (Map.Entry<String, String> e : wrong.entrySet()) {
            CliRunner.Run run = withSettings(e.getKey()).run("study", "--bank", DEMO);
            Path file = dir.resolve("config/quizcard/config.yaml");
            assertThat(run.exit()).as(e.getKey()).isEqualTo(2);
            assertThat(run.err()).as(e.getKey()).startsWith("quizcard study: " + file + e.getValue());
            assertThat(run.err().lines()).as(e.getKey()).hasSize(1);
        }
    }

    @Test
    void configShowsEachValueAndWhereItCameFrom() throws Exception {
        CliRunner runner = withSettings("new-per-day: 3\nlearning-steps: [2m, 1d]\n");
        CliRunner.Run run = runner.run("config");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Settings file: " + dir.resolve("config/quizcard/config.yaml"));
        assertThat(run.out().lines()).contains(
                "  desired-retention  0.9          default",
                "  learning-steps     2m 1d        line 2",
                "  new-per-day        3            line 1",
                "  weights            FSRS-6 defaults (quizcard optimize fits them to your reviews)");

        JsonNode json = JsonMapper.shared().readTree(runner.run("config", "--json").out());
        assertThat(json.get("settings").get("new-per-day").get("value").asInt()).isEqualTo(3);
        assertThat(json.get("settings").get("learning-steps").get("value").toString()).isEqualTo("[\"2m\",\"1d\"]");
        assertThat(json.get("settings").get("fuzz").get("from").asString()).isEqualTo("default");
        assertThat(runner.run("config", "--json").out()).as("value before from, in every run")
                .contains("\"fuzz\":{\"value\":true,\"from\":\"default\"}");
        assertThat(json.get("weights").get("from").asString()).isEqualTo("default");
        assertThat(json.get("weights").get("values")).hasSize(21);
    }

    @Test
    void withoutAHomeEveryValueIsADefault() {
        CliRunner.Run run = new CliRunner().run("config");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).startsWith("Settings file: none (no home directory): every value is a default");
    }

    @Test
    void studyTakesItsNewQuestionsADayFromTheSettingsUnlessNewIsGiven() throws Exception {
        CliRunner learner = withSettings("new-per-day: 1\n").clock(at("2026-11-23T10:00:00Z"));
        CliRunner.Run run = learner.stdin("1\n").run("study", "--bank", DEMO);
        assertThat(run.out()).contains("Question 1  ·  1 new · 0 learning · 0 due").doesNotContain("2 new");
        CliRunner more = withSettings("new-per-day: 1\n").clock(at("2026-11-23T10:00:00Z"));
        assertThat(more.stdin("1\n1\n").run("study", "--bank", DEMO, "--new", "2").out())
                .contains("Question 1  ·  2 new · 0 learning · 0 due");
    }

    @Test
    void learningStepsFromTheSettingsScheduleTheFirstAnswer() throws Exception {
        // steps of one and two hours: Good on a new question brings it back at the second, not in 10 minutes
        CliRunner learner = withSettings("learning-steps: [1h, 2h]\n").clock(at("2026-11-23T10:00:00Z"));
        learner.stdin("2\n").run("quiz", "--bank", DEMO, "--tag", "vm");
        CliRunner.Run next = learner.stdin("").run("study", "--bank", DEMO, "--new", "0");
        assertThat(next.out()).isEqualTo("Nothing due, next review at 2026-11-23 12:00 (in 2 h).\n");
    }

    @Test
    void replayTakesTheSettingsAndItsOptionsWin() throws Exception {
        Path log = Files.writeString(dir.resolve("log.csv"), "card,reviewed_at,rating\n"
                + "c1,2022-11-29T12:30:00.000Z,3\nc1,2022-11-29T12:40:00.000Z,3\nc1,2022-12-09T12:40:00.000Z,3\n");
        String[] utc = {"replay", "--zone", "UTC", log.toString()};
        String noFuzz = new CliRunner().run(concat(utc, "--no-fuzz", "--retention", "0.8", "--day-start", "0")).out();
        String fromSettings = withSettings("fuzz: false\ndesired-retention: 0.8\nday-start: 0\n").run(utc).out();
        assertThat(fromSettings).isEqualTo(noFuzz);
        assertThat(new CliRunner().run(concat(utc, "--no-fuzz", "--day-start", "0")).out()).isNotEqualTo(noFuzz);
        // an option given wins over the file
        String option = withSettings("desired-retention: 0.8\n").run(concat(utc, "--no-fuzz", "--retention", "0.9",
                "--day-start", "0")).out();
        assertThat(option).isEqualTo(new CliRunner().run(concat(utc, "--no-fuzz", "--day-start", "0")).out());
    }

    private static String[] concat(String[] head, String... tail) {
        List<String> all = new java.util.ArrayList<>(List.of(head));
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }
}
