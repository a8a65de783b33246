package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Response;
import org.quizcard.srs.Card;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;

class ScheduledSinkTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final Bank bank = Fixtures.demo();
    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));

    @TempDir
    Path home;

    private ReviewSink.Answered answered(Question q, Rating rating, Instant at) {
        Response r = new Response.Bool(false);
        return new ReviewSink.Answered(q, r, Checker.check(q, r), rating, Set.of(), 900, at);
    }

    @Test
    void aClockSetBackBehindTheLastReviewCountsAsThatReviewsDay() {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            sink.record(answered(q, Rating.GOOD, T0));
            Instant earlier = T0.minusSeconds(3 * 86_400);
            sink.record(answered(q, Rating.GOOD, earlier));
            assertThat(store.reviewCount()).isEqualTo(2);
            assertThat(store.reviewCountBetween(earlier.toEpochMilli(), earlier.toEpochMilli() + 1))
                    .as("the log keeps the clock's time").isEqualTo(1);
            assertThat(sink.card(q.ref()).lastReview()).as("scheduled from the last review's time").isEqualTo(T0);
        }
    }

    @Test
    void aChangedRatingReplacesTheRecordedOneAndTheCardFollows() {
        Question q = bank.question("containers/vm-statement").orElseThrow();
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            long handle = sink.record(answered(q, Rating.AGAIN, T0));
            sink.rerate(handle, answered(q, Rating.EASY, T0));
            assertThat(store.lastReview(q.ref()).orElseThrow().rating()).isEqualTo(Rating.EASY);
            assertThat(sink.card(q.ref())).isEqualTo(fsrs.review(Card.NEW, T0, Rating.EASY));
            sink.undo(handle);
            assertThat(store.reviewCount()).isZero();
        }
    }
}
