package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.srs.fit.Review;
import org.quizcard.srs.fit.SimulatedLog;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code quizcard optimize} through the launcher, on the log of a learner whose memory follows
 * known weights other than the defaults: the weights it fits predict that learner better.
 */
class OptimizeIT {
    @TempDir
    Path work;

    @Test
    void fittedWeightsPredictAGeneratedLearnerBetterThanTheDefaults() throws Exception {
        List<Review> log = SimulatedLog.simulate(SimulatedLog.TRUE_WEIGHTS, 400, 12, 11);
        StringBuilder csv = new StringBuilder("card,reviewed_at,rating\n");
        for (Review r : log) csv.append(r.card()).append(',').append(r.at()).append(',').append(r.rating()).append('\n');
        Path file = Files.writeString(work.resolve("reviews.csv"), csv);

        Launcher.Run run = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                "optimize", file.toString(), "--zone", "UTC", "--day-start", "4", "--json");
        assertThat(run.exit()).as(run.err()).isZero();
        JsonNode json = JsonMapper.shared().readTree(run.out());
        assertThat(json.get("reviews").asInt()).isEqualTo(log.size());
        assertThat(json.get("weights")).hasSize(21);
        double before = json.get("before").get("logLoss").asDouble();
        double after = json.get("after").get("logLoss").asDouble();
        assertThat(after).isLessThan(before - 0.005);
        assertThat(json.get("after").get("rmseBins").asDouble()).isLessThan(json.get("before").get("rmseBins").asDouble());
        assertThat(json.get("health").get("verdict").asString()).isEqualTo("better");
        // the fit moved the weights towards the learner's: the first-day stability after Good rose from 2.3 towards 6
        assertThat(json.get("weights").get(2).asDouble()).isGreaterThan(SchedulerConfig.DEFAULT_WEIGHTS.get(2) + 1);
        assertThat(json.get("saved").isNull()).as("a file's fit is never saved").isTrue();
    }
}
