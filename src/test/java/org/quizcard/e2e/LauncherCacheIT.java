package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's caches (the class-data archive, the unpacked sqlite library) broken in the ways
 * a disk or a person breaks files: every run still answers exactly as before and says nothing
 * about it, and the broken cache is made again. Runs a copy of the launcher and jar in a
 * temporary directory, so the checkout's own caches are never touched.
 */
class LauncherCacheIT {
    @TempDir
    Path work;

    private Path root;
    private Path cache;
    private Map<String, String> env;

    @BeforeEach
    void copyLauncherAndJar() throws IOException {
        root = Files.createDirectories(work.resolve("quizcard"));
        Files.createDirectories(root.resolve("target"));
        Files.copy(Launcher.script(), root.resolve("quizcard"));
        Files.copy(Launcher.root().resolve("target/quizcard.jar"), root.resolve("target/quizcard.jar"));
        // sources older than the jar, so that the copy never rebuilds it
        for (String dir : List.of("src/main", "src/build", "questions")) {
            Files.setLastModifiedTime(Files.createDirectories(root.resolve(dir)), FileTime.fromMillis(0));
        }
        cache = root.resolve("target/cache");
        env = Map.of("QUIZCARD_HOME", work.resolve("home").toString());
    }

    @Test
    void brokenCachesNeverShowAndComeBack() throws Exception {
        Launcher.Run first = quiz();
        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).isEmpty();
        Path archive = await(() -> archive(), "the class-data archive");
        Path library = await(() -> find(cache, "libsqlitejdbc"), "the unpacked sqlite library");

        // overwritten with garbage of the same size: the JVM refuses it silently
        Files.setPosixFilePermissions(archive, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        byte[] garbage = new byte[(int) Files.size(archive)];
        new Random(1).nextBytes(garbage);
        Files.write(archive, garbage);
        assertSameAs(first, quiz());

        // cut short: refused, and made again
        Files.write(archive, new byte[1000]);
        assertSameAs(first, quiz());
        Path rebuilt = await(() -> archive().filter(a -> isWhole(a)), "a rebuilt archive");
        assertThat(Files.size(rebuilt)).isGreaterThan(1000);

        // the sqlite library overwritten or cut short: unpacked again, without a word
        Files.write(library, new byte[] {1, 2, 3});
        assertSameAs(first, quiz());
        Path unpacked = await(() -> find(cache, "libsqlitejdbc"), "the sqlite library unpacked again");
        assertThat(Files.size(unpacked)).isGreaterThan(3);
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

    private Optional<Path> archive() throws IOException {
        return find(cache, "quizcard-").filter(p -> p.toString().endsWith(".jsa") || p.toString().endsWith(".aot"));
    }

    /** Whether an archive is as long as its name says. */
    private static boolean isWhole(Path archive) {
        String name = archive.getFileName().toString();
        try {
            return Files.size(archive) == Long.parseLong(name.substring("quizcard-".length(), name.lastIndexOf('.')));
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }

    private static Optional<Path> find(Path dir, String containing) throws IOException {
        if (!Files.isDirectory(dir)) return Optional.empty();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().contains(containing))
                    .filter(p -> !p.getFileName().toString().endsWith(".part"))
                    .findFirst();
        }
    }

    private interface Probe {
        Optional<Path> find() throws IOException;
    }

    /** Waits up to 120 s for a cache file the launcher makes in the background. */
    private static Path await(Probe probe, String what) throws Exception {
        for (int i = 0; i < 240; i++) {
            Optional<Path> found = probe.find();
            if (found.isPresent()) return found.get();
            Thread.sleep(500);
        }
        throw new AssertionError("no " + what + " after 120 s");
    }
}
