package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Problem;
import org.quizcard.cli.CliRunner;

/**
 * The attacks of the attacker's review that found a hole, each replayed: a key printed from an
 * argument file, escape sequences from a bank, output files that replaced devices, unbounded
 * reads, files lint never read, questions no one can answer, student ids that break files, stale
 * sealed files, and messages that hid their cause.
 */
class AttacksTest {
    private static final Path COURSE = Path.of("examples/course").toAbsolutePath();
    private static final String ASSIGNMENT = COURSE.resolve("assignment.yaml").toString();
    private static final String ANSWERS = COURSE.resolve("answers/pass.yaml").toString();
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    private static final String DEMO = Path.of("src/test/resources/banks/demo").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private static final String SECRET = "quizcard-key-v1:c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0IQ";

    @Test
    void anArgumentFileIsNeverExpandedSoAKeyIsNeverEchoed() throws Exception {
        Path key = Files.writeString(dir.resolve("course.key"), SECRET + "\n");
        for (String[] args : List.of(new String[] {"seal", "--key-file", "@" + key, DEMO, "--out", dir.resolve("o").toString()},
                new String[] {"show", "@" + key}, new String[] {"@" + key})) {
            CliRunner.Run r = new CliRunner().run(args);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.out() + r.err()).doesNotContain("c2VjcmV0", "secret");
        }
    }

    /** A bank whose every piece of text tries to drive the terminal. */
    private Path escapingBank() throws Exception {
        Path bank = Files.createDirectories(dir.resolve("bank"));
        // OSC title and clipboard, CSI clear and cursor report, 8-bit CSI and OSC, DCS and APC
        // strings, an OSC 8 hyperlink, and a right-to-left override that reorders what is shown
        String osc = "\\e]0;pwned\\a\\e]52;c;cm0gLXJmIH4=\\a\\e[2J\\e[6n\\x9b31m\\x9d0;t\\x9c"
                + "\\ePq#0\\e\\\\\\e_apc\\e\\\\\\e]8;;http://x\\e\\\\link\\u202Eevil";
        Files.writeString(bank.resolve("c.yaml"), "id: c\ntitle: \"Title " + osc + "\"\nsummary: \"s " + osc + "\"\n"
                + "sources: [x]\nquestions:\n"
                + "  - id: q\n    type: single\n    prompt: \"Prompt " + osc + "\"\n    hint: \"Hint " + osc + "\"\n"
                + "    explanation: \"Why " + osc + "\"\n    options:\n"
                + "      - {text: \"Right " + osc + "\", correct: true}\n"
                + "      - {text: \"Wrong " + osc + "\", misconception: m}\n");
        Files.writeString(bank.resolve("misconceptions.yaml"), "misconceptions:\n  - id: m\n    claim: \"Claim " + osc
                + "\"\n    seems_right: \"Seems " + osc + "\"\n    correction: \"Fix " + osc + "\"\n"
                + "    concepts: [c]\n    sources: [x]\n");
        return bank;
    }

    @Test
    void escapeSequencesInABankNeverReachTheTerminal() throws Exception {
        String bank = escapingBank().toString();
        CliRunner cli = new CliRunner();
        List<CliRunner.Run> runs = List.of(
                cli.run("list", "--bank", bank),
                cli.run("list", "--json", "--bank", bank),
                cli.run("show", "c/q", "--bank", bank),
                cli.stdin("2\n").run("quiz", "--plain", "--count", "1", "--seed", "1", "--bank", bank),
                cli.run("stats", "--bank", bank),
                cli.run("misconceptions", "--all", "--bank", bank),
                cli.run("lint", bank));
        for (CliRunner.Run r : runs) {
            String all = r.out() + r.err();
            assertThat(all).as(all).doesNotContain("\u001b", "\u009b", "\u009d", "\u009c", "\u0007", "\u202e");
        }
        assertThat(runs.get(2).out()).contains("Prompt ", "\uFFFD");
        assertThat(runs.get(3).out()).contains("Claim ");
    }

    @Test
    void outputFilesAreWrittenThroughDevicesAndFifosNeverReplaced() throws Exception {
        Path link = dir.resolve("null");
        Files.createSymbolicLink(link, Path.of("/dev/null"));
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, ANSWERS, "--json", link.toString(),
                "--junit", link.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.isRegularFile(Path.of("/dev/null"))).isFalse();

        Path fifo = dir.resolve("fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        CompletableFuture<String> reader = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (Exception e) {
                return e.toString();
            }
        });
        CliRunner.Run toFifo = assertTimeoutPreemptively(QUICKLY, () -> new CliRunner().run("grade", ASSIGNMENT, ANSWERS,
                "--json", fifo.toString()));
        assertThat(toFifo.exit()).as(toFifo.err()).isZero();
        assertThat(reader.get(20, TimeUnit.SECONDS)).contains("\"student\"");
        assertThat(Files.isRegularFile(fifo)).as("the FIFO is still a FIFO").isFalse();

        Path directory = Files.createDirectories(dir.resolve("out"));
        CliRunner.Run toDir = new CliRunner().run("grade", ASSIGNMENT, ANSWERS, "--json", directory.toString());
        assertThat(toDir.err()).contains("is a directory").hasLineCount(1);
    }

    @Test
    void everyReadIsBoundedAndNeverHangs() throws Exception {
        String result;
        try (InputStream in = getClass().getResourceAsStream("/results/class/alice.json")) {
            result = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Path huge = Files.writeString(dir.resolve("huge.json"), result.replaceFirst("\"options\": 3", "\"options\": 100000000"));
        CliRunner.Run report = assertTimeoutPreemptively(QUICKLY, () -> new CliRunner().run("report", huge.toString()));
        assertThat(report.exit()).isEqualTo(2);
        assertThat(report.err()).contains("huge.json", "options").hasLineCount(1);

        CliRunner.Run zero = assertTimeoutPreemptively(QUICKLY, () -> seal("/dev/zero"));
        assertThat(zero.exit()).isEqualTo(2);
        assertThat(zero.err()).isEqualTo("quizcard seal: /dev/zero: not a regular file\n");

        Path fifo = dir.resolve("key.fifo");
        assumeTrue(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0, "mkfifo is not available");
        CliRunner.Run noWriter = assertTimeoutPreemptively(QUICKLY, () -> seal(fifo.toString()));
        assertThat(noWriter.err()).contains("not a regular file");

        Path big = Files.write(dir.resolve("big.key"), new byte[1 << 20]);
        assertThat(seal(big.toString()).err()).contains("too large for a key file");

        String longLine = "x".repeat(5_000_000);
        CliRunner.Run plain = assertTimeoutPreemptively(QUICKLY, () -> new CliRunner().stdin(longLine + "\n1\n")
                .run("quiz", "--plain", "--tag", "vm", "--no-save", "--bank", DEMO));
        assertThat(plain.exit()).as(plain.err()).isZero();
        assertThat(plain.out()).contains("An answer is at most 500 characters.", "Answered 1 of 1");
    }

    private CliRunner.Run seal(String keyFile) {
        return new CliRunner().run("seal", "--key-file", keyFile, DEMO, "--out", dir.resolve("sealed-out").toString());
    }

    @Test
    void lintRefusesFilesThatAreNotBanks() throws Exception {
        Path text = Files.writeString(dir.resolve("notbank.txt"), "hello\n");
        Path zero = dir.resolve("zero.yaml");
        Files.createSymbolicLink(zero, Path.of("/dev/zero"));
        for (Path p : List.of(text, Path.of("/etc/passwd"), zero)) {
            CliRunner.Run r = assertTimeoutPreemptively(QUICKLY, () -> new CliRunner().run("lint", p.toString()));
            assertThat(r.exit()).as(p.toString()).isEqualTo(2);
            assertThat(r.err()).startsWith("quizcard lint: " + p + ": not a ").hasLineCount(1);
        }
    }

    @Test
    void questionsNoInputCanAnswerAreLintErrors() throws Exception {
        Path bank = Files.createDirectories(dir.resolve("many"));
        StringBuilder b = new StringBuilder("id: many\ntitle: M\nsummary: s\nsources: [x]\nquestions:\n"
                + "  - id: q\n    type: single\n    prompt: p\n    explanation: e\n    options:\n"
                + "      - {text: o0, correct: true}\n");
        for (int i = 1; i < 30; i++) b.append("      - {text: o").append(i).append(", misconception: m}\n");
        b.append("  - id: o\n    type: order\n    prompt: p\n    explanation: e\n    items:\n");
        for (int i = 0; i < 40; i++) b.append("      - item ").append(i).append('\n');
        Files.writeString(bank.resolve("many.yaml"), b);
        Files.writeString(bank.resolve("misconceptions.yaml"), "misconceptions:\n  - id: m\n    claim: c\n"
                + "    seems_right: s\n    correction: c\n    concepts: [many]\n    sources: [x]\n");
        CliRunner.Run r = new CliRunner().run("lint", bank.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out()).contains("question 'q' has 30 options; at most 26 can be answered",
                "question 'o' has 40 items; at most 26 can be answered");
    }

    @Test
    void studentIdsAreValidatedWhereverTheyEnter() throws Exception {
        for (String id : List.of("alice\nbob", "\u001b[31mred", "x".repeat(65), "-rf", "")) {
            CliRunner.Run r = new CliRunner().run("exam", ASSIGNMENT, "--student", id, "--template",
                    "--out", dir.resolve("a.yaml").toString());
            assertThat(r.exit()).as(id).isEqualTo(2);
            assertThat(r.err()).as(id).contains("student id").doesNotContain("\u001b").hasLineCount(1);
        }
        Path answers = Files.writeString(dir.resolve("answers.yaml"),
                Files.readString(Path.of(ANSWERS)).replaceFirst("student: .*", "student: \"eve\\\\e[2J\""));
        CliRunner.Run graded = new CliRunner().run("grade", ASSIGNMENT, answers.toString());
        assertThat(graded.exit()).isEqualTo(2);
        assertThat(graded.err()).contains("answers.yaml:", "student id").doesNotContain("\u001b");
    }

    @Test
    void resealingIntoAnEarlierOutputLeavesNoStaleConcept() throws Exception {
        Path key = dir.resolve("k.key");
        assertThat(new CliRunner().run("keygen", "--out", key.toString()).exit()).isZero();
        Path out = dir.resolve("sealed");
        Path bank = Files.createDirectories(dir.resolve("two"));
        for (String f : List.of("containers.yaml", "misconceptions.yaml")) {
            Files.copy(Path.of("src/test/resources/banks/demo").resolve(f), bank.resolve(f));
        }
        Files.writeString(out.getParent().resolve("unused"), "");
        assertThat(new CliRunner().run("seal", "--key-file", key.toString(), bank.toString(), "--out", out.toString())
                .exit()).isZero();
        Files.copy(out.resolve("containers.yaml"), out.resolve("old-concept.yaml"));
        CliRunner.Run again = new CliRunner().run("seal", "--key-file", key.toString(), bank.toString(), "--out", out.toString());
        assertThat(again.exit()).as(again.err()).isZero();
        assertThat(out.resolve("old-concept.yaml")).doesNotExist();
        Files.writeString(out.resolve("notes.txt"), "mine");
        CliRunner.Run refused = new CliRunner().run("seal", "--key-file", key.toString(), bank.toString(), "--out", out.toString());
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.err()).contains("notes.txt", "not sealed");
    }

    @Test
    void messagesNameTheRealCause() throws Exception {
        Path bank = Files.createDirectories(dir.resolve("nan"));
        Files.writeString(bank.resolve("c.yaml"), "id: c\ntitle: C\nsummary: s\nsources: [x]\nquestions:\n"
                + "  - id: q\n    type: numeric\n    prompt: p\n    answer: 1\n    tolerance: .nan\n    explanation: e\n");
        assertThat(new CliRunner().run("lint", bank.toString()).out())
                .contains("'tolerance' must be a finite number, not .nan");

        // A concept file that cannot be read: its error, not the misconceptions its questions probe.
        BankFile unreadable = new BankFile("bank/facts.yaml", () -> {
            throw new java.nio.file.AccessDeniedException("bank/facts.yaml");
        });
        BankFile catalogue = new BankFile("bank/misconceptions.yaml", () -> new java.io.ByteArrayInputStream(
                ("misconceptions:\n  - id: m\n    claim: c\n    seems_right: s\n    correction: c\n"
                        + "    concepts: [facts]\n    sources: [x]\n").getBytes(StandardCharsets.UTF_8)));
        assertThat(BankLoader.load(List.of(catalogue, unreadable)).errors()).extracting(Problem::format)
                .containsExactly("bank/facts.yaml: cannot read the file (permission denied)");
    }

    @Test
    void anAnswerTheLockKeptFromTheLogSaysItWasNotSaved() throws Exception {
        CliRunner cli = new CliRunner();
        Path home = cli.home();
        assertThat(cli.stdin("1\n").run("quiz", "--plain", "--tag", "vm", "--bank", DEMO).exit()).isZero();
        try (var db = DriverManager.getConnection("jdbc:sqlite:" + home.resolve("progress.db"));
             var st = db.createStatement()) {
            st.execute("BEGIN IMMEDIATE");
            CliRunner.Run r = cli.stdin("1\n").run("quiz", "--plain", "--tag", "vm", "--bank", DEMO);
            st.execute("ROLLBACK");
            assertThat(r.exit()).isEqualTo(2);
            assertThat(r.err()).contains("another program holds the database's lock", "was not saved").hasLineCount(1);
        }
    }
}
