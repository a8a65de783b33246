package org.quizcard.term;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
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

    /**
     * Reads lines after {@code prompt} until one is a key ({@code s}, {@code u}, {@code q}) or
     * {@code parse} takes it; {@code ?} prints the question's hint, a line {@code parse} rejects
     * the parser's hint.
     */
    Answer read(String prompt, Question q, Function<String, Parsed> parse, long started) {
        while (true) {
            String line = readLine.apply(prompt);
            if (line == null) return new Answer.Quit();
            switch (line.strip()) {
                case "s":
                    return new Answer.Skip();
                case "u":
                    return new Answer.Undo();
                case "q":
                    return new Answer.Quit();
                case "?":
                    print.accept(renderer.hint(q));
                    continue;
                default:
                    break;
            }
            Parsed parsed = parse.apply(line);
            if (parsed.isValid()) return new Answer.Given(parsed.response(), clock.millis() - started);
            print.accept(renderer.problem(parsed.hint()));
        }
    }

    /** Reads lines until one answers {@code q} (a one-line question) or is a key. */
    Answer oneLine(Question q, Presentation shown, long started) {
        return read("> ", q, line -> ResponseParser.parse(q, shown, line), started);
    }

    /** Reads a cloze blank by blank. */
    Answer cloze(Question.Cloze z, long started) {
        List<String> blanks = new ArrayList<>();
        while (blanks.size() < z.blanks().size()) {
            String prompt = "Blank " + (blanks.size() + 1) + " of " + z.blanks().size() + "> ";
            Answer blank = read(prompt, z, ResponseParser::blank, started);
            if (!(blank instanceof Answer.Given given)) return blank;
            blanks.add(((Response.Typed) given.response()).text());
        }
        return new Answer.Given(new Response.Blanks(blanks), clock.millis() - started);
    }
}
