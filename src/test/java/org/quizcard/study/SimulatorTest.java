package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quizcard.srs.MemoryState;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries.RatingTimes;

class SimulatorTest {
    private final SchedulerConfig config = SchedulerConfig.defaults();

    private Simulator simulator(int learned, int unseen, int newPerDay) {
        List<Simulator.Learned> backlog = new ArrayList<>();
        for (int i = 0; i < learned; i++) backlog.add(new Simulator.Learned(new MemoryState(5 + i % 20, 5), i % 7, 3));
        return new Simulator(config, backlog, unseen, newPerDay, Simulator.Habits.TYPICAL);
    }

    @Test
    void aHigherRetentionCostsMoreReviewsAndKeepsMoreRemembered() {
        Simulator s = simulator(100, 100, 10);
        List<Simulator.Outcome> outcomes = s.compare(List.of(0.75, 0.85, 0.95), 180);
        for (int i = 1; i < outcomes.size(); i++) {
            assertThat(outcomes.get(i).reviews()).isGreaterThan(outcomes.get(i - 1).reviews());
            assertThat(outcomes.get(i).remembered()).isGreaterThan(outcomes.get(i - 1).remembered());
        }
        // never more remembered than questions there are
        assertThat(outcomes.get(2).remembered()).isLessThanOrEqualTo(200);
    }

    @Test
    void newQuestionsComeInAtTheDailyRateUntilNoneAreLeft() {
        Simulator.Outcome o = simulator(0, 25, 10).run(0.9, 10);
        assertThat(o.newPerDay()).containsExactly(10, 10, 5, 0, 0, 0, 0, 0, 0, 0);
        assertThat(o.reviewsPerDay()[0]).isZero();
        // each new question costs the time of a first sight, each review that of a review or a lapse
        assertThat(o.seconds()).isGreaterThanOrEqualTo(25 * Simulator.Habits.TYPICAL.learnSeconds());
        assertThat(o.rememberedPerDay()[9]).isBetween(15.0, 25.0);
    }

    @Test
    void theSameInputsGiveTheSameFigures() {
        Simulator.Outcome a = simulator(50, 50, 5).run(0.88, 120);
        Simulator.Outcome b = simulator(50, 50, 5).run(0.88, 120);
        assertThat(a.reviewsPerDay()).containsExactly(b.reviewsPerDay());
        assertThat(a.seconds()).isEqualTo(b.seconds());
        assertThat(simulator(50, 50, 5).optimalRetention(120)).isEqualTo(simulator(50, 50, 5).optimalRetention(120));
    }

    @Test
    void theOptimalRetentionIsTheOneWithTheLeastTimePerRememberedQuestion() {
        Simulator s = simulator(80, 120, 10);
        double best = s.optimalRetention(200);
        assertThat(best).isBetween(Simulator.LOWEST, Simulator.HIGHEST);
        double bestCost = s.run(best, 200).secondsPerRemembered();
        for (double r : List.of(0.70, 0.80, 0.90, 0.95)) {
            assertThat(s.run(r, 200).secondsPerRemembered()).isGreaterThanOrEqualTo(bestCost);
        }
    }

    @Test
    void habitsComeFromTheLogWhereItHasEnoughAnswers() {
        List<RatingTimes> log = List.of(
                new RatingTimes(true, Rating.AGAIN, 10, 30_000), new RatingTimes(true, Rating.GOOD, 30, 10_000),
                new RatingTimes(false, Rating.AGAIN, 5, 40_000), new RatingTimes(false, Rating.HARD, 20, 12_000),
                new RatingTimes(false, Rating.GOOD, 60, 6_000));
        Simulator.Habits h = Simulator.Habits.of(log);
        assertThat(h.learnSeconds()).isCloseTo((10 * 30.0 + 30 * 10.0) / 40, within(1e-9));
        assertThat(h.reviewSeconds()).isCloseTo((20 * 12.0 + 60 * 6.0) / 80, within(1e-9));
        assertThat(h.rememberedRatings()).containsExactly(20, 60, 0);
        assertThat(h.firstRatings()).containsExactly(10, 0, 30, 0);
        // five lapses are too few to tell: the typical time stands for them
        assertThat(h.forgetSeconds()).isEqualTo(Simulator.Habits.TYPICAL.forgetSeconds());
        assertThat(Simulator.Habits.of(List.of()).learnSeconds()).isEqualTo(Simulator.Habits.TYPICAL.learnSeconds());
    }
}
