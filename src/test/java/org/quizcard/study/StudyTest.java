package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Response;
import org.quizcard.srs.CardState;
import org.quizcard.srs.Fsrs;
import org.quizcard.srs.Rating;
import org.quizcard.srs.SchedulerConfig;
import org.quizcard.store.ProgressStore;

class StudyTest {
    @TempDir
    Path home;

    private final Bank bank = Fixtures.demo();
    private final Fsrs fsrs = new Fsrs(SchedulerConfig.defaults().withEnableFuzz(false).withZone(ZoneOffset.UTC));
    private final Instant monday = Instant.parse("2026-11-23T10:00:00Z");

    private Question q(String id) {
        return bank.question("containers/" + id).orElseThrow();
    }

    private void answer(ScheduledSink sink, Question q, Response r, Instant at) {
        var verdict = Checker.check(q, r);
        Rating rating = verdict.score() >= 1 ? Rating.GOOD : verdict.score() > 0 ? Rating.HARD : Rating.AGAIN;
        sink.record(new ReviewSink.Answered(q, r, verdict, rating, verdict.misconceptions(), 500, at));
    }

    @Test
    void newCardsAreLimitedPerDayAndDueCardsComeFirst() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            List<Question> first = StudyQueue.build(bank, store, fsrs, monday, Set.of(), 3, 100);
            assertThat(first).hasSize(3);
            answer(sink, first.get(0), RightAnswers.of(first.get(0)), monday);
            // one new card used today: two more today
            assertThat(StudyQueue.build(bank, store, fsrs, monday.plusSeconds(60), Set.of(), 3, 100)
                    .stream().filter(x -> !x.ref().equals(first.get(0).ref()))).hasSize(2);
            // next week: the reviewed card is due and comes before the new ones
            List<Question> later = StudyQueue.build(bank, store, fsrs, monday.plusSeconds(7 * 86_400), Set.of(), 3, 100);
            assertThat(later.get(0).ref()).isEqualTo(first.get(0).ref());
            assertThat(later).hasSize(4);
        }
    }

    @Test
    void theLimitCapsTheSession() {
        try (ProgressStore store = ProgressStore.open(home)) {
            assertThat(StudyQueue.build(bank, store, fsrs, monday, Set.of(), 10, 4)).hasSize(4);
        }
    }

    @Test
    void questionsProbingOneMisconceptionAreSpreadApart() {
        List<Question> plan = List.of(q("vm-statement"), q("what-is-it"), q("shared-kernel"), q("oci"),
                q("kernels-count"), q("start-steps"));
        List<Question> spread = StudyQueue.spreadMisconceptions(plan);
        assertThat(spread).containsExactlyInAnyOrderElementsOf(plan);
        assertThat(spread.get(0)).isEqualTo(q("vm-statement"));
        assertThat(spread.subList(1, 4)).doesNotContain(q("what-is-it"), q("shared-kernel"));
    }

    @Test
    void aMisconceptionStaysActiveUntilProbesAreRightOnTwoLaterDays() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            answer(sink, q("vm-statement"), new Response.Bool(true), monday);
            assertThat(Misconceptions.active(Misconceptions.evidence(bank, store, fsrs))).containsExactly("container-is-lightweight-vm");
            answer(sink, q("what-is-it"), new Response.Typed("processes"), monday.plusSeconds(3600));
            assertThat(Misconceptions.active(Misconceptions.evidence(bank, store, fsrs))).as("same day does not count").isNotEmpty();
            answer(sink, q("what-is-it"), new Response.Typed("processes"), monday.plusSeconds(86_400));
            assertThat(Misconceptions.active(Misconceptions.evidence(bank, store, fsrs))).as("one later day").isNotEmpty();
            answer(sink, q("vm-statement"), new Response.Bool(false), monday.plusSeconds(3 * 86_400));
            assertThat(Misconceptions.active(Misconceptions.evidence(bank, store, fsrs))).isEmpty();
            var e = Misconceptions.evidence(bank, store, fsrs).get(0);
            assertThat(e.revealed()).isEqualTo(1);
            assertThat(e.clearedDays()).isEqualTo(2);
        }
    }

    @Test
    void anActiveMisconceptionBringsAProbeIntoTomorrowsPlan() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            answer(sink, q("vm-statement"), new Response.Bool(true), monday);
            List<Question> tomorrow = StudyQueue.build(bank, store, fsrs, monday.plusSeconds(86_400), Set.of(), 0, 100);
            assertThat(tomorrow).anyMatch(x -> x.probes().contains("container-is-lightweight-vm"));
        }
    }

    @Test
    void aMisconceptionIsProbedOnceADayNotByEveryQuestionThatProbesIt() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            Question vm = q("vm-statement");
            answer(sink, vm, new Response.Bool(true), monday);   // reveals container-is-lightweight-vm
            var right = Checker.check(vm, new Response.Bool(false));
            sink.record(new ReviewSink.Answered(vm, new Response.Bool(false), right, Rating.EASY, Set.of(), 500,
                    monday.plusSeconds(120)));   // then right, rated Easy: not due again today
            List<Question> later = StudyQueue.build(bank, store, fsrs, monday.plusSeconds(3 * 3600), Set.of(), 0, 100);
            assertThat(later).as("probed today already").noneMatch(x -> x.probes().contains("container-is-lightweight-vm"));
            List<Question> tomorrow = StudyQueue.build(bank, store, fsrs, monday.plusSeconds(86_400), Set.of(), 0, 100);
            assertThat(tomorrow).filteredOn(x -> x.probes().contains("container-is-lightweight-vm")).hasSize(1);
        }
    }

    @Test
    void aStudySessionSchedulesEveryAnswerAndRelearnsFailuresInTheSameSessionButNeverTwiceInARow() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            Clock clock = Clock.fixed(monday, ZoneOffset.UTC);
            ScriptedUi ui = new ScriptedUi()
                    .then(new QuizUi.Answer.Given(new Response.Bool(true), 700))
                    .then(new QuizUi.Answer.Given(new Response.SelfRating(4), 700))
                    .then(new QuizUi.Answer.Given(new Response.Bool(false), 700));
            new Session(bank, ui, sink, clock, new SplittableRandom(1), false, true)
                    .learningSteps(x -> Optional.of(sink.card(x.ref())).filter(c -> c.state() == CardState.LEARNING)
                            .map(c -> c.due()), Duration.ofMinutes(20))
                    .run(List.of(q("vm-statement"), q("oci")), null);
            // Again: its 1-minute step comes back after the other question (Easy: no step), within the learn-ahead;
            // then Good: its 10-minute step would follow itself, so the session ends instead
            assertThat(ui.prompts).extracting(p -> p.question().id())
                    .containsExactly("vm-statement", "oci", "vm-statement");
            assertThat(store.reviewCount()).isEqualTo(3);
            assertThat(store.lastReview("containers/vm-statement").orElseThrow().rating()).isEqualTo(Rating.GOOD);
        }
    }

    @Test
    void statsCountTodayDueRetentionStreakAndLeeches() {
        try (ProgressStore store = ProgressStore.open(home)) {
            ScheduledSink sink = new ScheduledSink(store, fsrs, "study");
            Question card = q("oci");
            for (int day = 0; day < 3; day++) {
                answer(sink, card, new Response.SelfRating(3), monday.plusSeconds(day * 86_400L));
            }
            for (int i = 0; i < 8; i++) answer(sink, q("kernels-count"), new Response.Number(5), monday.plusSeconds(2 * 86_400L + i));
            Stats s = Stats.compute(bank, store, fsrs, monday.plusSeconds(2 * 86_400L + 60), StudyDay.DEFAULT_NEW);
            assertThat(s.reviewsToday()).isEqualTo(9);
            assertThat(s.streak()).isEqualTo(3);
            assertThat(s.totalReviews()).isEqualTo(11);
            assertThat(s.leeches()).extracting(Stats.Leech::card).containsExactly("containers/kernels-count");
            assertThat(s.duePerDay()).hasSize(Stats.FORECAST_DAYS + 1);
            assertThat(s.duePerDay().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
            assertThat(s.mastery().get(0).seen()).isEqualTo(2);
        }
    }
}
