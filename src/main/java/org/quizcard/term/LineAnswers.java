package org.quizcard.term;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.jline.utils.AttributedString;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseParser;
import org.quizcard.check.ResponseParser.Parsed;
import org.quizcard.study.QuizUi.Answer;

/**
 * Answers typed a line at a time, the same in the plain and the terminal UI: a line that is just
 * {@code ?}, {@code s}, {@code u} or {@code q} is a key; anything else is parsed, and an invalid
 * answer gets a hint while the question stays.
 */
final class LineAnswers {
    /** Reads a line after a prompt; null at the end of input. */
    private final UnaryOperator<String> readLine;
    private final Consumer<AttributedString> print;
    private final Renderer renderer;
    private final Clock clock;

    LineAnswers(UnaryOperator<String> readLine, Consumer<AttributedString> print, Renderer renderer, Clock clock) {
        this.readLine = readLine;
        this.print = print;
        this.renderer = renderer;
        this.clock = clock;
    }

    /** The key a line stands for, or null when it is an answer; {@code ?} prints the hint and returns null. */
    Answer control(String line, Question q) {
        switch (line.strip()) {
            case "s":
                return new Answer.Skip();
            case "u":
                return new Answer.Undo();
            case "q":
                return new Answer.Quit();
            case "?":
                print.accept(renderer.hint(q));
                return null;
            default:
                return null;
        }
    }

    /** Reads lines until one answers {@code q} (a one-line question) or is a key. */
    Answer oneLine(Question q, Presentation shown, long started) {
        while (true) {
            String line = readLine.apply("> ");
            if (line == null) return new Answer.Quit();
            Answer control = control(line, q);
            if (control != null) return control;
            if (line.strip().equals("?")) continue;
            Parsed parsed = ResponseParser.parse(q, shown, line);
            if (parsed.isValid()) return new Answer.Given(parsed.response(), clock.millis() - started);
            print.accept(renderer.problem(parsed.hint()));
        }
    }

    /** Reads a cloze blank by blank. */
    Answer cloze(Question.Cloze z, long started) {
        List<String> blanks = new ArrayList<>();
        while (blanks.size() < z.blanks().size()) {
            String line = readLine.apply("Blank " + (blanks.size() + 1) + " of " + z.blanks().size() + "> ");
            if (line == null) return new Answer.Quit();
            Answer control = control(line, z);
            if (control != null) return control;
            if (line.strip().equals("?")) continue;
            Parsed parsed = ResponseParser.blank(line);
            if (parsed.isValid()) blanks.add(((Response.Typed) parsed.response()).text());
            else print.accept(renderer.problem(parsed.hint()));
        }
        return new Answer.Given(new Response.Blanks(blanks), clock.millis() - started);
    }
}
