package org.quizcard.study;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.bank.Solution;
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
 * the session allows follow-ups. Choice options are shuffled again at every showing, and a
 * question never comes twice in a row (an undo aside).
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
    private Function<Question, Optional<Instant>> learningDue = q -> Optional.empty();
    private Duration learnAhead = Duration.ZERO;
    private Function<Question, QuizUi.Kind> kinds;
    private Supplier<List<Question>> more = List::of;
    private Map<String, Presentation> fixedPresentations = Map.of();
    private int maxQuestions = Integer.MAX_VALUE;
    private Predicate<Question> followUpAllowed = q -> true;

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
    public Session limitFollowUps(int maxQuestions, Predicate<Question> allowed) {
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
     * Learning steps, as in Anki: after each answer, {@code due} says when the question's next
     * learning step falls due, if it is in one. A step due within {@code learnAhead} of the answer
     * comes back in this session: as soon as it is due, or, once nothing planned is left, early.
     */
    public Session learningSteps(Function<Question, Optional<Instant>> due, Duration learnAhead) {
        this.learningDue = due;
        this.learnAhead = learnAhead;
        return this;
    }

    /**
     * What more to ask once the plan and the learning steps are done: questions that became due
     * during the session (a probe of a misconception it revealed), asked in the same sitting.
     */
    public Session refillWith(Supplier<List<Question>> more) {
        this.more = more;
        return this;
    }

    /** Shows the learner how many new, learning and due questions are left, each question sorted by {@code kind}. */
    public Session counted(Function<Question, QuizUi.Kind> kind) {
        this.kinds = kind;
        return this;
    }

    /** One question answered in this session. */
    private record Done(Question question, Presentation presentation, Verdict verdict, long handle,
                        int position) { }

    /** A learning step waiting for its time. */
    private record Step(Question question, Instant due) { }

    /**
     * Runs the session over {@code plan} and returns its summary (also shown through the UI).
     * Follow-ups an undone answer scheduled stay in the queue: they are still useful practice.
     */
    public Summary run(List<Question> plan, Supplier<String> next) {
        List<Question> queue = new ArrayList<>(plan);
        List<Step> steps = new ArrayList<>();
        Deque<Done> done = new ArrayDeque<>();
        Set<String> asked = new HashSet<>();
        Set<String> refuted = new HashSet<>();
        int skipped = 0;
        int position = 0;
        String last = null;
        while (true) {
            Question q = next(queue, position, steps, last);
            if (q == null) break;
            plannedSoFar = queue.size();
            Presentation shown = fixedPresentations.containsKey(q.ref()) ? fixedPresentations.get(q.ref())
                    : Presentation.shuffled(q, random);
            asked.add(q.ref());
            double score = done.stream().mapToDouble(d -> d.verdict().score()).sum();
            Answer answer = ui.ask(new QuizUi.Prompt(q, shown, position + 1, queue.size(), score, done.size(),
                    !done.isEmpty(), !showFeedback, counts(queue, position, steps)));
            if (answer instanceof Answer.Quit) break;
            last = q.ref();
            if (answer instanceof Answer.Skip) {
                skipped++;
                skippedSoFar = skipped;
                position++;
                continue;
            }
            if (answer instanceof Answer.Undo) {
                if (done.isEmpty()) {
                    ui.notice("Nothing to undo yet.");
                    last = null;
                    continue;
                }
                Done undone = done.pop();
                answeredSoFar = List.copyOf(done);
                sink.undo(undone.handle());
                steps.removeIf(s -> s.question().ref().equals(undone.question().ref()));
                position = undone.position();
                last = null;
                ui.notice("Took back your answer to question " + (position + 1) + ".");
                continue;
            }
            Answer.Given given = (Answer.Given) answer;
            Verdict verdict = Checker.check(q, given.response());
            Rating suggested = suggestedRating(given, verdict);
            List<Misconception> revealed = verdict.misconceptions().stream().sorted()
                    .flatMap(id -> bank.misconception(id).stream()).toList();
            Instant at = clock.instant();
            Map<Rating, Instant> dues = sink.preview(q, at);
            // Recorded before the feedback shows: closing the terminal while reading loses nothing.
            long handle = sink.record(new ReviewSink.Answered(q, given.response(), verdict, suggested,
                    verdict.misconceptions(), given.millis(), at));
            Set<String> seenBefore = verdict.misconceptions().stream().filter(refuted::contains).collect(Collectors.toSet());
            refuted.addAll(verdict.misconceptions());
            Rating rating = showFeedback
                    ? ui.feedback(new QuizUi.Feedback(q, shown, given.response(), verdict, Solution.describe(q),
                            revealed, suggested, true, seenBefore, Intervals.labels(at, dues)),
                            changed -> sink.rerate(handle, new ReviewSink.Answered(q, given.response(), verdict,
                                    changed, verdict.misconceptions(), given.millis(), at)))
                    : suggested;
            done.push(new Done(q, shown, verdict, handle, position));
            answeredSoFar = List.copyOf(done);
            if (followUps) scheduleFollowUps(queue, position, verdict.misconceptions(), asked);
            learningDue.apply(q).filter(due -> !due.isAfter(clock.instant().plus(learnAhead)))
                    .ifPresent(due -> steps.add(new Step(q, due)));
            position++;
            if (rating == null) break;
        }
        finished = true;
        Summary summary = summarise(new ArrayList<>(done), queue.size(), skipped, next == null ? null : next.get());
        if (showFeedback) ui.summary(summary);
        return summary;
    }

    /**
     * The question to ask at {@code position}, put there: a learning step that is due, else the
     * next planned question, else the next learning step within the learn-ahead, else what
     * became due meanwhile; never the question just asked ({@code last}) while another can come.
     * Null when the session is done.
     */
    private Question next(List<Question> queue, int position, List<Step> steps, String last) {
        Instant now = clock.instant();
        Step step = earliest(steps, last, now);
        if (step == null && position < queue.size()) {
            if (queue.get(position).ref().equals(last) && position + 1 < queue.size()) {
                Collections.swap(queue, position, position + 1);
            }
            return queue.get(position);
        }
        if (step == null) step = earliest(steps, last, now.plus(learnAhead));
        if (step == null) {
            for (Question q : more.get()) {
                if (!q.ref().equals(last) && distinct(queue) < maxQuestions) queue.add(q);
            }
            return position < queue.size() ? queue.get(position) : null;
        }
        steps.remove(step);
        queue.add(position, step.question());
        return step.question();
    }

    /** The step due first, at or before {@code by}, that is not the question {@code last}. */
    private static Step earliest(List<Step> steps, String last, Instant by) {
        return steps.stream().filter(s -> !s.question().ref().equals(last) && !s.due().isAfter(by))
                .min(Comparator.comparing(Step::due)).orElse(null);
    }

    /** How many new, learning and due questions are left, this one included; null when not counted. */
    private QuizUi.Counts counts(List<Question> queue, int position, List<Step> steps) {
        if (kinds == null) return null;
        return QuizUi.Counts.of(Stream.concat(queue.subList(position, queue.size()).stream()
                .map(kinds), steps.stream().map(s -> QuizUi.Kind.LEARNING)));
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
        Collections.reverse(answers);
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
