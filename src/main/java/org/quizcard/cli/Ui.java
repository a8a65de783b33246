package org.quizcard.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.jline.terminal.spi.SystemStream;
import org.jline.terminal.spi.TerminalProvider;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.study.QuizUi;
import org.quizcard.term.PlainUi;
import org.quizcard.term.TerminalUi;

/**
 * Chooses how a session talks to the learner: the JLine terminal UI on a real terminal, the
 * plain UI when stdin or stdout is not a terminal, {@code TERM=dumb}, or {@code --plain}.
 * {@code terminal} is the JLine terminal the UI owns (null for the plain UI), and
 * {@code systemProcess} whether the session reads this process's own stdin.
 */
record Ui(QuizUi quiz, Terminal terminal, boolean systemProcess) implements AutoCloseable {
    /**
     * Runs {@code session}; if the process is stopped meanwhile (Ctrl-C reaches a plain session as
     * a signal), runs {@code interrupted} first so the learner still sees the summary. The
     * terminal UI reads Ctrl-C as a key and needs no hook.
     */
    void onInterrupt(Runnable interrupted, Runnable session) {
        if (!systemProcess || terminal != null) {
            session.run();
            return;
        }
        Thread hook = new Thread(interrupted, "quizcard-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            session.run();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running: it prints the summary
            }
        }
    }

    static Ui open(Context context, UiOptions options, Bank bank) {
        java.util.function.Function<String, String> title = id -> bank.concept(id).map(Concept::title).orElse(id);
        if (options.plain || !context.escapes()) {
            var decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE);
            BufferedReader in = new BufferedReader(new InputStreamReader(context.in(), decoder));
            return new Ui(new PlainUi(in, context.out(), context.clock(), title), null, context.in() == System.in);
        }
        boolean colour = options.colour();
        try {
            Terminal terminal = TerminalBuilder.builder().system(true).dumb(false)
                    .signalHandler(Terminal.SignalHandler.SIG_IGN).build();
            return new Ui(new TerminalUi(terminal, colour, context.clock(), title), terminal, true);
        } catch (IOException | RuntimeException e) {
            throw new QuizcardException("cannot open the terminal (" + e.getMessage() + "); try --plain",
                    QuizcardException.BAD_INPUT, e);
        }
    }

    /**
     * The width of the terminal stdout is, asked of JLine once and remembered; 0 (no wrapping)
     * when the terminal will not say. For a process whose stdout is a terminal only. JLine's
     * terminal provider measures the stream alone (one {@code stty}), a fraction of the cost of
     * opening a whole terminal; {@code early} asks at once on another thread, for a command that
     * will lay its output out, else the first caller asks.
     */
    static IntSupplier width(boolean early) {
        CompletableFuture<Integer> asked = early ? CompletableFuture.supplyAsync(Ui::columns)
                : new CompletableFuture<>();
        return () -> {
            if (!early && !asked.isDone()) asked.complete(columns());
            return asked.join();
        };
    }

    private static int columns() {
        try {
            return Math.max(0, TerminalProvider.load(TerminalBuilder.PROP_PROVIDER_EXEC).systemStreamWidth(SystemStream.Output));
        } catch (IOException | RuntimeException | LinkageError e) {
            return 0;
        }
    }

    @Override
    public void close() {
        if (terminal == null) return;
        try {
            terminal.close();
        } catch (IOException e) {
            // the session is over; a terminal that will not close has nothing left to lose
        }
    }
}
