package org.quizcard.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.quizcard.QuizcardException;

/**
 * An output directory a command writes whole and may write again (a sealed bank, an imported
 * one): it must be new, empty, or hold only what an earlier run of the command wrote, which the
 * new run replaces, removing the files it no longer writes. Anything else in it is the user's, so
 * the command refuses to start rather than mix its files with theirs or delete them.
 */
final class OwnedDirectory {
    /** Whether a file in the directory is one an earlier run wrote. */
    @FunctionalInterface
    interface Ours {
        boolean test(Path file) throws IOException;
    }

    private OwnedDirectory() {
    }

    /**
     * The entries of {@code dir} (none when it does not exist yet), each accepted by {@code ours};
     * refuses the first that is not, saying it is one {@code whichNot} ("which is not sealed").
     */
    static List<Path> earlier(Path dir, Ours ours, String whichNot) {
        List<Path> earlier = new ArrayList<>();
        if (!Files.exists(dir)) return earlier;
        if (!Files.isDirectory(dir)) throw QuizcardException.badInput(dir + ": not a directory");
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path f : entries) {
                if (!ours.test(f)) {
                    throw QuizcardException.badInput(dir + ": holds " + f.getFileName() + ", " + whichNot
                            + "; choose a new or empty --out directory");
                }
                earlier.add(f);
            }
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot list the directory (" + e.getMessage() + ")");
        }
        return earlier;
    }

    /** A file's first {@code bytes} bytes, as UTF-8 text: enough to tell who wrote it. */
    static String start(Path file, int bytes) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return new String(in.readNBytes(bytes), StandardCharsets.UTF_8);
        }
    }

    /** Removes the {@code earlier} files whose names this run did not write; {@code what} names them in an error. */
    static void removeStale(Path dir, List<Path> earlier, Set<String> written, String what) {
        try {
            for (Path stale : earlier) {
                if (!written.contains(stale.getFileName().toString())) Files.deleteIfExists(stale);
            }
        } catch (IOException e) {
            throw QuizcardException.badInput(dir + ": cannot remove an earlier " + what + " (" + e.getMessage() + ")");
        }
    }
}
