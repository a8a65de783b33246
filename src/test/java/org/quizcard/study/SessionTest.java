package org.quizcard.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.srs.Rating;
import org.quizcard.study.QuizUi.Answer;

class SessionTest {
    private final Bank bank = Fixtures.demo();
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);

    /** Records what the session hands over, like the store would. */
    static class RecordingSink implements ReviewSink {
        final List<Answered> kept = new ArrayList<>();
        final List<Long> undone = new ArrayList<>();

        @Override
        public long record(Answered answered) {
            kept.add(answered);
            return kept.size();
        }

        @Override
        public void rerate(long handle, Answered answered) {
            kept.set((int) handle - 1, answered);
        }

        @Override
        public void undo(long handle) {
            undone.add(handle);
        }
    }

    private Question q(String id) {
        return bank.question("containers/" + id).orElseThrow();
    }

    private static Answer.Given given(Response r) {
        return new Answer.Given(r, 1200);
    }

    /** The bank index of the right option of a single-choice question. */
    private static Response rightChoice(Question q) {
        var options = ((Question.Single) q).options();
        for (int i = 0; i < options.size(); i++) if (options.get(i).correct()) return new Response.Choice(List.of(i));
        throw new AssertionError();
    }

    private Summary run(ScriptedUi ui, ReviewSink sink, boolean followUps, Question... plan) {
        return new Session(bank, ui, sink, clock, new SplittableRandom(1), followUps, true).run(List.of(plan), null);
    }

    @Test
    void eachAnswerIsRecordedBeforeItsFeedbackShowsAndARatingChangeAtOnce() {
        RecordingSink sink = new RecordingSink();
        List<Integer> recordedWhenShown = new ArrayList<>();
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(true))).then(given(new Response.Bool(false)));
        ui.atFeedback = () -> recordedWhenShown.add(sink.kept.size());
        ui.ratings.add(Rating.EASY);
        run(ui, sink, false, q("vm-statement"), q("vm-statement"));
        assertThat(recordedWhenShown).containsExactly(1, 2);
        assertThat(sink.kept).extracting(ReviewSink.Answered::rating).containsExactly(Rating.EASY, Rating.GOOD);
    }

    @Test
    void asksEachQuestionWithProgressAndRecordsEveryAnswer() {
        ScriptedUi ui = new ScriptedUi()
                .then(p -> given(rightChoice(p.question())))
                .then(given(new Response.Bool(true)));
        RecordingSink sink = new RecordingSink();
        Summary s = run(ui, sink, false, q("shared-kernel"), q("vm-statement"));
        assertThat(ui.prompts).extracting(QuizUi.Prompt::number).containsExactly(1, 2);
        assertThat(ui.prompts.get(1).score()).isEqualTo(1.0);
        assertThat(sink.kept).extracting(a -> a.rating()).containsExactly(Rating.GOOD, Rating.AGAIN);
        assertThat(sink.kept.get(1).misconceptions()).containsExactly("container-is-lightweight-vm");
        assertThat(sink.kept.get(0).millis()).isEqualTo(1200);
        assertThat(s.answered()).isEqualTo(2);
        assertThat(s.score()).isEqualTo(1.0);
        assertThat(s.misconceptions()).extracting(r -> r.misconception().id()).containsExactly("container-is-lightweight-vm");
        assertThat(s.practiseNext()).contains("containers");
    }

    @Test
    void feedbackCarriesTheRefutationOfEachRevealedMisconception() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Typed("a lightweight VM")));
        run(ui, ReviewSink.NONE, false, q("what-is-it"));
        QuizUi.Feedback f = ui.feedback.get(0);
        assertThat(f.verdict().score()).isZero();
        assertThat(f.rightAnswer()).contains("processes");
        assertThat(f.revealed()).extracting(m -> m.claim()).containsExactly("A container is a lightweight virtual machine.");
        assertThat(f.suggested()).isEqualTo(Rating.AGAIN);
    }

    @Test
    void partialAnswersSuggestHardAndTheLearnerMayChangeTheRating() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Choice(List.of(0))));
        ui.ratings.add(Rating.EASY);
        RecordingSink sink = new RecordingSink();
        run(ui, sink, false, q("building-blocks"));
        assertThat(ui.feedback.get(0).suggested()).isEqualTo(Rating.HARD);
        assertThat(sink.kept.get(0).rating()).isEqualTo(Rating.EASY);
    }

    @Test
    void flashcardsTakeTheLearnersOwnRating() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.SelfRating(2)));
        RecordingSink sink = new RecordingSink();
        run(ui, sink, false, q("oci"));
        assertThat(sink.kept.get(0).rating()).isEqualTo(Rating.HARD);
    }

    @Test
    void skipMovesOnWithoutRecording() {
        ScriptedUi ui = new ScriptedUi().then(new Answer.Skip()).then(given(new Response.Bool(false)));
        RecordingSink sink = new RecordingSink();
        Summary s = run(ui, sink, false, q("shared-kernel"), q("vm-statement"));
        assertThat(sink.kept).hasSize(1);
        assertThat(s.skipped()).isEqualTo(1);
        assertThat(s.answered()).isEqualTo(1);
    }

    @Test
    void undoTakesBackThePreviousAnswerAndAsksItAgain() {
        ScriptedUi ui = new ScriptedUi()
                .then(given(new Response.Bool(true)))
                .then(new Answer.Undo())
                .then(given(new Response.Bool(false)))
                .then(p -> given(rightChoice(p.question())));
        RecordingSink sink = new RecordingSink();
        Summary s = run(ui, sink, false, q("vm-statement"), q("shared-kernel"));
        assertThat(sink.undone).containsExactly(1L);
        assertThat(ui.prompts).extracting(p -> p.question().id())
                .containsExactly("vm-statement", "shared-kernel", "vm-statement", "shared-kernel");
        assertThat(ui.notices).containsExactly("Took back your answer to question 1.");
        assertThat(s.score()).isEqualTo(2.0);
        assertThat(s.misconceptions()).isEmpty();
    }

    @Test
    void undoWithNothingAnsweredIsANoticeNotACrash() {
        ScriptedUi ui = new ScriptedUi().then(new Answer.Undo()).then(new Answer.Quit());
        Summary s = run(ui, ReviewSink.NONE, false, q("vm-statement"));
        assertThat(ui.notices).containsExactly("Nothing to undo yet.");
        assertThat(s.answered()).isZero();
    }

    @Test
    void quitEndsTheSessionAndTheSummaryStillShows() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(false))).then(new Answer.Quit());
        run(ui, ReviewSink.NONE, false, q("vm-statement"), q("shared-kernel"), q("oci"));
        assertThat(ui.summary).isNotNull();
        assertThat(ui.summary.answered()).isEqualTo(1);
        assertThat(ui.summary.asked()).isEqualTo(3);
    }

    @Test
    void aRevealedMisconceptionBringsBackADifferentProbeAfterAtLeastThreeQuestions() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(true)));
        for (int i = 0; i < 10; i++) ui.then(new Answer.Skip());
        run(ui, ReviewSink.NONE, true, q("vm-statement"), q("oci"), q("kernels-count"), q("start-steps"), q("feature-roles"));
        List<String> asked = ui.prompts.stream().map(p -> p.question().id()).toList();
        assertThat(asked.subList(0, 4)).containsExactly("vm-statement", "oci", "kernels-count", "start-steps");
        Question followUp = ui.prompts.get(4).question();
        assertThat(followUp.id()).isNotEqualTo("vm-statement");
        assertThat(followUp.probes()).contains("container-is-lightweight-vm");
    }

    @Test
    void noFollowUpWhenFewerThanThreeQuestionsRemainAndTheCapHolds() {
        ScriptedUi short_ = new ScriptedUi().then(given(new Response.Bool(true)));
        for (int i = 0; i < 5; i++) short_.then(new Answer.Skip());
        run(short_, ReviewSink.NONE, true, q("vm-statement"), q("oci"), q("kernels-count"));
        assertThat(short_.prompts).hasSize(3);

        ScriptedUi capped = new ScriptedUi().then(given(new Response.Bool(true)));
        for (int i = 0; i < 10; i++) capped.then(new Answer.Skip());
        new Session(bank, capped, ReviewSink.NONE, clock, new SplittableRandom(1), true, true)
                .limitFollowUps(5, x -> true)
                .run(List.of(q("vm-statement"), q("oci"), q("kernels-count"), q("start-steps"), q("feature-roles")), null);
        assertThat(capped.prompts).hasSize(5);
    }

    @Test
    void theSameSeedShowsTheSameOptionOrder() {
        ScriptedUi a = new ScriptedUi().then(new Answer.Quit());
        ScriptedUi b = new ScriptedUi().then(new Answer.Quit());
        run(a, ReviewSink.NONE, false, q("building-blocks"));
        run(b, ReviewSink.NONE, false, q("building-blocks"));
        assertThat(a.prompts.get(0).presentation()).isEqualTo(b.prompts.get(0).presentation());
    }

    @Test
    void choiceOptionsAreShuffledAgainAtEveryShowing() {
        // building-blocks (multiple, several options) shown, undone and shown again
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Choice(List.of(0)))).then(new Answer.Undo())
                .then(given(new Response.Choice(List.of(0))));
        run(ui, ReviewSink.NONE, false, q("building-blocks"), q("oci"));
        List<List<Integer>> orders = ui.prompts.stream().filter(p -> p.question().id().equals("building-blocks"))
                .map(p -> p.presentation().order()).toList();
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0)).as("a fresh order, not the first one again").isNotEqualTo(orders.get(1));
    }

    @Test
    void aStudySessionCountsWhatIsLeftByKind() {
        RecordingSink sink = new RecordingSink();
        java.util.Set<String> answered = new java.util.HashSet<>();
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(false))).then(given(new Response.SelfRating(4)));
        ui.atFeedback = () -> answered.add(ui.prompts.get(ui.prompts.size() - 1).question().ref());
        new Session(bank, ui, sink, clock, new SplittableRandom(1), false, true)
                .learningSteps(x -> x.id().equals("vm-statement") ? java.util.Optional.of(clock.instant().plusSeconds(60))
                        : java.util.Optional.empty(), java.time.Duration.ofMinutes(20))
                .counted(x -> answered.contains(x.ref()) ? QuizUi.Kind.LEARNING : QuizUi.Kind.NEW)
                .run(List.of(q("vm-statement"), q("oci")), null);
        assertThat(ui.prompts).extracting(QuizUi.Prompt::counts)
                .containsExactly(new QuizUi.Counts(2, 0, 0), new QuizUi.Counts(1, 1, 0), new QuizUi.Counts(0, 1, 0));
    }

    @Test
    void aMisconceptionsRefutationIsShownInFullOnlyTheFirstTimeInASession() {
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(true))).then(given(new Response.Bool(true)));
        run(ui, ReviewSink.NONE, false, q("vm-statement"), q("vm-statement"));
        assertThat(ui.feedback).extracting(QuizUi.Feedback::seenBefore)
                .containsExactly(java.util.Set.of(), java.util.Set.of("container-is-lightweight-vm"));
    }

    @Test
    void theFeedbackGivesEachRatingsTimeUntilTheNextReview() {
        ReviewSink previewing = new RecordingSink() {
            @Override
            public java.util.Map<Rating, Instant> preview(Question question, Instant at) {
                return java.util.Map.of(Rating.AGAIN, at.plusSeconds(600), Rating.GOOD, at.plusSeconds(3 * 86_400));
            }
        };
        ScriptedUi ui = new ScriptedUi().then(given(new Response.Bool(false)));
        run(ui, previewing, false, q("vm-statement"));
        assertThat(ui.feedback.get(0).intervals()).containsEntry(Rating.AGAIN, "10m").containsEntry(Rating.GOOD, "3d");
    }
}
