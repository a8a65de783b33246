package org.quizcard.study;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.quizcard.srs.Rating;

/** A UI driven by a script of answers, recording what the session showed. */
public final class ScriptedUi implements QuizUi {
    private final Deque<Function<Prompt, Answer>> script = new ArrayDeque<>();
    public final List<Prompt> prompts = new ArrayList<>();
    public final List<Feedback> feedback = new ArrayList<>();
    public final List<String> notices = new ArrayList<>();
    public Summary summary;
    /** Ratings the learner picks after feedback, in order; when empty, the suggested one. */
    public final Deque<Rating> ratings = new ArrayDeque<>();
    /** Runs as each feedback shows, before the learner reacts to it. */
    public Runnable atFeedback = () -> { };

    public ScriptedUi then(Function<Prompt, Answer> step) {
        script.add(step);
        return this;
    }

    public ScriptedUi then(Answer answer) {
        return then(p -> answer);
    }

    @Override
    public Answer ask(Prompt prompt) {
        prompts.add(prompt);
        return script.isEmpty() ? new Answer.Quit() : script.poll().apply(prompt);
    }

    @Override
    public Rating feedback(Feedback f, Consumer<Rating> rerated) {
        feedback.add(f);
        atFeedback.run();
        if (ratings.isEmpty()) return f.suggested();
        Rating picked = ratings.poll();
        if (picked != null && picked != f.suggested()) rerated.accept(picked);
        return picked;
    }

    @Override
    public void notice(String message) {
        notices.add(message);
    }

    @Override
    public void summary(Summary s) {
        summary = s;
    }
}
