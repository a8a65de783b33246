package org.quizcard.study;

import java.time.Clock;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseText;

/**
 * A student taking an exam: a {@link Session} over fixed questions in fixed presentations (a
 * graded variant's), without feedback or follow-ups, that keeps each response as the text an
 * answers file holds. Every change (an answer, an undo) hands all answers so far to
 * {@code save} before the next question shows, so a closed terminal loses nothing.
 */
public final class Exam {
    private final Bank bank;
    private final List<Question> questions;
    private final Map<String, Presentation> presentations;
    private final Clock clock;
    private final Consumer<Map<String, List<String>>> save;
    /** Each answered question's response by question ref: its blanks, or one line as typed. */
    private final Map<String, List<String>> given = new HashMap<>();

    private Exam(Bank bank, List<Question> questions, Map<String, Presentation> presentations, Clock clock,
                 Consumer<Map<String, List<String>>> save) {
        this.bank = bank;
        this.questions = List.copyOf(questions);
        this.presentations = Map.copyOf(presentations);
        this.clock = clock;
        this.save = save;
    }

    /**
     * An exam over {@code questions}, each shown as {@code presentations} says; saves the
     * answers, none yet, at once, so the answers file exists before the first question shows.
     */
    public static Exam start(Bank bank, List<Question> questions, Map<String, Presentation> presentations,
                             Clock clock, Consumer<Map<String, List<String>>> save) {
        Exam exam = new Exam(bank, questions, presentations, clock, save);
        exam.save();
        return exam;
    }

    /** Asks the questions in order through {@code ui} until they are done or the student stops. */
    public void take(QuizUi ui) {
        // Every presentation is fixed, so the generator is never used.
        new Session(bank, ui, new Answers(), clock, new SplittableRandom(0), false, false)
                .withPresentations(presentations).run(questions, null);
    }

    /** How many questions have an answer. */
    public int answered() {
        return given.size();
    }

    public int questions() {
        return questions.size();
    }

    private void save() {
        save.accept(Collections.unmodifiableMap(given));
    }

    /**
     * Keeps each response as answers-file text; an exam shows no feedback, so no rating ever
     * changes (and grading ignores ratings anyway).
     */
    private final class Answers implements ReviewSink {
        private final Map<Long, String> handles = new HashMap<>();
        private long next;

        @Override
        public long record(Answered a) {
            Question q = a.question();
            Response r = a.response();
            given.put(q.ref(), r instanceof Response.Blanks b ? b.blanks()
                    : List.of(ResponseText.format(q, presentations.get(q.ref()), r)));
            save();
            handles.put(++next, q.ref());
            return next;
        }

        @Override
        public void undo(long handle) {
            given.remove(handles.remove(handle));
            save();
        }
    }
}
