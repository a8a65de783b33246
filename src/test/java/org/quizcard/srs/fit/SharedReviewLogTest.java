package org.quizcard.srs.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The optimizer on the real shared review log, days starting at 4 am UTC, against fsrs-rs (figures from
 * bench/fsrs-reference/optimize.mjs, which runs fsrs-rs's optimizer and evaluation on the same items).
 */
class SharedReviewLogTest {

    /** fsrs-rs's evaluation of its defaults on this log. */
    private static final double FSRS_RS_DEFAULT_LOG_LOSS = 0.44656139612197876;
    private static final double FSRS_RS_DEFAULT_RMSE = 0.07561221718788147;
    /** fsrs-rs's fitted weights for this log and its evaluation of them. */
    private static final double[] FSRS_RS_WEIGHTS = {
        0.17261022329330444, 0.8326278924942017, 2.485107660293579, 6.307898998260498, 6.538306713104248,
        0.5240848064422607, 3.1815624237060547, 0.02691214345395565, 1.662885069847107, 0.2611593008041382,
        0.6194396018981934, 1.5808517932891846, 0.04233855754137039, 0.38326191902160645, 1.7979804277420044,
        0.6013712882995605, 1.8729000091552734, 0.8313358426094055, 0.10112421214580536, 0.14627914130687714,
        0.2432660013437271};
    private static final double FSRS_RS_FITTED_LOG_LOSS = 0.4387245774269104;
    private static final double FSRS_RS_FITTED_RMSE = 0.05172475054860115;

    private static List<Review> reviews;
    private static ReviewHistory history;

    @BeforeAll
    static void load() {
        reviews = SharedReviewLog.reviews();
        history = ReviewHistory.of(reviews, ZoneOffset.UTC, 4);
    }

    @Test
    void convertsTheLog() {
        assertThat(reviews).hasSize(12_580);
        assertThat(reviews.get(0)).isEqualTo(new Review("1711684180217",
                java.time.Instant.parse("2024-03-29T20:32:32.250Z"), 1));
        assertThat(history.reviews()).isEqualTo(12_580);
        assertThat(history.cards()).isEqualTo(1_205);
        assertThat(history.items()).hasSize(6_276);
        assertThat(OutlierFilter.apply(history, history.items()).training()).hasSize(5_930);
    }

    @Test
    void scoresWeightsAsFsrsRsDoes() {
        Metrics defaults = Evaluation.evaluate(history, Weights.defaults());
        Metrics theirs = Evaluation.evaluate(history, FSRS_RS_WEIGHTS);

        assertThat(defaults.logLoss()).isCloseTo(FSRS_RS_DEFAULT_LOG_LOSS, within(1e-5));
        assertThat(defaults.rmseBins()).isCloseTo(FSRS_RS_DEFAULT_RMSE, within(1e-5));
        assertThat(theirs.logLoss()).isCloseTo(FSRS_RS_FITTED_LOG_LOSS, within(1e-5));
        assertThat(theirs.rmseBins()).isCloseTo(FSRS_RS_FITTED_RMSE, within(1e-5));
    }

    @Test
    void fitsAsWellAsFsrsRs() {
        FitResult fit = Optimizer.fit(history);

        assertThat(fit.before().logLoss()).isCloseTo(FSRS_RS_DEFAULT_LOG_LOSS, within(1e-5));
        assertThat(fit.after().logLoss()).isLessThanOrEqualTo(0.4392);
        assertThat(fit.after().rmseBins()).isLessThanOrEqualTo(0.0540);
        assertThat(fit.health().verdict()).isEqualTo(Health.Verdict.BETTER);
        assertThat(fit.health().heldOutFitted().logLoss()).isLessThan(fit.health().heldOutDefaults().logLoss());
    }

    /** StrictMath, one thread and a seeded shuffle: these exact doubles on every machine. */
    @Test
    void fitsTheSameWeightsEverywhere() {
        double[] expected = {
            0.1855489948611959, 0.5168562487772289, 2.197052139708524, 8.006426528766676, 6.536081196866434,
            0.6325258742629145, 3.088634158454371, 0.010891337455269675, 1.711246694877491, 0.255274011538596,
            0.6518068361564673, 1.5922708453047345, 0.04428811481651921, 0.39431839329583684, 1.7986726902015637,
            0.5975576171167717, 1.8729, 0.8464393438652091, 0.0611349228408157, 0.16768210627200383,
            0.26318811922312385};

        assertThat(Optimizer.fit(history).weights()).containsExactly(expected);
    }
}
