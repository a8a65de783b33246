package org.quizcard.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;

/** Scheduler throughput: one card's history of reviews through {@link Fsrs#review}, fuzz on and off. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SchedulerBench {
    static final int REVIEWS = 1000;

    @Param({"true", "false"})
    boolean fuzz;

    Fsrs fsrs;
    Instant[] times = new Instant[REVIEWS];
    Rating[] ratings = new Rating[REVIEWS];

    @Setup
    public void setUp() {
        fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(fuzz));
        SplittableRandom random = new SplittableRandom(1);
        Instant t = Instant.parse("2024-01-01T08:00:00Z");
        for (int i = 0; i < REVIEWS; i++) {
            t = t.plus(Duration.ofHours(1 + random.nextInt(24 * 20)));
            times[i] = t;
            int r = random.nextInt(100);
            ratings[i] = r < 12 ? Rating.AGAIN : r < 22 ? Rating.HARD : r < 85 ? Rating.GOOD : Rating.EASY;
        }
    }

    /** Reviews per second: a thousand reviews of one card, new to long-term. */
    @Benchmark
    @OperationsPerInvocation(REVIEWS)
    public Card history() {
        Card card = Card.NEW;
        for (int i = 0; i < REVIEWS; i++) {
            card = fsrs.review(card, times[i], ratings[i]);
        }
        return card;
    }
}
