package org.quizcard.study;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Presentation;
import org.quizcard.check.Verdict;
import org.quizcard.study.QuizUi.Answer;
import org.quizcard.srs.Rating;

/**
 * One sitting of questions: ask, check, record, give feedback, one at a time. Every answer is
 * handed to the {@link ReviewSink} as soon as it is checked, before its feedback shows, and a
 * rating the learner changes while reading the feedback is handed over at once. A misconception the
 * learner reveals brings back a different question that probes it a few questions later, when
 * the session allows follow-ups.
 */
public final class Session {
    /** Questions that must come between a revealed misconception and its follow-up. */
    public static final int FOLLOW_UP_GAP = 3;

    private final Bank bank;
    private final QuizUi ui;
    private final ReviewSink sink;
    private final Clock clock;
    private final RandomGenerator random;
    private final boolean followUps;
    private final boolean showFeedback;
    private java.util.function.Predicate<Question> again = q -> false;
    private Map<String, Presentation> fixedPresentations = Map.of();
    private int maxQuestions = Integer.MAX_VALUE;
    private java.util.function.Predicate<Question> followUpAllowed = q -> true;

    /** Builds a session; {@code random} decides option order, so a seed replays it exactly. */
    public Session(Bank bank, QuizUi ui, ReviewSink sink, Clock clock, RandomGenerator random,
                   boolean followUps, boolean showFeedback) {
        this.bank = bank;
        this.ui = ui;
        this.sink = sink;
        this.clock = clock;
        this.random = random;
        this.followUps = followUps;
        this.showFeedback = showFeedback;
    }

    private volatile List<Done> answeredSoFar = List.of();
    private volatile int plannedSoFar;
    private volatile int skippedSoFar;
    private volatile boolean finished;

    /**
     * Caps the number of different questions a session may ask (follow-ups included) and says
     * which questions may come as follow-ups (a study session keeps to its daily new cards).
     */
    public Session limitFollowUps(int maxQuestions, java.util.function.Predicate<Question> allowed) {
        this.maxQuestions = maxQuestions;
        this.followUpAllowed = allowed;
        return this;
    }

    private static int distinct(List<Question> queue) {
        return (int) queue.stream().map(Question::ref).distinct().count();
    }

    /** Shows questions in the given orders (a graded variant's) instead of shuffling them. */
    public Session withPresentations(Map<String, Presentation> fixed) {
        this.fixedPresentations = Map.copyOf(fixed);
        return this;
    }

    /**
     * Asks a question once more at the end of the session when {@code again} says so after it was
     * answered: learning cards that fall due again within the session.
     */
    public Session askAgainWhen(java.util.function.Predicate<Question> again) {
        this.again = again;
        return this;
    }

    /** One question answered in this session. */
    private record Done(Question question, Presentation presentation, Verdict verdict, long handle,
                        int position) { }

    /**
     * Runs the session over {@code plan} and returns its summary (also shown through the UI).
     * Follow-ups an undone answer scheduled stay in the queue: they are still useful practice.
     */
    public Summary run(List<Question> plan, java.util.function.Supplier<String> next) {
        List<Question> queue = new ArrayList<>(plan);
        Map<String, Presentation> presentations = new LinkedHashMap<>(fixedPresentations);
        Deque<Done> done = new ArrayDeque<>();
        Set<String> asked = new HashSet<>();
        int skipped = 0;
        int position = 0;
        while (position < queue.size()) {
            plannedSoFar = queue.size();
            Question q = queue.get(position);
            Presentation shown = presentations.computeIfAbsent(q.ref(), r -> Presentation.shuffled(q, random));
            asked.add(q.ref());
            double score = done.stream().mapToDouble(d -> d.verdict().score()).sum();
            Answer answer = ui.ask(new QuizUi.Prompt(q, shown, position + 1, queue.size(), score, done.size(),
                    !done.isEmpty(), !showFeedback));
            if (answer instanceof Answer.Quit) break;
            if (answer instanceof Answer.Skip) {
                skipped++;
                skippedSoFar = skipped;
                position++;
                continue;
            }
            if (answer instanceof Answer.Undo) {
                if (done.isEmpty()) {
                    ui.notice("Nothing to undo yet.");
                    continue;
                }
                Done last = done.pop();
                answeredSoFar = List.copyOf(done);
                sink.undo(last.handle());
                position = last.position();
                ui.notice("Took back your answer to question " + (position + 1) + ".");
                continue;
            }
            Answer.Given given = (Answer.Given) answer;
            Verdict verdict = Checker.check(q, given.response());
            Rating suggested = suggestedRating(given, verdict);
            List<Misconception> revealed = verdict.misconceptions().stream().sorted()
                    .map(id -> bank.misconception(id).orElse(null)).filter(m -> m != null).toList();
            // Recorded before the feedback shows: closing the terminal while reading loses nothing.
            Instant at = clock.instant();
            long handle = sink.record(new ReviewSink.Answered(q, given.response(), verdict, suggested,
                    verdict.misconceptions(), given.millis(), at));
            Rating rating = showFeedback
                    ? ui.feedback(new QuizUi.Feedback(q, shown, given.response(), verdict, Checker.rightAnswer(q),
                            revealed, suggested, true), changed -> sink.rerate(handle, new ReviewSink.Answered(q,
                            given.response(), verdict, changed, verdict.misconceptions(), given.millis(), at)))
                    : suggested;
            done.push(new Done(q, shown, verdict, handle, position));
            answeredSoFar = List.copyOf(done);
            if (followUps) scheduleFollowUps(queue, position, verdict.misconceptions(), asked);
            if (again.test(q) && queue.subList(position + 1, queue.size()).stream().noneMatch(x -> x.ref().equals(q.ref()))) {
                queue.add(q);
            }
            position++;
            if (rating == null) break;
        }
        finished = true;
        Summary summary = summarise(new ArrayList<>(done), queue.size(), skipped, next == null ? null : next.get());
        if (showFeedback) ui.summary(summary);
        return summary;
    }

    /**
     * When the process is being stopped (Ctrl-C in plain mode) before the session finished, shows
     * the summary of what was answered so far; every one of those answers is already recorded.
     */
    public void interrupted() {
        if (finished || !showFeedback) return;
        finished = true;
        ui.summary(summarise(new ArrayList<>(answeredSoFar), plannedSoFar, skippedSoFar, null));
    }

    /** Wrong → Again, partial → Hard, right → Good; flashcards take the learner's own rating. */
    static Rating suggestedRating(Answer.Given given, Verdict verdict) {
        if (given.response() instanceof org.quizcard.check.Response.SelfRating r) return Rating.of(r.rating());
        return switch (verdict.outcome()) {
            case RIGHT -> Rating.GOOD;
            case PARTIAL -> Rating.HARD;
            case WRONG -> Rating.AGAIN;
        };
    }

    private void scheduleFollowUps(List<Question> queue, int position, Set<String> misconceptions, Set<String> asked) {
        // a follow-up needs at least FOLLOW_UP_GAP other questions before it; otherwise a later day brings it
        if (queue.size() < position + 1 + FOLLOW_UP_GAP) return;
        for (String id : misconceptions) {
            Set<String> planned = new HashSet<>();
            queue.forEach(q -> planned.add(q.ref()));
            bank.questions()
                    .filter(q -> q.probes().contains(id) && !asked.contains(q.ref()) && !planned.contains(q.ref()))
                    .min(Comparator.comparing(Question::ref))
                    .filter(q -> distinct(queue) < maxQuestions && followUpAllowed.test(q))
                    .ifPresent(q -> queue.add(position + 1 + FOLLOW_UP_GAP, q));
        }
    }

    private Summary summarise(List<Done> answers, int asked, int skipped, String next) {
        java.util.Collections.reverse(answers);
        Map<String, double[]> perConcept = new LinkedHashMap<>();
        Map<String, Integer> revealed = new LinkedHashMap<>();
        double total = 0;
        for (Done d : answers) {
            double[] s = perConcept.computeIfAbsent(d.question().concept(), c -> new double[2]);
            s[0]++;
            s[1] += d.verdict().score();
            total += d.verdict().score();
            d.verdict().misconceptions().stream().sorted().forEach(m -> revealed.merge(m, 1, Integer::sum));
        }
        List<Summary.ConceptScore> concepts = new ArrayList<>();
        perConcept.forEach((id, s) -> concepts.add(new Summary.ConceptScore(id,
                bank.concept(id).map(Concept::title).orElse(id), (int) s[0], s[1])));
        List<Summary.Revealed> misconceptions = new ArrayList<>();
        revealed.forEach((id, n) -> bank.misconception(id).ifPresent(m -> misconceptions.add(new Summary.Revealed(m, n))));
        Set<String> practise = new LinkedHashSet<>();
        concepts.stream().filter(c -> c.percent() < 80)
                .sorted(Comparator.comparingDouble(Summary.ConceptScore::percent))
                .forEach(c -> practise.add(c.concept()));
        misconceptions.forEach(r -> practise.addAll(r.misconception().concepts()));
        List<String> practiseNext = practise.stream().filter(c -> bank.concept(c).isPresent()).toList();
        return new Summary(asked, answers.size(), skipped, total, concepts, misconceptions, practiseNext, next);
    }
}
