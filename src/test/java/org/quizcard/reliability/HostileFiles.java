package org.quizcard.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The corpus of malformed files under {@code src/test/resources/hostile/}, and what every run on one must look like. */
final class HostileFiles {
    private HostileFiles() {
    }

    /** Every corpus file, sorted by name. */
    static List<Path> corpus() {
        try {
            Path dir = Path.of(HostileFiles.class.getResource("/hostile/empty.yaml").toURI()).getParent();
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether text holds a byte that drives a terminal: ESC, BEL, other C0/C1 controls (newline and tab allowed). */
    static boolean hasRawControl(String text) {
        return text.codePoints().anyMatch(c -> c != '\n' && c != '\t' && c != '\r'
                && (Character.getType(c) == Character.CONTROL || c == 0x7f));
    }

    /** Whether text looks like a Java stack trace or an internal error leaked to the user. */
    static boolean hasStackTrace(String text) {
        return text.contains("\tat ") || text.contains("Exception:") || text.contains("internal error")
                || text.contains("Caused by");
    }
}
