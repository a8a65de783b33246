package org.quizcard.term;

import java.io.Closeable;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.InfoCmp.Capability;
import org.quizcard.bank.Question;
import org.quizcard.check.Presentation;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseParser;
import org.quizcard.check.ResponseParser.Parsed;
import java.util.function.Consumer;
import org.quizcard.srs.Rating;
import org.quizcard.study.QuizUi;
import org.quizcard.study.Summary;

/**
 * The session in a real terminal through JLine: single keys answer choice questions (digits,
 * letters, or arrows and Enter), a line editor without history or completion takes typed
 * answers, and feedback is styled. Ctrl-C and Ctrl-D end the session with its summary.
 */
public final class TerminalUi implements QuizUi, Closeable {
    private final Terminal terminal;
    private final Renderer renderer;
    private final LineReader lineReader;
    private final Clock clock;
    private final Function<String, String> conceptTitle;
    private final LineAnswers lines;
    private final Keys keys;

    public TerminalUi(Terminal terminal, boolean colour, Clock clock, Function<String, String> conceptTitle) {
        this.terminal = terminal;
        // read at every screen, so that one drawn after a resize fits the new width; at most 100
        // columns, for reading; 80 when the terminal does not say
        this.renderer = new Renderer(colour ? Style.colour() : Style.monochrome(),
                () -> terminal.getWidth() > 0 ? Math.min(terminal.getWidth() - 1, 100) : 80);
        this.lineReader = LineReaderBuilder.builder()
                .terminal(terminal)
                .variable(LineReader.HISTORY_SIZE, 0)
                .variable(LineReader.HISTORY_FILE_SIZE, 0)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        this.clock = clock;
        this.conceptTitle = conceptTitle;
        this.lines = new LineAnswers(this::readLine, this::println, renderer, clock);
        this.keys = new Keys(terminal);
    }

    @Override
    public Answer ask(Prompt p) {
        Question q = p.question();
        println(AttributedString.EMPTY);
        println(renderer.progress(p, conceptTitle.apply(q.concept())));
        long started = clock.millis();
        if (q instanceof Question.Single || q instanceof Question.TrueFalse) return choose(p, started, false);
        if (q instanceof Question.Multiple) return choose(p, started, true);
        if (q instanceof Question.Order) return arrange(p, started);
        renderer.question(q, p.presentation(), -1, Set.of()).forEach(this::println);
        println(renderer.instructions(q, p.presentation(), true));
        if (q instanceof Question.Flashcard card) return flashcard(p, card, started);
        if (q instanceof Question.Cloze z) return lines.cloze(z, started);
        return lines.oneLine(q, p.presentation(), started);
    }

    /** Single, true/false and multiple choice: keys answer at once; arrows move; Enter picks. */
    private Answer choose(Prompt p, long started, boolean many) {
        Question q = p.question();
        Presentation shown = p.presentation();
        int size = shown.size();
        int cursor = 0;
        Set<Integer> ticked = new LinkedHashSet<>();
        try (Screen screen = new Screen()) {
            while (true) {
                List<AttributedString> block = new ArrayList<>(renderer.question(q, shown, cursor, ticked));
                block.add(renderer.instructions(q, shown, true));
                int key = screen.draw(block);
                if (key == Keys.RESIZE) {
                    screen.clearTo(p);
                    continue;
                }
                if (key == Keys.CTRL_C || key == Keys.CTRL_D || key == -1 || key == 'q') return new Answer.Quit();
                if (key == 's') return new Answer.Skip();
                if (key == 'u' && !p.canUndo()) {
                    screen.message = "Nothing to undo yet.";
                    continue;
                }
                if (key == 'u') return new Answer.Undo();
                // t and f answer a true/false statement, as in the plain UI
                if (q instanceof Question.TrueFalse && (key == 't' || key == 'f')) {
                    return pick(q, shown, List.of(key == 't' ? 0 : 1), started);
                }
                if (key == '?') {
                    screen.message = renderer.hint(q).toString();
                } else if (key == Keys.UP) {
                    cursor = (cursor + size - 1) % size;
                } else if (key == Keys.DOWN) {
                    cursor = (cursor + 1) % size;
                } else if (key == Keys.ENTER || key == Keys.NEWLINE) {
                    if (!many) return pick(q, shown, List.of(cursor), started);
                    if (ticked.isEmpty()) screen.message = "Tick at least one option, then press Enter.";
                    else return pick(q, shown, new ArrayList<>(ticked), started);
                } else if (key == ' ' && many) {
                    if (!ticked.remove(cursor)) ticked.add(cursor);
                } else {
                    int position = position(key, size);
                    if (position < 0) {
                        screen.message = "Press 1-" + size + " or a-" + ResponseParser.letter(size - 1) + ".";
                    } else if (many) {
                        if (!ticked.remove(position)) ticked.add(position);
                        cursor = position;
                    } else {
                        return pick(q, shown, List.of(position), started);
                    }
                }
            }
        }
    }

    /**
     * An order question: move items with the arrow keys (space grabs and drops the item under the
     * cursor) and press Enter, or type the numbers of the items as shown ("3 1 2") and Enter.
     */
    private Answer arrange(Prompt p, long started) {
        Question q = p.question();
        List<Integer> arrangement = new ArrayList<>(p.presentation().order());
        int size = arrangement.size();
        int cursor = 0;
        boolean grabbed = false;
        StringBuilder typed = new StringBuilder();
        try (Screen screen = new Screen()) {
            while (true) {
                Presentation now = new Presentation(arrangement);
                List<AttributedString> block = new ArrayList<>(renderer.question(q, now, cursor,
                        grabbed ? Set.of(cursor) : Set.of()));
                block.add(renderer.instructions(q, now, true));
                if (typed.length() > 0) block.add(new AttributedString("> " + typed));
                int key = screen.draw(block);
                if (key == Keys.RESIZE) {
                    screen.clearTo(p);
                    continue;
                }
                if (key == Keys.CTRL_C || key == Keys.CTRL_D || key == -1) return new Answer.Quit();
                if (typed.length() == 0 && key == 'q') return new Answer.Quit();
                if (typed.length() == 0 && key == 's') return new Answer.Skip();
                if (typed.length() == 0 && key == 'u' && !p.canUndo()) {
                    screen.message = "Nothing to undo yet.";
                    continue;
                }
                if (typed.length() == 0 && key == 'u') return new Answer.Undo();
                if (key == '?') {
                    screen.message = renderer.hint(q).toString();
                } else if (key == Keys.UP || key == Keys.DOWN) {
                    int next = key == Keys.UP ? cursor - 1 : cursor + 1;
                    if (next >= 0 && next < size) {
                        if (grabbed) java.util.Collections.swap(arrangement, cursor, next);
                        cursor = next;
                    }
                } else if (key == ' ' && typed.length() == 0) {
                    grabbed = !grabbed;
                } else if ((key >= '0' && key <= '9') || key == ' ' || key == ',') {
                    typed.append((char) key);
                } else if (key == 127 || key == 8) {
                    if (typed.length() > 0) typed.setLength(typed.length() - 1);
                } else if (key == Keys.ENTER || key == Keys.NEWLINE) {
                    if (typed.length() == 0) {
                        return new Answer.Given(new Response.Sequence(arrangement), clock.millis() - started);
                    }
                    Parsed parsed = ResponseParser.parse(q, now, typed.toString());
                    if (parsed.isValid()) return new Answer.Given(parsed.response(), clock.millis() - started);
                    screen.message = parsed.hint();
                    typed.setLength(0);
                } else {
                    screen.message = "Use ↑↓ and space to move items, or type their numbers; Enter submits.";
                }
            }
        }
    }

    private Answer pick(Question q, Presentation shown, List<Integer> positions, long started) {
        if (q instanceof Question.TrueFalse) {
            return new Answer.Given(new Response.Bool(positions.get(0) == 0), clock.millis() - started);
        }
        List<Integer> picks = positions.stream().sorted().map(shown::index).toList();
        return new Answer.Given(new Response.Choice(picks), clock.millis() - started);
    }

    private static int position(int key, int size) {
        int p = -1;
        if (key >= '1' && key <= '9') p = key - '1';
        else if (key >= 'a' && key <= 'z') p = key - 'a';
        else if (key >= 'A' && key <= 'Z') p = key - 'A';
        return p < size ? p : -1;
    }

    /** A flashcard, its front already shown: a key reveals the back, and a key rates the recall. */
    private Answer flashcard(Prompt p, Question.Flashcard card, long started) {
        try (Screen screen = new Screen()) {
            while (true) {
                int key = keys.read();
                if (key == Keys.RESIZE) {
                    screen.clearTo(p);
                    renderer.question(card, p.presentation(), -1, Set.of()).forEach(this::println);
                    println(renderer.instructions(card, p.presentation(), true));
                }
                if (key == Keys.CTRL_C || key == Keys.CTRL_D || key == -1 || key == 'q') return new Answer.Quit();
                if (key == 's') return new Answer.Skip();
                if (key == 'u' && !p.canUndo()) println(renderer.problem("Nothing to undo yet."));
                if (key == 'u' && p.canUndo()) return new Answer.Undo();
                if (key == '?') println(renderer.hint(card));
                if (key == Keys.ENTER || key == Keys.NEWLINE || key == ' ') break;
            }
            renderer.back(card).forEach(this::println);
            println(renderer.problem("How well did you recall it?  1 Again · 2 Hard · 3 Good · 4 Easy"));
            while (true) {
                int key = keys.read();
                if (key == Keys.CTRL_C || key == Keys.CTRL_D || key == -1 || key == 'q') return new Answer.Quit();
                if (key == 's') return new Answer.Skip();
                if (key >= '1' && key <= '4') {
                    return new Answer.Given(new Response.SelfRating(key - '0'), clock.millis() - started);
                }
            }
        }
    }

    @Override
    public Rating feedback(Feedback f, Consumer<Rating> rerated) {
        renderer.feedback(f, false).forEach(this::println);
        boolean rate = !(f.question() instanceof Question.Flashcard);
        boolean explain = Renderer.hasBrief(f);
        Rating rating = f.suggested();
        List<AttributedString> block = status(f, rating, rate, explain);
        try (Screen screen = new Screen()) {
            while (true) {
                int key = screen.draw(block);
                if (key == Keys.RESIZE) {
                    screen.clear();
                    renderer.feedback(f, !explain).forEach(this::println);
                    block = status(f, rating, rate, explain);
                    continue;
                }
                if (key == Keys.CTRL_C || key == Keys.CTRL_D || key == -1 || key == 'q') return null;
                if (key == Keys.ENTER || key == Keys.NEWLINE || key == ' ') return rating;
                block = new ArrayList<>();
                if (rate && key >= '1' && key <= '4') {
                    rating = Rating.of(key - '0');
                    // durable before the change shows
                    rerated.accept(rating);
                } else if (explain && key == 'e') {
                    for (var m : f.revealed()) {
                        if (!f.seenBefore().contains(m.id())) continue;
                        block.add(AttributedString.EMPTY);
                        block.addAll(renderer.refutation(m));
                    }
                    explain = false;
                } else {
                    screen.message = "That key does nothing here: " + (rate ? "1-4 rate, " : "")
                            + (explain ? "e explains, " : "") + "Enter goes on, q quits.";
                }
                block.addAll(status(f, rating, rate, explain));
            }
        }
    }

    /** The lines under the feedback: the ratings with their intervals and the keys. */
    private List<AttributedString> status(Feedback f, Rating rating, boolean rate, boolean explain) {
        List<AttributedString> lines = new ArrayList<>();
        // feedback taller than the window has scrolled its verdict away: say it again beside the ratings
        List<AttributedString> feedback = renderer.feedback(f, !explain);
        int rows = feedback.stream().mapToInt(l -> renderer.fit(l).size()).sum();
        if (terminal.getHeight() > 0 && rows + 3 > terminal.getHeight()) lines.add(feedback.get(0));
        lines.addAll(renderer.ratings(f, rating));
        lines.add(renderer.feedbackKeys(rate, explain));
        return lines;
    }

    @Override
    public void notice(String message) {
        println(renderer.problem(message));
    }

    @Override
    public void summary(Summary summary) {
        renderer.summary(summary).forEach(this::println);
        terminal.flush();
    }

    @Override
    public void close() throws IOException {
        terminal.close();
    }

    /**
     * A screen awaiting keys: the terminal in raw mode until it is closed, and a block of lines
     * that each draw prints in place of the one before.
     */
    private final class Screen implements AutoCloseable {
        private final Attributes saved = keys.rawMode();
        private int drawn;
        /** A problem to show under the next block, once. */
        String message;

        /**
         * Prints {@code block} and the message, if any, first erasing the rows the last draw used,
         * and waits for a key.
         */
        int draw(List<AttributedString> block) {
            if (message != null) block.add(renderer.problem(message));
            message = null;
            if (drawn > 0) {
                terminal.puts(Capability.carriage_return);
                for (int i = 0; i < drawn; i++) terminal.puts(Capability.cursor_up);
                terminal.puts(Capability.clr_eos);
            }
            drawn = 0;
            for (AttributedString line : block) {
                println(line);
                drawn += renderer.fit(line).size();
            }
            return keys.read();
        }

        /** Clears the terminal, after a resize: the next block is drawn anew. */
        void clear() {
            terminal.puts(Capability.clear_screen);
            drawn = 0;
        }

        /** Clears the terminal and shows the question's header again. */
        void clearTo(Prompt p) {
            clear();
            println(renderer.progress(p, conceptTitle.apply(p.question().concept())));
        }

        @Override
        public void close() {
            terminal.setAttributes(saved);
        }
    }

    /** Prints a line cut to the terminal's width, so that the terminal never wraps one itself. */
    private void println(AttributedString line) {
        for (AttributedString part : renderer.fit(line)) terminal.writer().println(part.toAnsi(terminal));
        terminal.flush();
    }

    private String readLine(String prompt) {
        // a Ctrl-C that came as a signal before the line editor took the terminal ends the session too
        if (keys.takeInterrupt()) return null;
        try {
            return lineReader.readLine(prompt);
        } catch (UserInterruptException | EndOfFileException | java.io.IOError e) {
            // IOError: Ctrl-C interrupts the whole foreground process group, and with it a stty
            // the line editor may be running to read or set the terminal's modes; the learner
            // asked to stop either way, and the session ends with its summary
            return null;
        } finally {
            // the line editor answers Ctrl-C by interrupting this thread: that ends here, not
            // in the next terminal call
            Thread.interrupted();
        }
    }
}
