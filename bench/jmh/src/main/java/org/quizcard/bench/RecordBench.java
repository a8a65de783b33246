package org.quizcard.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Response;
import org.quizcard.check.Verdict;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;
import org.quizcard.study.ReviewSink;
import org.quizcard.study.ScheduledSink;

/**
 * Answer to feedback: check an answer and record it durably through {@link ScheduledSink} (one
 * transaction, WAL, synchronous=FULL, on a real file under {@code target/}). Sample mode, so JMH
 * reports p50/p90/p99 of single answers. Set {@code -Dquizcard.bench.home=DIR} to record into an
 * existing progress database (e.g. one from bench/gen-reviews.py db with a million reviews).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class RecordBench {
    ProgressStore store;
    ScheduledSink sink;
    List<Question> questions;
    Instant at = Instant.parse("2025-01-01T08:00:00Z");
    int i;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        Path home = Path.of(System.getProperty("quizcard.bench.home", "target/jmh-home"));
        Files.createDirectories(home);
        questions = BankLoader.load(BankFile.shipped()).orThrow().questions()
                .filter(q -> q instanceof Question.Single).toList();
        store = ProgressStore.open(home);
        sink = new ScheduledSink(store, new Fsrs(SchedulerConfig.defaults()), "bench");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        store.close();
    }

    @Benchmark
    public long answer() {
        Question q = questions.get(i++ % questions.size());
        at = at.plus(Duration.ofSeconds(7));
        Response response = new Response.Choice(List.of(i % 3));
        Verdict verdict = Checker.check(q, response);
        Rating rating = verdict.score() >= 1 ? Rating.GOOD : Rating.AGAIN;
        return sink.record(new ReviewSink.Answered(q, response, verdict, rating, Set.of(), 4000, at));
    }
}
