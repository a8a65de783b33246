package org.quizcard.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.cli.Context;
import org.quizcard.cli.Main;

/**
 * Hostile answers typed into a plain session over every question type of the demo bank (all
 * nine kinds of prompt): end of input, empty lines, 1 MB lines, escape sequences and control
 * characters, Ctrl-C and Ctrl-D bytes, bytes that are not UTF-8. The session always ends
 * cleanly with its summary, nothing typed reaches the output raw, and what was saved reopens.
 */
class HostileAnswersTest {
    static final Path DEMO = Path.of("src/test/resources/banks/demo").toAbsolutePath();
    private static final Duration LIMIT = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Inputs, each fed line after line to every prompt of the session until it ends. */
    static Map<String, byte[]> inputs() {
        Map<String, byte[]> inputs = new LinkedHashMap<>();
        inputs.put("end of input at once", new byte[0]);
        inputs.put("empty lines then end of input", "\n".repeat(40).getBytes(StandardCharsets.UTF_8));
        inputs.put("blank lines of spaces and tabs", " \t \n".repeat(40).getBytes(StandardCharsets.UTF_8));
        inputs.put("a 1 MB line at every prompt", ("x".repeat(1 << 20) + "\n").repeat(12).getBytes(StandardCharsets.UTF_8));
        inputs.put("a 1 MB line without a newline", "7".repeat(1 << 20).getBytes(StandardCharsets.UTF_8));
        inputs.put("terminal escape sequences", ("\u001b[2J\u001b]0;pwned\u0007\u001b[31mred\n"
                + "\u009b31m csi\n\u001bP+q\u001b\\ dcs\n").repeat(15).getBytes(StandardCharsets.UTF_8));
        inputs.put("escape sequence glued to a right answer", "1\u001b[2J\n".repeat(40).getBytes(StandardCharsets.UTF_8));
        inputs.put("control characters", "\u0000\u0001\u0008\u007f\r\u000b\u000c\n".repeat(30).getBytes(StandardCharsets.UTF_8));
        inputs.put("Ctrl-C and Ctrl-D bytes", "\u0003\n\u0004\n".repeat(30).getBytes(StandardCharsets.UTF_8));
        inputs.put("bytes that are not UTF-8", bytes(new byte[] {(byte) 0xff, (byte) 0xfe, '1', '\n', (byte) 0xc3, '\n',
            (byte) 0x80, 'a', '\n', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '\n'}, 12));
        inputs.put("CR line endings", "1\r2\r3\r".repeat(20).getBytes(StandardCharsets.UTF_8));
        inputs.put("typed answers with escapes", ("a group of \u001b[8mprocesses\n2\n1 2\n4 3 2 1\n1c 2b 3a\n"
                + "use\u001b]52;c;aGk=\u0007\nsee\n\n3\n").repeat(3).getBytes(StandardCharsets.UTF_8));
        return inputs;
    }

    private static byte[] bytes(byte[] unit, int times) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < times; i++) out.writeBytes(unit);
        return out.toByteArray();
    }

    record Run(int exit, String out, String err) { }

    static Run run(Path home, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(stdin), new PrintWriter(out, true), new PrintWriter(err, true),
                Map.of("QUIZCARD_HOME", home.toString()), Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC),
                false);
        int exit = Main.run(context, args);
        return new Run(exit, out.toString(), err.toString());
    }

    @TestFactory
    Stream<DynamicTest> everyPromptSurvivesHostileInput() {
        return inputs().entrySet().stream().map(e -> dynamicTest(e.getKey(), () -> {
            Path home = Files.createTempDirectory(dir, "home");
            for (String command : List.of("quiz", "study")) {
                String[] args = command.equals("quiz")
                        ? new String[] {"quiz", "--plain", "--bank", DEMO.toString(), "--count", "9", "--seed", "3"}
                        : new String[] {"study", "--plain", "--bank", DEMO.toString(), "--new", "9"};
                Run run = assertTimeoutPreemptively(LIMIT, () -> run(home, e.getValue(), args));
                String all = run.out() + run.err();
                assertThat(run.exit()).as(command + ": " + abbreviated(all)).isZero();
                assertThat(run.err()).as(command).isEmpty();
                assertThat(HostileFiles.hasRawControl(run.out())).as(command + ": " + abbreviated(run.out())).isFalse();
                assertThat(run.out()).as(command).containsAnyOf("Question 1 ", "Nothing due");
                assertThat(run.out().length()).as("a 1 MB answer is not echoed back whole").isLessThan(3 << 20);
            }
            Run stats = run(home, new byte[0], "stats", "--bank", DEMO.toString());
            assertThat(stats.exit()).as(stats.err()).isZero();
            assertThat(HostileFiles.hasRawControl(stats.out())).isFalse();
            Run misconceptions = run(home, new byte[0], "misconceptions", "--bank", DEMO.toString());
            assertThat(misconceptions.exit()).as(misconceptions.err()).isZero();
            assertThat(HostileFiles.hasRawControl(misconceptions.out())).isFalse();
        }));
    }

    private static String abbreviated(String s) {
        return s.length() > 3000 ? s.substring(0, 3000) + "…" : s;
    }
}
