package org.quizcard.term;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.utils.NonBlockingReader;

/**
 * Single keys from a terminal in raw mode, with what is not a key but must end the wait for one:
 * Ctrl-C arriving as a signal, and a resize.
 */
final class Keys {
    static final int ENTER = '\r';
    static final int NEWLINE = '\n';
    static final int CTRL_C = 3;
    static final int CTRL_D = 4;
    static final int ESC = 27;
    static final int UP = -2;
    static final int DOWN = -3;
    /** Not a key: the terminal was resized while a key was awaited. */
    static final int RESIZE = -4;

    private final Terminal terminal;
    private final AtomicBoolean interrupted = new AtomicBoolean();
    private final AtomicBoolean resized = new AtomicBoolean();

    Keys(Terminal terminal) {
        this.terminal = terminal;
        // Ctrl-C that arrives as a signal (between two raw reads) ends the session like the key does
        terminal.handle(Terminal.Signal.INT, signal -> interrupted.set(true));
        // a resize redraws the screen awaiting a key for the new size
        terminal.handle(Terminal.Signal.WINCH, signal -> resized.set(true));
    }

    /** Raw keys: no echo, no line buffering, Ctrl-C as a key rather than a signal. Returns the attributes to restore. */
    Attributes rawMode() {
        Attributes saved = terminal.getAttributes();
        Attributes raw = new Attributes(saved);
        raw.setLocalFlags(EnumSet.of(Attributes.LocalFlag.ICANON, Attributes.LocalFlag.ECHO,
                Attributes.LocalFlag.IEXTEN, Attributes.LocalFlag.ISIG), false);
        raw.setInputFlags(EnumSet.of(Attributes.InputFlag.IXON, Attributes.InputFlag.ICRNL,
                Attributes.InputFlag.INLCR), false);
        raw.setControlChar(Attributes.ControlChar.VMIN, 1);
        raw.setControlChar(Attributes.ControlChar.VTIME, 0);
        terminal.setAttributes(raw);
        return saved;
    }

    /** Whether a Ctrl-C came as a signal since it was last asked; asking clears it. */
    boolean takeInterrupt() {
        return interrupted.getAndSet(false);
    }

    /** One key; arrows come back as {@link #UP} and {@link #DOWN}, a resize as {@link #RESIZE}; -1 at end of input. */
    int read() {
        try {
            NonBlockingReader reader = terminal.reader();
            int c;
            do {
                if (interrupted.getAndSet(false)) return CTRL_C;
                if (resized.getAndSet(false)) return RESIZE;
                c = reader.read(100L);
            } while (c == NonBlockingReader.READ_EXPIRED);
            if (c != ESC) return c;
            int next = reader.read(50L);
            if (next != '[' && next != 'O') return ESC;
            int code = reader.read(50L);
            return switch (code) {
                case 'A' -> UP;
                case 'B' -> DOWN;
                default -> ESC;
            };
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
