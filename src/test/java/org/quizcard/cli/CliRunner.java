package org.quizcard.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

/** Runs quizcard in-process with captured streams, the way a test wants to see a command's use. */
public final class CliRunner {
    /** What one run printed and returned. */
    public record Run(int exit, String out, String err) { }

    private final Map<String, String> env = new HashMap<>();

    /** Every runner starts with a fresh, private QUIZCARD_HOME, so no test touches a real one. */
    public CliRunner() {
        try {
            env.put("QUIZCARD_HOME", java.nio.file.Files.createTempDirectory(Homes.PARENT, "home").toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** One temporary directory per test JVM holds every runner's home, and goes when the JVM ends. */
    private static final class Homes {
        static final java.nio.file.Path PARENT = create();

        private static java.nio.file.Path create() {
            try {
                java.nio.file.Path parent = java.nio.file.Files.createTempDirectory("quizcard-test-homes");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(parent)));
                return parent;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        private static void delete(java.nio.file.Path parent) {
            try (var paths = java.nio.file.Files.walk(parent)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // a temporary directory left behind is the system's to clean
            }
        }
    }

    /** The QUIZCARD_HOME this runner uses. */
    public java.nio.file.Path home() {
        return java.nio.file.Path.of(env.get("QUIZCARD_HOME"));
    }
    private String stdin = "";
    private Clock clock = Clock.fixed(Instant.parse("2026-11-22T10:00:00Z"), ZoneOffset.UTC);
    private boolean interactive;
    private int width;

    public CliRunner env(String name, String value) {
        env.put(name, value);
        return this;
    }

    public CliRunner stdin(String text) {
        stdin = text;
        return this;
    }

    public CliRunner clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    /** Runs as if stdin and stdout were a terminal (help only: a session would open the real terminal). */
    public CliRunner interactive(boolean interactive) {
        this.interactive = interactive;
        return this;
    }

    /** Lays command output out to {@code columns}, as on a terminal that wide (0: as to a pipe). */
    public CliRunner width(int columns) {
        this.width = columns;
        return this;
    }

    public Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Context context = new Context(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), Map.copyOf(env), clock, interactive,
                () -> width);
        int exit = Main.run(context, args);
        return new Run(exit, out.toString(), err.toString());
    }
}
