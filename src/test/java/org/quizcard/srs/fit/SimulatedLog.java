package org.quizcard.srs.fit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.MemoryState;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;

/** Review logs of a learner whose memory follows known, non-default weights: what an optimizer should recover. */
public final class SimulatedLog {
    /** The weights the simulated learner's memory follows. */
    public static final double[] TRUE_WEIGHTS = {
        0.8, 2.5, 6.0, 20.0, 5.0, 0.6, 2.0, 0.05, 2.3, 0.1, 1.2, 1.0, 0.1, 0.4, 1.2, 0.5, 2.5, 0.4, 0.2, 0.1, 0.35};

    private SimulatedLog() {
    }

    /**
     * Reviews of {@code cards} cards, {@code reviews} each, recalled with the probability the true weights give,
     * scheduled at random intervals around the stability (and a same-day repeat after a lapse).
     */
    public static List<Review> simulate(double[] trueWeights, int cards, int reviews, long seed) {
        List<Double> w = Arrays.stream(trueWeights).boxed().toList();
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withWeights(w).withZone(ZoneOffset.UTC).withDayStartHour(4));
        Random random = new Random(seed);
        Instant start = Instant.parse("2023-01-01T10:00:00Z");
        List<Review> log = new ArrayList<>();
        for (int c = 0; c < cards; c++) {
            Instant at = start.plusSeconds(random.nextInt(200) * 86_400L + random.nextInt(36_000));
            Rating first = Rating.values()[random.nextInt(4)];
            log.add(new Review("card" + c, at, first.value()));
            MemoryState state = fsrs.initialMemoryState(first);
            for (int k = 1; k < reviews; k++) {
                long days = Math.max(1, Math.round(state.stability() * (0.3 + 1.4 * random.nextDouble())));
                at = at.plusSeconds(days * 86_400L);
                double recall = fsrs.forgettingCurve(days, state.stability());
                Rating rating = random.nextDouble() < recall
                        ? (random.nextDouble() < 0.15 ? Rating.HARD : random.nextDouble() < 0.1 ? Rating.EASY : Rating.GOOD)
                        : Rating.AGAIN;
                log.add(new Review("card" + c, at, rating.value()));
                state = fsrs.nextMemoryState(state, days, rating);
                if (rating == Rating.AGAIN) {
                    at = at.plusSeconds(600);
                    log.add(new Review("card" + c, at, Rating.GOOD.value()));
                    state = fsrs.nextMemoryState(state, 0, Rating.GOOD);
                }
            }
        }
        return log;
    }
}
