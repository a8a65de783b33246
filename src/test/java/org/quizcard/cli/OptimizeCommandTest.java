package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.srs.Card;
import org.quizcard.srs.Rating;
import org.quizcard.srs.fit.Review;
import org.quizcard.srs.fit.SharedReviewLog;
import org.quizcard.store.ProgressStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code quizcard optimize} on the learner's own log and on a file: the fit, what is saved and
 * when, the kept sets, and going back to an earlier one.
 */
class OptimizeCommandTest {
    @TempDir
    Path dir;

    /** A learner whose log is the shared real one (12,580 reviews), in UTC with days starting at 4 am. */
    private CliRunner learnerWithTheSharedLog() {
        CliRunner learner = new CliRunner().clock(java.time.Clock.fixed(java.time.Instant.parse("2026-12-04T10:00:00Z"),
                ZoneOffset.UTC));
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            for (Review r : SharedReviewLog.reviews()) {
                store.record(new org.quizcard.store.Review(0, r.card(), "h", r.at(), "", 1, Rating.of(r.rating()), Set.of(),
                        1000, Card.NEW, Card.NEW, "import"));
            }
        }
        return learner;
    }

    @Test
    void theLearnersOwnLogIsFittedSavedListedAndCanBeRestored() {
        CliRunner learner = learnerWithTheSharedLog();
        CliRunner.Run run = learner.run("optimize");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("FSRS-6 weights fitted to 12580 reviews", "defaults     0.4466      0.0756",
                "predict your latest", "Saved as weight set 1: it schedules your reviews from now on");
        // the fitted weights are now those in use
        JsonNode config = JsonMapper.shared().readTree(learner.run("config", "--json").out());
        assertThat(config.get("weights").get("from").asString()).isEqualTo("fitted");
        assertThat(config.get("weights").get("reviews").asInt()).isEqualTo(12580);
        assertThat(learner.run("optimize", "--list").out().lines())
                .anyMatch(l -> l.startsWith("    0  FSRS-6's defaults"))
                .anyMatch(l -> l.startsWith("▸   1  2026-12-04 10:00    12580    0.43"));

        assertThat(learner.run("optimize", "--restore", "0").out()).isEqualTo(
                "Your reviews are scheduled with FSRS-6's default weights again.\n");
        assertThat(JsonMapper.shared().readTree(learner.run("config", "--json").out()).get("weights").get("from").asString())
                .isEqualTo("default");
        assertThat(learner.run("optimize", "--restore", "1").exit()).isZero();
        CliRunner.Run missing = learner.run("optimize", "--restore", "7");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).isEqualTo("quizcard optimize: --restore 7: no such weight set (quizcard optimize --list)\n");
    }

    @Test
    void aDryRunPrintsTheJsonTheIssueAsksForAndSavesNothing() {
        CliRunner learner = learnerWithTheSharedLog();
        CliRunner.Run run = learner.run("optimize", "--dry-run", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(run.out());
        assertThat(json.get("weights")).hasSize(21);
        assertThat(json.get("reviews").asInt()).isEqualTo(12580);
        assertThat(json.get("items").asInt()).isPositive();
        assertThat(json.get("before").get("logLoss").asDouble()).isEqualTo(0.4466, org.assertj.core.api.Assertions.within(1e-4));
        assertThat(json.get("after").get("logLoss").asDouble()).isLessThanOrEqualTo(0.4392);
        assertThat(json.get("after").get("rmseBins").asDouble()).isLessThanOrEqualTo(0.0540);
        assertThat(json.get("health").get("verdict").asString()).isEqualTo("better");
        assertThat(json.get("saved").isNull()).isTrue();
        assertThat(learner.run("optimize", "--list").out().lines().filter(l -> l.startsWith("▸"))).containsExactly(
                "▸   0  FSRS-6's defaults");
    }

    @Test
    void aFileIsFittedButNeverSavedAndABadRowIsNamed() throws Exception {
        Path csv = dir.resolve("log.csv");
        StringBuilder text = new StringBuilder("card,reviewed_at,rating\n");
        for (Review r : SharedReviewLog.reviews().subList(0, 3000)) {
            text.append(r.card()).append(',').append(r.at()).append(',').append(r.rating()).append('\n');
        }
        Files.writeString(csv, text);
        CliRunner learner = new CliRunner();
        CliRunner.Run run = learner.run("optimize", csv.toString(), "--zone", "UTC", "--day-start", "4");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fitted to 3000 reviews", "Weights not saved: fitted to " + csv + ", not to your reviews.");
        assertThat(learner.run("optimize", "--list").out()).doesNotContain("▸   1");

        Files.writeString(csv, "card,reviewed_at,rating\nc1,2024-01-01T10:00:00Z,3\nc1,yesterday,3\n");
        CliRunner.Run bad = learner.run("optimize", csv.toString());
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).startsWith("quizcard optimize: " + csv + ":3: reviewed_at must be an ISO-8601 instant");
    }

    @Test
    void aFileOfMoreReviewsThanAFitHoldsIsRefusedAtTheFirstOneTooMany() {
        String log = "card,reviewed_at,rating\nc1,2024-01-01T10:00:00Z,3\nc1,2024-01-02T10:00:00Z,3\nc1,2024-01-05T10:00:00Z,1\n";
        var in = new java.io.ByteArrayInputStream(log.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> OptimizeCommand.read(in, "log.csv", 2))
                .isInstanceOf(org.quizcard.QuizcardException.class)
                .hasMessage("log.csv:4: more than 2 reviews: a fit holds them all in memory; keep the latest ones");
    }

    @Test
    void tooFewReviewsKeepTheDefaultsAndSayWhatToDo() {
        CliRunner learner = new CliRunner();
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            for (Review r : SharedReviewLog.reviews().subList(0, 3)) {
                store.record(new org.quizcard.store.Review(0, r.card(), "h", r.at(), "", 1, Rating.of(r.rating()), Set.of(),
                        1000, Card.NEW, Card.NEW, "quiz"));
            }
        }
        CliRunner.Run run = learner.run("optimize");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("fitted to 3 reviews", "Keep studying with the default weights",
                "Weights not saved: the defaults serve you as well for now.");
        assertThat(List.of(learner.run("optimize", "--list").out().split("\n"))).hasSize(2);
    }
}
