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

    /**
     * Copies the launcher, with the run script it sources, into {@code dir}, a checkout of its own:
     * with the sources (none but their folders, dated long ago) and, when {@code withBuild},
     * Maven's jar and sqlite's unpacked native libraries, so that the copy runs without building.
     * Returns the copy's launcher.
     */
    public static Path copyCheckout(Path dir, boolean withBuild) throws IOException {
        Files.createDirectories(dir.resolve("src/dist/bin"));
        Files.copy(script(), dir.resolve("quizcard"));
        Files.copy(root().resolve("src/dist/bin/quizcard"), dir.resolve("src/dist/bin/quizcard"));
        Files.writeString(dir.resolve("pom.xml"), "<project/>\n");
        for (String folder : List.of("src/main", "questions")) Files.createDirectories(dir.resolve(folder));
        if (withBuild) {
            Files.createDirectories(dir.resolve("target"));
            Files.copy(root().resolve("target/quizcard.jar"), dir.resolve("target/quizcard.jar"));
            try (var files = Files.walk(root().resolve("target/native"))) {
                for (Path p : files.toList()) {
                    Path copy = dir.resolve("target/native").resolve(root().resolve("target/native").relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(copy);
                    else Files.copy(p, copy);
                }
            }
        }
        for (String old : List.of("pom.xml", "src/main", "questions")) {
            Files.setLastModifiedTime(dir.resolve(old), java.nio.file.attribute.FileTime.fromMillis(0));
        }
        return dir.resolve("quizcard");
    }

    /**
     * A folder for a PATH of its own, holding links to the named tools of this machine's PATH (those
     * it has). {@link #unlinkTools} removes the links again, before JUnit's clean-up would warn of them.
     */
    public static Path tools(Path dir, String... names) throws IOException {
        Files.createDirectories(dir);
        for (String name : names) {
            for (String folder : System.getenv("PATH").split(":")) {
                Path found = Path.of(folder, name);
                if (Files.isExecutable(found)) {
                    Files.createSymbolicLink(dir.resolve(name), found);
                    break;
                }
            }
        }
        return dir;
    }

    /** Removes the links {@link #tools} made, and any others in {@code dir}. */
    public static void unlinkTools(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) return;
        try (var links = Files.list(dir)) {
            for (Path link : links.filter(Files::isSymbolicLink).toList()) Files.delete(link);
        }
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
