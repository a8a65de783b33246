package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Fixtures;
import org.quizcard.store.ProgressStore;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class StudyCommandsTest {
    private final String demo = Fixtures.demoDir().toString();

    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
    }

    private static long reviews(CliRunner runner) {
        try (ProgressStore store = ProgressStore.open(runner.home())) {
            return store.reviewCount();
        }
    }

    @Test
    void studyAsksNewQuestionsSavesEveryAnswerAndSaysWhatIsNext() {
        CliRunner learner = new CliRunner().clock(at("2026-11-23T10:00:00Z"));
        CliRunner.Run run = learner.stdin("1\n1\n").run("study", "--bank", demo, "--new", "2");
        assertThat(run.exit()).as(run.err()).isZero();
        // Anki's counts of what is left, this question included, instead of a total that grows
        assertThat(run.out()).contains("Question 1  ·  2 new · 0 learning · 0 due",
                "Question 2  ·  1 new · 1 learning · 0 due", "Session summary");
        assertThat(reviews(learner)).isEqualTo(2);
    }

    @Test
    void studyWithNothingDueSaysWhenTheNextReviewIs() {
        CliRunner learner = new CliRunner().clock(at("2026-11-23T10:00:00Z"));
        learner.stdin("2\n").run("quiz", "--bank", demo, "--tag", "vm");
        CliRunner.Run run = learner.stdin("").run("study", "--bank", demo, "--new", "0");
        assertThat(run.out()).isEqualTo("Nothing due, next review at 2026-11-23 10:10 (in 10 min).\n");
    }

    @Test
    void quizAnswersAreLoggedUnlessNoSave() {
        CliRunner learner = new CliRunner();
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        assertThat(reviews(learner)).isEqualTo(1);
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm", "--no-save");
        assertThat(reviews(learner)).isEqualTo(1);
    }

    @Test
    void misconceptionsListsTheActiveOnesWithCorrections() {
        CliRunner learner = new CliRunner();
        assertThat(learner.run("misconceptions", "--bank", demo).out()).isEqualTo("No misconceptions revealed yet.\n");
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        CliRunner.Run run = learner.run("misconceptions", "--bank", demo);
        assertThat(run.out()).contains("container-is-lightweight-vm  (active; revealed 1×",
                "Belief:  A container is a lightweight virtual machine.", "Correct: Wrong. A container is");
    }

    @Test
    void statsShowsTheFiguresAndTheirJson() {
        CliRunner learner = new CliRunner().clock(at("2026-11-23T10:00:00Z"));
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        CliRunner.Run text = learner.run("stats", "--bank", demo);
        assertThat(text.exit()).isZero();
        assertThat(text.out()).contains("Reviews today: 1", "Due in the next 30 days", "Mastery", "Containers",
                "Active misconceptions", "container-is-lightweight-vm", "Streak: 1 day");
        JsonNode json = JsonMapper.shared().readTree(learner.run("stats", "--json", "--bank", demo).out());
        assertThat(json.get("reviewsToday").asInt()).isEqualTo(1);
        assertThat(json.get("duePerDay").size()).isEqualTo(31);
        assertThat(json.get("activeMisconceptions").get(0).get("id").asString()).isEqualTo("container-is-lightweight-vm");
        assertThat(json.get("streak").asInt()).isEqualTo(1);
    }

    /** Reviews of learned questions on later days fill stats' chart of predicted against actual recall. */
    @Test
    void statsComparesPredictedRecallWithTheLearnersOwn() {
        CliRunner learner = new CliRunner().clock(at("2026-11-01T10:00:00Z"));
        assertThat(learner.run("stats", "--bank", demo).out())
                .contains("Predicted and actual recall: too few reviews of learned questions yet (0 of 20)");
        // a log of 30 reviews of learned questions, each 10 days after the last, 3 in 10 forgotten
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            Instant last = Instant.parse("2026-10-01T10:00:00Z");
            for (int i = 0; i < 30; i++) {
                org.quizcard.srs.Card before = new org.quizcard.srs.Card(org.quizcard.srs.CardState.REVIEW, 10, 5, 0, 10, 3, 0,
                        last, last.plus(java.time.Duration.ofDays(10)));
                org.quizcard.srs.Rating rating = i % 10 < 3 ? org.quizcard.srs.Rating.AGAIN : org.quizcard.srs.Rating.GOOD;
                store.record(new org.quizcard.store.Review(0, "containers/q" + i, "h", before.due(), "1", 1, rating, java.util.Set.of(),
                        1000, before, before, "quiz"));
            }
        }
        assertThat(learner.run("stats", "--bank", demo).out()).contains("Predicted and actual recall (the latest 30 reviews of learned questions)",
                "  predicted  actual  reviews", "        90%     70%       30  █");
        JsonNode calibration = JsonMapper.shared().readTree(learner.run("stats", "--json", "--bank", demo).out())
                .get("calibration");
        int reviews = calibration.get("reviews").asInt();
        assertThat(reviews).isEqualTo(30);
        assertThat(calibration.get("bins").get(0).get("actual").asDouble()).isEqualTo(0.7);
        int inBins = 0;
        for (JsonNode bin : calibration.get("bins")) {
            inBins += bin.get("reviews").asInt();
            assertThat(bin.get("from").asDouble()).isLessThanOrEqualTo(bin.get("predicted").asDouble());
        }
        assertThat(inBins).isEqualTo(reviews);
    }

    @Test
    void figuresArePrintedAlikeWhateverTheDefaultLocale() {
        CliRunner learner = new CliRunner().clock(at("2026-11-23T10:00:00Z"));
        learner.stdin("1\n").run("quiz", "--bank", demo, "--tag", "vm");
        java.util.Locale before = java.util.Locale.getDefault();
        try {
            java.util.Map<String, String> outputs = new java.util.LinkedHashMap<>();
            for (String tag : new String[] {"en-US", "de-DE", "ar-EG", "hi-IN"}) {
                java.util.Locale.setDefault(java.util.Locale.forLanguageTag(tag));
                outputs.put(tag, learner.run("stats", "--bank", demo).out()
                        + learner.stdin("2\n").run("quiz", "--bank", demo, "--tag", "vm", "--no-save").out());
            }
            assertThat(outputs.get("en-US")).contains("Reviews today: 1", "11%  seen 1/9", "score 1/1 (100%)");
            assertThat(outputs.values()).allSatisfy(out -> assertThat(out).isEqualTo(outputs.get("en-US")));
        } finally {
            java.util.Locale.setDefault(before);
        }
    }

    @Test
    void aCorruptProgressDatabaseIsAClearErrorNotAStackTrace() throws Exception {
        CliRunner learner = new CliRunner();
        java.nio.file.Files.writeString(learner.home().resolve("progress.db"), "garbage ".repeat(100));
        CliRunner.Run run = learner.run("stats", "--bank", demo);
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).startsWith("quizcard stats: " + learner.home().resolve("progress.db") + ": cannot open");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void lintChangedListsQuestionsEditedSinceTheirLastReviewAndHistoryIsKept(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path bank = Fixtures.copyDemo(dir.resolve("bank"));
        CliRunner learner = new CliRunner();
        learner.stdin("1\n").run("quiz", "--bank", bank.toString(), "--tag", "vm");
        assertThat(learner.run("lint", "--changed", "--bank", bank.toString()).out())
                .contains("0 questions changed since last reviewed");
        java.nio.file.Path file = bank.resolve("containers.yaml");
        java.nio.file.Files.writeString(file, java.nio.file.Files.readString(file)
                .replace("prompt: A container is a lightweight virtual machine.", "prompt: A container is a small VM."));
        CliRunner.Run run = learner.run("lint", "--changed", "--bank", bank.toString());
        assertThat(run.out()).contains("containers/vm-statement changed since you last reviewed it",
                "1 question changed since last reviewed");
        assertThat(learner.run("stats", "--bank", bank.toString()).out()).contains("Reviews today: 1");
    }
}
