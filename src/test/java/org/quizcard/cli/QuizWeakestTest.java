package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Fixtures;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;
import org.quizcard.store.Review;

/** {@code quiz --weakest N}: the N reviewed questions least likely recalled, off the schedule unless --save. */
class QuizWeakestTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final String SHARED_KERNEL = "Which kernel runs the processes of a container on a Linux host?";
    private static final String KERNELS_COUNT = "Ten containers run on one Linux host. How many kernels are running?";
    private static final String VM_STATEMENT = "A container is a lightweight virtual machine.";
    private static final String BUILDING_BLOCKS = "Which kernel features do container runtimes combine?";

    private final String demo = Fixtures.demoDir().toString();
    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));
    private CliRunner learner;

    /** Four questions reviewed once, 60, 20, 7 and 1 days ago: the older the review, the weaker the memory. */
    @BeforeEach
    void fourReviewedQuestions() {
        learner = new CliRunner();
        review("containers/shared-kernel", 60);
        review("containers/kernels-count", 20);
        review("containers/vm-statement", 7);
        review("containers/building-blocks", 1);
    }

    private void review(String ref, int daysAgo) {
        Instant at = NOW.minus(Duration.ofDays(daysAgo));
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            Card after = fsrs.review(Card.NEW, at, Rating.GOOD);
            store.record(new Review(0, ref, "h", at, "{\"bool\":true}", 1, Rating.GOOD, Set.of(), 500, Card.NEW, after,
                    "study"));
        }
    }

    private long reviews() {
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            return store.reviewCount();
        }
    }

    private byte[] database() throws Exception {
        return Files.readAllBytes(learner.home().resolve(ProgressStore.FILE));
    }

    @Test
    void drawsTheNLowestRetrievabilityWeakestFirstAndLeavesTheLogAsItWas() throws Exception {
        byte[] before = database();
        CliRunner.Run run = learner.stdin("1\n1\n").run("quiz", "--bank", demo, "--weakest", "2", "--plain");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        // the two oldest reviews, the oldest first: a single choice, then a number
        assertThat(run.out().lines().filter(l -> l.startsWith("Question ")).map(l -> l.replaceFirst("score \\S+", "score _")))
                .containsExactly("Question 1 of 2  ·  score _  ·  Containers  ·  single",
                        "Question 2 of 2  ·  score _  ·  Containers  ·  numeric");
        assertThat(run.out()).contains(SHARED_KERNEL, KERNELS_COUNT, "Session summary").doesNotContain(BUILDING_BLOCKS);
        assertThat(database()).as("no answer saved, no schedule changed").isEqualTo(before);
        assertThat(Files.exists(learner.home().resolve("backups"))).as("no session backup either").isFalse();
    }

    @Test
    void saveRecordsTheAnswersAndUpdatesTheSchedule() {
        Instant dueBefore = card("containers/shared-kernel").due();
        CliRunner.Run run = learner.stdin("1\n1\n").run("quiz", "--bank", demo, "--weakest", "2", "--save", "--plain");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(reviews()).isEqualTo(6);
        Card after = card("containers/shared-kernel");
        assertThat(after.lastReview()).isEqualTo(NOW);
        assertThat(after.due()).isNotEqualTo(dueBefore);
        assertThat(card("containers/vm-statement").lastReview()).isEqualTo(NOW.minus(Duration.ofDays(7)));
    }

    @Test
    void fewerReviewedThanAskedForAreAllPractisedAndSaidSo() {
        CliRunner.Run run = learner.stdin("1\n1\n1\n1 2\n").run("quiz", "--bank", demo, "--weakest", "9", "--plain");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Question 1 of 4", SHARED_KERNEL, KERNELS_COUNT, VM_STATEMENT, BUILDING_BLOCKS);
        assertThat(run.err()).isEqualTo("quizcard quiz: --weakest 9: 4 reviewed questions to practise "
                + "(questions never reviewed are left out)\n");

        CliRunner.Run one = learner.stdin("1\n").run("quiz", "--bank", demo, "--weakest", "3", "--tag", "vm", "--plain");
        assertThat(one.err()).isEqualTo("quizcard quiz: --weakest 3: 1 reviewed question to practise "
                + "(questions never reviewed are left out)\n");
    }

    @Test
    void withNothingReviewedThereIsNothingToPractise() {
        CliRunner newcomer = new CliRunner();
        CliRunner.Run run = newcomer.run("quiz", "--bank", demo, "--weakest", "5", "--plain");
        assertThat(run.exit()).isZero();
        assertThat(run.out()).isEqualTo("No reviewed questions to practise yet: --weakest draws from the questions you "
                + "have answered before ('quizcard study' starts new ones).\n");
        assertThat(Files.exists(newcomer.home().resolve(ProgressStore.FILE))).as("nothing created").isFalse();
    }

    @Test
    void optionsThatContradictAreRefused() {
        assertThat(refused("--save")).isEqualTo("--save goes with --weakest: a quiz saves its answers unless --no-save");
        assertThat(refused("--weakest", "0")).isEqualTo("--weakest must be at least 1");
        assertThat(refused("--weakest", "2", "--count", "3"))
                .isEqualTo("give --count or --weakest N, not both: N says how many");
        assertThat(refused("--weakest", "2", "--save", "--no-save")).isEqualTo("give --save or --no-save, not both");
    }

    private String refused(String... options) {
        String[] args = new String[options.length + 3];
        args[0] = "quiz";
        args[1] = "--bank";
        args[2] = demo;
        System.arraycopy(options, 0, args, 3, options.length);
        CliRunner.Run run = learner.run(args);
        assertThat(run.exit()).isEqualTo(2);
        String err = run.err();
        assertThat(err).startsWith("quizcard quiz: ").endsWith("\n").hasLineCount(1);
        return err.substring("quizcard quiz: ".length(), err.length() - 1);
    }

    private Card card(String ref) {
        try (ProgressStore store = ProgressStore.open(learner.home())) {
            return store.card(ref).orElseThrow();
        }
    }
}
