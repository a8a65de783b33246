package org.quizcard.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the real {@code ./quizcard} launcher as a separate process, as a user does. */
public final class Launcher {
    /** What one run of the launcher printed and returned. */
    public record Run(int exit, String out, String err) { }

    private Launcher() {
    }

    /** The repository root, where the launcher lives. */
    public static Path root() {
        String root = System.getenv("QUIZCARD_ROOT");
        return Path.of(root == null ? "." : root).toAbsolutePath().normalize();
    }

    public static Path script() {
        return root().resolve("quizcard");
    }

    /** Runs the launcher in {@code workDir} with extra environment and the given standard input. */
    public static Run run(Path workDir, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        return runScript(script(), workDir, env, stdin, args);
    }

    /** Runs the launcher at {@code script} (a copy, say) in {@code workDir}. */
    public static Run runScript(Path script, Path workDir, Map<String, String> env, String stdin, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(script.toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        pb.environment().remove("QUIZCARD_BANKS");
        pb.environment().putAll(env);
        Path out = Files.createTempFile("quizcard-out", ".txt");
        Path err = Files.createTempFile("quizcard-err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("quizcard " + String.join(" ", args) + " did not finish in 120 s");
        }
        Run run = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return run;
    }
}
