package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's class-data archive, which the JVM writes itself, broken in the ways a disk or a
 * person breaks files, and sqlite's native library, unpacked at build time: every run still
 * answers exactly as before and says nothing about it, and a broken archive is made again. Runs a
 * copy of the launcher, jar and native libraries in a temporary directory, so the checkout's own
 * caches are never touched.
 */
class LauncherCacheIT {
    @TempDir
    Path work;

    private Path root;
    private Path cache;
    private Path tmp;
    private Map<String, String> env;

    @BeforeEach
    void copyLauncherAndJar() throws IOException {
        root = Files.createDirectories(work.resolve("quizcard"));
        // sources older than the jar, so that the copy never rebuilds it
        Launcher.copyCheckout(root, true);
        cache = root.resolve("target/cache");
        tmp = Files.createDirectories(work.resolve("tmp"));
        env = Map.of("QUIZCARD_HOME", work.resolve("home").toString(), "QUIZCARD_JAVA_OPTS", "-Djava.io.tmpdir=" + tmp);
    }

    @Test
    void brokenArchivesNeverShowAndAreMadeAgain() throws Exception {
        Launcher.Run first = quiz();
        assertThat(first.err()).isEmpty();
        Path archive = awaitWholeArchive();

        // overwritten with garbage of the same size: the JVM is never handed it
        Files.setPosixFilePermissions(archive, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        byte[] garbage = new byte[(int) Files.size(archive)];
        new Random(1).nextBytes(garbage);
        Files.write(archive, garbage);
        assertSameAs(first, quiz());
        awaitWholeArchive();

        // cut short: refused, and made again
        Files.write(archive, new byte[1000]);
        assertSameAs(first, quiz());
        assertThat(Files.size(awaitWholeArchive())).isGreaterThan(1000);
        assertSameAs(first, quiz());
    }

    @Test
    void sqliteIsLoadedWhereTheBuildPutItOrFoundWithoutIt() throws Exception {
        Launcher.Run first = quiz();
        assertThat(first.err()).isEmpty();
        assertThat(find(tmp, "sqlite")).as("nothing unpacked into the temp directory").isEmpty();

        // without the build's copy (a jar copied elsewhere), sqlite-jdbc unpacks its own
        deleteTree(root.resolve("target/app/lib/native"));
        assertSameAs(first, quiz());
    }

    private Launcher.Run quiz() throws Exception {
        Launcher.Run run = Launcher.runScript(root.resolve("quizcard"), work, env, "", "quiz", "--plain", "--count", "1",
                "--seed", "1");
        assertThat(run.exit()).as(run.err()).isZero();
        return run;
    }

    private static void assertSameAs(Launcher.Run expected, Launcher.Run actual) {
        assertThat(actual.err()).as("nothing about the cache on stderr").isEmpty();
        assertThat(actual.out()).isEqualTo(expected.out());
    }

    /** Runs quizzes until the archive is there and starts as an archive does (JDK 25 makes it in the background). */
    private Path awaitWholeArchive() throws Exception {
        for (int i = 0; i < 120; i++) {
            Optional<Path> found = find(cache, "quizcard.jsa").or(() -> findQuietly(cache, "quizcard.aot"));
            if (found.isPresent() && isArchive(found.get())) return found.get();
            quiz();
            Thread.sleep(500);
        }
        throw new AssertionError("no whole class-data archive after 120 tries");
    }

    /** Whether a file starts with the magic number of a CDS archive or AOT cache. */
    private static boolean isArchive(Path file) throws IOException {
        byte[] head = new byte[4];
        try (var in = Files.newInputStream(file)) {
            if (in.readNBytes(head, 0, 4) < 4) return false;
        }
        return (head[1] & 0xff) == 0xab && (head[2] & 0xff) == 0x0b && (head[3] & 0xff) == 0xf0
                && ((head[0] & 0xff) == 0xa8 || (head[0] & 0xff) == 0xa2);
    }

    private static Optional<Path> findQuietly(Path dir, String name) {
        try {
            return find(dir, name);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> find(Path dir, String containing) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().contains(containing))
                    .filter(p -> !p.getFileName().toString().endsWith(".config"))
                    .findFirst();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
