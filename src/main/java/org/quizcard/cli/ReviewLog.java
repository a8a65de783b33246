package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import org.quizcard.QuizcardException;
import org.quizcard.srs.ReviewCsv;

/**
 * A review log in replay's CSV format ({@code card,reviewed_at,rating}) named on the command
 * line, {@code -} for standard input, as {@code replay} and {@code optimize} read it: every way
 * it can fail is one line of bad input naming the file, and the line where there is one.
 */
final class ReviewLog {
    /** What a command does with the log's stream. */
    @FunctionalInterface
    interface Reading<T> {
        T from(InputStream in) throws IOException, ReviewCsv.BadRowException;
    }

    private ReviewLog() {
    }

    /** Opens {@code file} (or standard input for {@code -}) and reads it with {@code reading}. */
    static <T> T read(Context context, String file, Reading<T> reading) {
        boolean stdin = "-".equals(file);
        String source = stdin ? "<stdin>" : file;
        try {
            if (stdin) return parse(source, context.in(), reading);
            Path path = Path.of(file);
            if (Files.isDirectory(path)) throw QuizcardException.badInput(file + ": is a directory");
            try (InputStream in = Files.newInputStream(path)) {
                return parse(source, in, reading);
            }
        } catch (NoSuchFileException e) {
            throw QuizcardException.badInput(source + ": no such file");
        } catch (InvalidPathException e) {
            throw QuizcardException.badInput(source + ": not a valid path");
        } catch (AccessDeniedException e) {
            throw QuizcardException.badInput(source + ": permission denied");
        } catch (IOException e) {
            throw new QuizcardException(source + ": cannot read: " + e.getMessage(), QuizcardException.BAD_INPUT, e);
        }
    }

    /** Reads {@code in}, named {@code source} in messages, with {@code reading}; a bad row is bad input at its line. */
    static <T> T parse(String source, InputStream in, Reading<T> reading) throws IOException {
        try {
            return reading.from(in);
        } catch (ReviewCsv.BadRowException e) {
            throw QuizcardException.badInput(source + ":" + e.line() + ": " + e.reason());
        }
    }

    /** The time zone {@code --zone} names. */
    static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw QuizcardException.badInput("--zone: unknown time zone '" + name + "'");
        }
    }
}
