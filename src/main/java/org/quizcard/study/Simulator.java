package org.quizcard.study;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.MemoryState;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressQueries;

/**
 * The workload of the days ahead under a desired retention, simulated with the FSRS model the
 * learner's reviews are scheduled by, as Anki's simulator does: each day, every question due is
 * reviewed and remembered with the probability the model gives it, answered Hard, Good or Easy
 * as the learner tends to when they remember, and rescheduled; new questions come in at the
 * learner's daily rate until none are left. Each review and each first sight costs the time the
 * learner takes for one. Simulations are seeded, so the same inputs give the same figures.
 *
 * <p>The retention that minimises time per remembered question ({@link #optimalRetention}) is
 * what fsrs-rs calls CMRR: study time over the period divided by the questions remembered at its end.
 *
 * @param config    the learner's scheduler settings and weights (its desired retention is replaced
 *                  per simulation, and fuzz is off)
 * @param backlog   the questions already learned
 * @param unseen    the questions not yet seen
 * @param newPerDay new questions a day
 * @param habits    the learner's times and ratings
 */
public record Simulator(SchedulerConfig config, List<Learned> backlog, int unseen, int newPerDay,
                        Habits habits) {
    /** A question already learned: its memory state and the days until it is due (0: today). */
    public record Learned(MemoryState memory, int dueInDays, int daysSinceReview) { }

    /**
     * What the learner's log says of their habits: seconds for a first sight and for a review,
     * and, of the reviews they remembered, the shares rated Hard, Good and Easy.
     */
    public record Habits(double learnSeconds, double reviewSeconds, double forgetSeconds, double[] rememberedRatings,
                         double[] firstRatings) {
        /** Habits for a learner with too few answers to tell, in the range of Anki's simulator defaults. */
        public static final Habits TYPICAL = new Habits(20, 8, 20, new double[] {0.15, 0.75, 0.10},
                new double[] {0.25, 0.10, 0.50, 0.15});

        /** Fewer answers of a kind than this, and the typical habits stand for it. */
        static final int ENOUGH = 20;

        /** The learner's habits from their log, the typical ones where it has too few answers to tell. */
        public static Habits of(List<ProgressQueries.RatingTimes> log) {
            double[] firsts = new double[4];
            double[] laters = new double[4];
            double[] firstMillis = new double[4];
            double[] laterMillis = new double[4];
            for (ProgressQueries.RatingTimes t : log) {
                int i = t.rating().value() - 1;
                (t.first() ? firsts : laters)[i] += t.count();
                (t.first() ? firstMillis : laterMillis)[i] += t.count() * t.meanMillis();
            }
            double first = sum(firsts, 0);
            double remembered = sum(laters, 1);
            double forgot = laters[0];
            return new Habits(
                    first < ENOUGH ? TYPICAL.learnSeconds() : sum(firstMillis, 0) / first / 1000,
                    remembered < ENOUGH ? TYPICAL.reviewSeconds() : sum(laterMillis, 1) / remembered / 1000,
                    forgot < ENOUGH ? TYPICAL.forgetSeconds() : laterMillis[0] / forgot / 1000,
                    remembered < ENOUGH ? TYPICAL.rememberedRatings() : new double[] {laters[1], laters[2], laters[3]},
                    first < ENOUGH ? TYPICAL.firstRatings() : firsts.clone());
        }

        private static double sum(double[] values, int from) {
            double s = 0;
            for (int i = from; i < values.length; i++) s += values[i];
            return s;
        }
    }

    /** The outcome of one retention: per day, the reviews and the questions remembered; and totals. */
    public record Outcome(double retention, double[] reviewsPerDay, double[] newPerDay, double[] rememberedPerDay,
                          double seconds) {
        /** Reviews over the whole period. */
        public double reviews() {
            double n = 0;
            for (double r : reviewsPerDay) n += r;
            return n;
        }

        /** Questions remembered at the end of the period: the sum of their recall probabilities. */
        public double remembered() {
            return rememberedPerDay.length == 0 ? 0 : rememberedPerDay[rememberedPerDay.length - 1];
        }

        /** Study time per question remembered at the end: what CMRR minimises. */
        public double secondsPerRemembered() {
            return remembered() == 0 ? Double.POSITIVE_INFINITY : seconds / remembered();
        }
    }

    /** The lowest and highest retention {@link #optimalRetention} considers, as Anki does. */
    public static final double LOWEST = 0.70;
    public static final double HIGHEST = 0.95;
    private static final long SEED = 42;
    /** The questions simulated, at least: the learner's, copied as often as it takes. */
    private static final int POPULATION = 2_000;

    public Simulator {
        config = config.withEnableFuzz(false);
        backlog = List.copyOf(backlog);
    }

    /** The days ahead at {@code retention}. */
    public Outcome run(double retention, int days) {
        return run(retention, days, true);
    }

    /**
     * The days ahead at {@code retention}, with the questions remembered counted each day when
     * {@code daily} (else at the end only). The learner's questions are simulated as
     * {@link #copies} copies each, drawn apart, and every figure is the mean of the copies: one
     * learner's few hundred questions alone would give figures that change with the draw.
     */
    private Outcome run(double retention, int days, boolean daily) {
        Fsrs fsrs = new Fsrs(config.withDesiredRetention(retention));
        SplittableRandom random = new SplittableRandom(SEED);
        int copies = copies();
        int n = (backlog.size() + unseen) * copies;
        double[] stability = new double[n];
        double[] difficulty = new double[n];
        int[] due = new int[n];
        int[] last = new int[n];
        int known = 0;
        for (int copy = 0; copy < copies; copy++) {
            for (Learned l : backlog) {
                stability[known] = l.memory().stability();
                difficulty[known] = l.memory().difficulty();
                due[known] = l.dueInDays();
                last[known] = -l.daysSinceReview();
                known++;
            }
        }
        int[] reviews = new int[days];
        int[] fresh = new int[days];
        double[] remembered = new double[days];
        double seconds = 0;
        for (int day = 0; day < days; day++) {
            for (int c = 0; c < known; c++) {
                if (due[c] > day) continue;
                int elapsed = day - last[c];
                boolean recalled = random.nextDouble() < fsrs.forgettingCurve(elapsed, stability[c]);
                Rating rating = recalled ? pick(random, habits.rememberedRatings(), 1) : Rating.AGAIN;
                MemoryState next = fsrs.nextMemoryState(new MemoryState(stability[c], difficulty[c]), elapsed, rating);
                stability[c] = next.stability();
                difficulty[c] = next.difficulty();
                last[c] = day;
                due[c] = day + fsrs.nextInterval(stability[c]);
                reviews[day]++;
                seconds += recalled ? habits.reviewSeconds() : habits.forgetSeconds();
            }
            for (int i = 0; i < newPerDay * copies && known < n; i++, known++) {
                MemoryState first = fsrs.initialMemoryState(pick(random, habits.firstRatings(), 0));
                stability[known] = first.stability();
                difficulty[known] = first.difficulty();
                last[known] = day;
                due[known] = day + fsrs.nextInterval(first.stability());
                fresh[day]++;
                seconds += habits.learnSeconds();
            }
            if (daily || day == days - 1) {
                double r = 0;
                for (int c = 0; c < known; c++) r += fsrs.forgettingCurve(day - last[c], stability[c]);
                remembered[day] = r / copies;
            }
        }
        return new Outcome(retention,
                Arrays.stream(reviews).mapToDouble(r -> (double) r / copies).toArray(),
                Arrays.stream(fresh).mapToDouble(f -> (double) f / copies).toArray(), remembered,
                seconds / copies);
    }

    /** How many copies of the learner's questions make a population of about {@link #POPULATION}. */
    private int copies() {
        int questions = Math.max(1, backlog.size() + unseen);
        return Math.max(1, (POPULATION + questions - 1) / questions);
    }

    /** The outcomes of several retentions over the same days. */
    public List<Outcome> compare(List<Double> retentions, int days) {
        return retentions.stream().map(r -> run(r, days)).toList();
    }

    /** The retention, in steps of 0.01 from {@link #LOWEST} to {@link #HIGHEST}, with the least time per question remembered. */
    public double optimalRetention(int days) {
        double best = LOWEST;
        double bestCost = Double.POSITIVE_INFINITY;
        for (int hundredths = (int) Math.round(LOWEST * 100); hundredths <= Math.round(HIGHEST * 100); hundredths++) {
            double cost = run(hundredths / 100.0, days, false).secondsPerRemembered();
            if (cost < bestCost) {
                bestCost = cost;
                best = hundredths / 100.0;
            }
        }
        return best;
    }

    /** A rating drawn with the given shares, the first share being that of rating {@code 1 + offset}. */
    private static Rating pick(SplittableRandom random, double[] shares, int offset) {
        double x = random.nextDouble();
        double sum = 0;
        for (double s : shares) sum += s;
        x *= sum;
        for (int i = 0; i < shares.length; i++) {
            x -= shares[i];
            if (x < 0) return Rating.of(i + 1 + offset);
        }
        return Rating.of(shares.length + offset);
    }
}
