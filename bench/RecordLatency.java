import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.quizcard.bank.Bank;
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
 * Answer-to-feedback latency, in process: for each answer, check it and record it through
 * {@link ScheduledSink} (scheduler + one SQLite transaction committed with WAL and
 * synchronous=FULL on a real file), as a session does before it shows the feedback. Prints
 * p50, p90, p99 and max over ANSWERS answers after WARMUP untimed ones.
 *
 * <p>usage: java -cp target/quizcard.jar bench/RecordLatency.java QUIZCARD_HOME [ANSWERS=2000] [WARMUP=200]
 * (QUIZCARD_HOME may hold a progress.db from bench/gen-reviews.py db; it is written to.)
 */
public final class RecordLatency {
    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        int answers = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        Files.createDirectories(home);
        Bank bank = BankLoader.load(BankFile.shipped()).orThrow();
        List<Question> questions = bank.questions().filter(q -> q instanceof Question.Single).toList();
        Fsrs fsrs = new Fsrs(SchedulerConfig.defaults());
        long[] nanos = new long[answers];
        Instant at = Instant.now();
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "bench");
            for (int i = 0; i < warmup + answers; i++) {
                Question q = questions.get(i % questions.size());
                at = at.plus(Duration.ofSeconds(7));
                long t0 = System.nanoTime();
                Response response = new Response.Choice(List.of(i % 3));
                Verdict verdict = Checker.check(q, response);
                Rating rating = verdict.score() >= 1 ? Rating.GOOD : Rating.AGAIN;
                sink.record(new ReviewSink.Answered(q, response, verdict, rating, Set.of(), 4000, at));
                long dt = System.nanoTime() - t0;
                if (i >= warmup) nanos[i - warmup] = dt;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("answers %d  p50 %.2f ms  p90 %.2f ms  p99 %.2f ms  max %.2f ms%n", answers,
                nanos[answers / 2] / 1e6, nanos[(int) (answers * 0.9)] / 1e6, nanos[(int) (answers * 0.99)] / 1e6,
                nanos[answers - 1] / 1e6);
    }
}
