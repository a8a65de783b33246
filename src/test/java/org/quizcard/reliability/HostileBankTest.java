package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.cli.CliRunner;

/**
 * Every file of the hostile corpus, and the hostile paths that cannot be committed (a 60 MB
 * string, a directory, a missing or unreadable file, a symlink loop), given to {@code quizcard
 * lint}: one line naming the file (with line and column where there is one), exit 1 or 2, no
 * stack trace, within a few seconds.
 */
class HostileBankTest {
    private static final Duration LIMIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> everyCorpusFileIsAOneLineErrorWithItsPosition() {
        return HostileFiles.corpus().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            Path bank = Files.createDirectories(dir.resolve(file.getFileName().toString().replace(".yaml", "")));
            Path copy = Files.copy(file, bank.resolve(file.getFileName()));
            CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("lint", copy.toString()));
            assertLintError(run, copy.toString());
        }));
    }

    @TestFactory
    Stream<DynamicTest> corpusFilesAsAMisconceptionCatalogueAreErrorsToo() {
        return HostileFiles.corpus().stream().limit(40).map(file -> dynamicTest(file.getFileName().toString(), () -> {
            Path bank = Files.createDirectories(dir.resolve("m-" + file.getFileName().toString().replace(".yaml", "")));
            Path copy = Files.copy(file, bank.resolve("misconceptions.yaml"));
            CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("lint", copy.toString()));
            assertLintError(run, copy.toString());
        }));
    }

    /** The same files as a bank used by a session: the first error in one line, exit 2. */
    @TestFactory
    Stream<DynamicTest> aSessionOnAHostileBankStopsWithOneLine() {
        return HostileFiles.corpus().stream().map(file -> dynamicTest(file.getFileName().toString(), () -> {
            Path bank = Files.createDirectories(dir.resolve("s-" + file.getFileName().toString().replace(".yaml", "")));
            Path copy = Files.copy(file, bank.resolve(file.getFileName()));
            CliRunner.Run run = assertTimeoutPreemptively(LIMIT,
                    () -> new CliRunner().run("quiz", "--plain", "--no-save", "--bank", bank.toString()));
            assertThat(run.exit()).as(run.err()).isEqualTo(2);
            assertOneLine(run.err(), "quizcard quiz: ", copy.toString());
            assertThat(run.out()).isEmpty();
        }));
    }

    @Test
    void aSixtyMegabyteStringIsRefusedInBoundedTimeAndMemory() throws IOException {
        Path bank = Files.createDirectories(dir.resolve("huge"));
        Path file = bank.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("id: huge\ntitle: \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 60; i++) out.write(chunk);
            out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        Runtime rt = Runtime.getRuntime();
        CliRunner.Run run = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> new CliRunner().run("lint", file.toString()));
        assertLintError(run, file.toString());
        assertThat(run.out()).contains(file + ": the file is larger than 8 MB");
        // reading stops after 8 MB: nothing near the heap's limit is ever held
        assertThat(rt.totalMemory() - rt.freeMemory()).isLessThan(rt.maxMemory());
    }

    @Test
    void aLineOfSevenMegabytesIsRefusedBeforeTheQuadraticScanner() throws IOException {
        Path bank = Files.createDirectories(dir.resolve("long"));
        Path file = Files.writeString(bank.resolve("long.yaml"), "id: long\ntitle: " + "y".repeat(7 << 20) + "\n");
        CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("lint", file.toString()));
        assertLintError(run, file.toString());
        assertThat(run.out()).contains(file + ":2:100001: the line is longer than 100000 characters");
    }

    @Test
    void aDirectoryWhereABankFileIsExpected() throws IOException {
        Path notAFile = Files.createDirectories(dir.resolve("bank/concept.yaml"));
        CliRunner.Run run = new CliRunner().run("quiz", "--plain", "--no-save", "--bank", notAFile.toString());
        // a directory named like a file is read as a bank directory without files
        assertThat(run.exit()).isEqualTo(2);
        assertOneLine(run.err(), "quizcard quiz: ", "");
        Path file = Files.writeString(dir.resolve("plain.yaml"), "id: x\n");
        CliRunner.Run asDir = new CliRunner().run("lint", "--bank", file.toString());
        assertThat(asDir.exit()).isEqualTo(2);
        assertOneLine(asDir.err(), "quizcard lint: ", file.toString());
    }

    @Test
    void aMissingPath() {
        Path missing = dir.resolve("nowhere/concept.yaml");
        CliRunner.Run run = new CliRunner().run("lint", missing.toString());
        assertThat(run.exit()).isEqualTo(2);
        assertOneLine(run.err(), "quizcard lint: ", missing.toString());
        CliRunner.Run bank = new CliRunner().run("study", "--plain", "--bank", missing.getParent().toString());
        assertThat(bank.exit()).isEqualTo(2);
        assertOneLine(bank.err(), "quizcard study: ", missing.getParent().toString());
    }

    @Test
    void anUnreadableFile() throws IOException {
        Path bank = Files.createDirectories(dir.resolve("locked"));
        Path file = Files.writeString(bank.resolve("locked.yaml"), "id: locked\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
        assumeFalse(Files.isReadable(file), "running as root: permissions do not stop reading");
        CliRunner.Run run = new CliRunner().run("lint", file.toString());
        assertLintError(run, file.toString());
    }

    @Test
    void aSymlinkLoop() throws IOException {
        Path bank = Files.createDirectories(dir.resolve("loop"));
        Path a = bank.resolve("a.yaml");
        Path b = bank.resolve("b.yaml");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        CliRunner.Run run = assertTimeoutPreemptively(LIMIT, () -> new CliRunner().run("lint", a.toString()));
        assertThat(run.exit()).isEqualTo(2);
        assertOneLine(run.err(), "quizcard lint: ", a.toString());
        Path selfDir = bank.resolve("self");
        Files.createSymbolicLink(selfDir, selfDir);
        CliRunner.Run asBank = assertTimeoutPreemptively(LIMIT,
                () -> new CliRunner().run("quiz", "--plain", "--no-save", "--bank", selfDir.toString()));
        assertThat(asBank.exit()).isEqualTo(2);
        assertOneLine(asBank.err(), "quizcard quiz: ", selfDir.toString());
    }

    /** Lint's verdict: exit 1 with problem lines naming the file and a position, or exit 2 with one line. */
    static void assertLintError(CliRunner.Run run, String file) {
        assertThat(HostileFiles.hasStackTrace(run.out() + run.err())).as(run.out() + run.err()).isFalse();
        assertThat(HostileFiles.hasRawControl(run.out() + run.err())).as(run.out() + run.err()).isFalse();
        if (run.exit() == 2) {
            assertOneLine(run.err(), "quizcard lint: ", file);
            return;
        }
        assertThat(run.exit()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).isEmpty();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.out()).anyMatch(l -> l.matches(java.util.regex.Pattern.quote(file) + ":\\d+:\\d+: .+")
                || l.startsWith(file + ": "));
        assertThat(lines).allMatch(l -> l.startsWith(file) || l.matches("\\d+ files? checked: .*"), "every line names the file");
        assertThat(lines).allMatch(l -> l.length() < 600, "lines stay short");
    }

    static void assertOneLine(String err, String prefix, String file) {
        assertThat(err.lines().toList()).as(err).hasSize(1);
        assertThat(err).startsWith(prefix).contains(file);
        assertThat(err.length()).as(err).isLessThan(600);
        assertThat(HostileFiles.hasStackTrace(err)).as(err).isFalse();
        assertThat(HostileFiles.hasRawControl(err)).as(err).isFalse();
    }
}
