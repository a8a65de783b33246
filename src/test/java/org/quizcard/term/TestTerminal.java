package org.quizcard.term;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** An in-memory 100×40 xterm for UI tests: keys in, screen bytes out. */
public final class TestTerminal {
    private TestTerminal() {
    }

    /**
     * A terminal that receives {@code keys} and draws on {@code screen}. The keys go in only after
     * the terminal's own echo is off: its input thread would otherwise echo whatever it read before
     * the UI switched to raw mode into the same screen, at the same time as the UI draws.
     */
    public static Terminal withKeys(String keys, ByteArrayOutputStream screen) throws IOException {
        return withKeys(keys, screen, 100, 40);
    }

    /** A terminal of {@code columns} by {@code rows}, typing {@code keys}. */
    public static Terminal withKeys(String keys, ByteArrayOutputStream screen, int columns, int rows) throws IOException {
        PipedOutputStream typing = new PipedOutputStream();
        PipedInputStream keyboard = new PipedInputStream(typing, 1 << 16);
        Terminal terminal = TerminalBuilder.builder().system(false).type("xterm-256color")
                .streams(keyboard, screen).size(new Size(columns, rows)).build();
        terminal.echo(false);
        typing.write(keys.getBytes(StandardCharsets.UTF_8));
        typing.close();
        return terminal;
    }
}
