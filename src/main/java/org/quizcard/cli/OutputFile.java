package org.quizcard.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.quizcard.QuizcardException;
import org.quizcard.WriteProblem;
import org.quizcard.store.FileModes;

/**
 * Writes report, answers and export files whole or not at all: a temporary file moved into place. Only
 * a regular file is ever replaced (through a symbolic link, the file it names); a device, a FIFO
 * or a terminal is written through, so {@code --json /dev/null} never turns the device into a
 * file, and a directory is refused.
 */
final class OutputFile {
    private OutputFile() {
    }

    static void write(Path file, String text) {
        if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file)) {
            try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.WRITE)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
                return;
            } catch (IOException e) {
                throw QuizcardException.badInput(file + ": cannot write (" + WriteProblem.cause(file, e) + ")");
            }
        }
        write(file, tmp -> Files.writeString(tmp, text, StandardCharsets.UTF_8));
    }

    /** Writes what a file holds into the temporary file it is handed. */
    @FunctionalInterface
    interface Body {
        void writeTo(Path tmp) throws IOException;
    }

    /**
     * Writes a file whole through {@code body}, which fills a temporary file beside it; a device
     * or FIFO is refused, since {@code body} may need to seek (an Anki package is a zip with a
     * database inside).
     */
    static void write(Path file, Body body) {
        Path target = file.toAbsolutePath();
        Path tmp = null;
        try {
            if (Files.exists(target)) {
                BasicFileAttributes existing = Files.readAttributes(target, BasicFileAttributes.class);
                if (existing.isDirectory()) throw QuizcardException.badInput(file + ": is a directory, not a file");
                if (!existing.isRegularFile()) throw QuizcardException.badInput(file + ": not a regular file");
                target = target.toRealPath();
            }
            Path dir = target.getParent();
            if (dir != null) Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
            body.writeTo(tmp);
            // temporary files are private; a report or answers file is an ordinary one
            FileModes.ordinaryFile(tmp);
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            try {
                if (tmp != null) Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write already failed; report that
            }
            throw QuizcardException.badInput(file + ": cannot write (" + WriteProblem.cause(target, e) + ")");
        }
    }

    /**
     * Appends to a file others also append to, such as {@code $GITHUB_OUTPUT}, starting on a new
     * line when what is there does not end with one.
     */
    static void append(Path file, String text) {
        try {
            String start = "";
            if (Files.isRegularFile(file) && Files.size(file) > 0) {
                try (var channel = Files.newByteChannel(file)) {
                    java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
                    channel.position(channel.size() - 1).read(last);
                    if (last.get(0) != '\n') start = "\n";
                }
            }
            Files.writeString(file, start + text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw QuizcardException.badInput(file + ": cannot write (" + WriteProblem.cause(file, e) + ")");
        }
    }
}
