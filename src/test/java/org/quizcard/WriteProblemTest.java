package org.quizcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The words for a failed write name the directory at fault, whatever exception the JDK threw. */
class WriteProblemTest {
    @TempDir
    Path dir;

    private static IOException failureOf(IoAction action) {
        try {
            action.run();
        } catch (IOException e) {
            return e;
        }
        throw new AssertionError("the write succeeded");
    }

    private interface IoAction {
        void run() throws IOException;
    }

    @Test
    void theOutermostFileWhereADirectoryMustBeIsNamed() throws Exception {
        Path file = Files.writeString(dir.resolve("file"), "x");
        Path target = file.resolve("a/b/report.json");
        IOException e = failureOf(() -> Files.createDirectories(target.getParent()));
        assertThat(WriteProblem.cause(target, e)).isEqualTo("cannot create directory " + file + ": a file is in the way");
        // the same for a relative path, named as the absolute one it is
        Path relative = Path.of("").toAbsolutePath().relativize(target);
        assertThat(WriteProblem.cause(relative, e)).isEqualTo("cannot create directory " + file + ": a file is in the way");
    }

    @Test
    void aDirectoryThatRefusesNewEntriesIsNamed() {
        Path target = Path.of("/proc/quizcard-test/x/report.json");
        IOException e = failureOf(() -> Files.createDirectories(target.getParent()));
        assertThat(WriteProblem.cause(target, e)).isEqualTo("directory /proc is not writable");
    }

    @Test
    void aWritableDirectoryIsNotBlamedForAnotherFailure() {
        IOException e = new java.nio.file.FileSystemException(dir.resolve("x").toString(), null, "File name too long");
        assertThat(WriteProblem.cause(dir.resolve("x"), e)).isEqualTo(dir.resolve("x") + ": File name too long");
        assertThat(WriteProblem.unwritable(dir)).isEmpty();
        IOException full = new java.nio.file.FileSystemException(dir.resolve("x").toString(), null, "No space left on device");
        assertThat(WriteProblem.cause(dir.resolve("x"), full)).isEqualTo("the disk holding " + dir + " is full");
    }
}
