package org.quizcard.study;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.quizcard.bank.Misconception;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.Verdict;
import org.quizcard.srs.Rating;

/**
 * What a session needs from whoever talks to the learner: ask a question, show feedback, say
 * something, show the summary. The terminal and plain implementations live in {@code term};
 * tests script their own.
 */
public interface QuizUi {

    /**
     * A question to ask, with where the session stands; an exam shows no score. A study session
     * counts what is left by kind ({@code counts}); other sessions have a fixed {@code total}
     * and no counts.
     */
    record Prompt(Question question, Presentation presentation, int number, int total, double score, int answered,
                  boolean canUndo, boolean exam, Counts counts) { }

    /** What a question is to the schedule, as Anki counts them. */
    enum Kind { NEW, LEARNING, DUE }

    /** How many new, learning and due questions a study session has left. */
    record Counts(int fresh, int learning, int due) {
        /** The counts of questions of these kinds. */
        static Counts of(Stream<Kind> kinds) {
            int[] n = new int[Kind.values().length];
            kinds.forEach(k -> n[k.ordinal()]++);
            return new Counts(n[Kind.NEW.ordinal()], n[Kind.LEARNING.ordinal()],
                    n[Kind.DUE.ordinal()]);
        }
    }

    /** What the learner did at a prompt. */
    sealed interface Answer {
        /** An answer, with how long the learner took. */
        record Given(Response response, long millis) implements Answer { }

        /** Skip this question. */
        record Skip() implements Answer { }

        /** Take back the previous answer and ask that question again. */
        record Undo() implements Answer { }

        /** End the session (q, end of input, Ctrl-C, Ctrl-D); the summary still shows. */
        record Quit() implements Answer { }
    }

    /**
     * Everything to show after an answer: {@code seenBefore} holds the revealed misconceptions
     * whose refutation this session already showed in full, {@code intervals} the time until the
     * next review after each rating ("10m", "3d"; empty when nothing is scheduled).
     */
    record Feedback(Question question, Presentation presentation, Response response, Verdict verdict,
                    String rightAnswer, List<Misconception> revealed, Rating suggested, boolean showAnswers,
                    Set<String> seenBefore, Map<Rating, String> intervals) { }

    Answer ask(Prompt prompt);

    /**
     * Shows the feedback for an answer already recorded with the suggested rating. Each time the
     * learner picks another rating, {@code rerated} is told before the choice shows, so the change
     * is as durable as the answer. Returns the rating in force when the learner moved on, or null
     * when they ended the session while reading.
     */
    Rating feedback(Feedback feedback, Consumer<Rating> rerated);

    /** A short message between questions ("Undid the previous answer."). */
    void notice(String message);

    void summary(Summary summary);
}
