package org.quizcard.term;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Set;
import java.util.function.Function;
import org.jline.utils.AttributedString;
import org.quizcard.bank.Question;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseParser;
import org.quizcard.check.ResponseParser.Parsed;
import java.util.function.Consumer;
import org.quizcard.srs.Rating;
import org.quizcard.study.QuizUi;
import org.quizcard.study.Summary;

/**
 * The session line by line, with no escape codes at all: one answer per input line, end of
 * input ends the session like {@code q}. For pipes, scripts, dumb terminals and screen readers.
 */
public final class PlainUi implements QuizUi {
    private final BufferedReader in;
    private final PrintWriter out;
    private final Clock clock;
    private final Renderer renderer = new Renderer(Style.monochrome(), () -> 0);
    private final Function<String, String> conceptTitle;
    private final LineAnswers lines;

    public PlainUi(BufferedReader in, PrintWriter out, Clock clock, Function<String, String> conceptTitle) {
        this.in = in;
        this.out = out;
        this.clock = clock;
        this.conceptTitle = conceptTitle;
        this.lines = new LineAnswers(this::readLine, this::print, renderer, clock);
    }

    @Override
    public Answer ask(Prompt p) {
        Question q = p.question();
        out.println();
        print(renderer.progress(p, conceptTitle.apply(q.concept())));
        renderer.question(q, p.presentation(), -1, Set.of()).forEach(this::print);
        print(renderer.instructions(q, p.presentation(), false));
        long started = clock.millis();
        if (q instanceof Question.Flashcard card) return flashcard(card, started);
        if (q instanceof Question.Cloze z) return lines.cloze(z, started);
        return lines.oneLine(q, p.presentation(), started);
    }

    private Answer flashcard(Question.Flashcard card, long started) {
        // any line but a key reveals the back
        Answer front = lines.read("(Enter to reveal) ", card,
                line -> Parsed.ok(new Response.Typed(line)), started);
        if (!(front instanceof Answer.Given)) return front;
        renderer.back(card).forEach(this::print);
        return lines.read("Rate your recall 1 Again, 2 Hard, 3 Good, 4 Easy: ", card,
                ResponseParser::rating, started);
    }

    @Override
    public Rating feedback(Feedback f, Consumer<Rating> rerated) {
        renderer.feedback(f, false).forEach(this::print);
        if (!f.intervals().isEmpty()) renderer.ratings(f, f.suggested()).forEach(this::print);
        return f.suggested();
    }

    @Override
    public void notice(String message) {
        print(renderer.problem(message));
    }

    @Override
    public void summary(Summary summary) {
        renderer.summary(summary).forEach(this::print);
        out.flush();
    }

    private void print(AttributedString line) {
        out.println(line.toString());
    }

    /** Longest line kept; the rest of a longer one is read and dropped, so no input can fill memory. */
    static final int MAX_LINE = 4096;

    private String readLine(String prompt) {
        out.print(prompt);
        out.flush();
        try {
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) != -1 && c != '\n') {
                if (line.length() < MAX_LINE) line.append((char) c);
            }
            if (c == -1 && line.length() == 0) {
                out.println();
                return null;
            }
            int end = line.length();
            if (end > 0 && line.charAt(end - 1) == '\r') line.setLength(end - 1);
            return line.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
