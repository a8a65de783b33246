package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as a user meets it on machines unlike the developer's: the Java it picks (JAVA_HOME
 * first, then the PATH) and the one it refuses, a checkout without Maven, a rebuild while a session
 * runs, and flags that do not depend on where the command stands. Each test runs a copy of the
 * launcher and jar in a temporary checkout.
 */
class LauncherJavaIT {
    @TempDir
    Path work;

    private Path checkout;
    private Path launcher;
    private Path tools;
    private Map<String, String> env;

    @BeforeEach
    void aCheckoutWithItsBuild() throws IOException {
        checkout = Files.createDirectories(work.resolve("quizcard"));
        launcher = Launcher.copyCheckout(checkout, true);
        // a PATH with the shell's tools and java, but no mvn
        tools = Launcher.tools(work.resolve("tools"), "bash", "env", "find", "cp", "mv", "rm", "mkdir", "flock",
                "readlink", "nice", "head", "grep", "cat");
        Files.createSymbolicLink(tools.resolve("java"), Path.of(javaHome(), "bin", "java"));
        env = new HashMap<>(Map.of("PATH", tools.toString(), "QUIZCARD_HOME", work.resolve("home").toString(),
                "QUIZCARD_NO_ARCHIVE", "1"));
        env.put("JAVA_HOME", "");
    }

    @AfterEach
    void unlinkTools() throws IOException {
        Launcher.unlinkTools(tools);
    }

    @Test
    void aJavaOlderThan17IsRefusedInOneLine() throws Exception {
        for (String version : List.of("11.0.22", "1.8.0_392")) {
            Path old = fakeJdk("jdk-" + version, version, "echo 'this java must not run' >&2; exit 99");
            env.put("JAVA_HOME", old.toString());
            Launcher.Run run = Launcher.runScript(launcher, work, env, "", "list");
            assertThat(run.exit()).isEqualTo(2);
            assertThat(run.out()).isEmpty();
            assertThat(run.err().lines()).containsExactly("quizcard: Java 17 or newer is needed, and " + old
                    + "/bin/java is Java " + version + ": set JAVA_HOME to a newer JDK");
        }
    }

    @Test
    void javaHomeIsPreferredToThePathAndABadOneIsNamed() throws Exception {
        Path log = work.resolve("java.log");
        Path logging = fakeJdk("logging-jdk", System.getProperty("java.version"),
                "echo \"$@\" >> '" + log + "'\nexec '" + javaHome() + "/bin/java\' \"$@\"");
        env.put("JAVA_HOME", logging.toString());
        Launcher.Run run = Launcher.runScript(launcher, work, env, "", "--version");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("quizcard ");
        assertThat(Files.readString(log)).as("the JDK in JAVA_HOME ran, not the one on the PATH")
                .contains("-jar " + checkout.resolve("target/app/lib/quizcard.jar") + " --version");

        env.put("JAVA_HOME", work.resolve("no-such-jdk").toString());
        Launcher.Run bad = Launcher.runScript(launcher, work, env, "", "--version");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err().lines()).containsExactly("quizcard: JAVA_HOME is " + work.resolve("no-such-jdk")
                + ", which has no bin/java: point it at a JDK 17 or newer, or unset it");

        env.put("JAVA_HOME", "");
        Files.delete(tools.resolve("java"));
        Launcher.Run none = Launcher.runScript(launcher, work, env, "", "--version");
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err().lines())
                .containsExactly("quizcard: Java 17 or newer is needed: install a JDK, or set JAVA_HOME to one");
    }

    @Test
    void theJvmFlagsDoNotDependOnWhereTheCommandStands() throws Exception {
        Path log = work.resolve("java.log");
        env.put("JAVA_HOME", fakeJdk("logging-jdk", System.getProperty("java.version"),
                "echo \"$@\" >> '" + log + "'\nexec '" + javaHome() + "/bin/java\' \"$@\"").toString());
        List<List<String>> lines = List.of(
                List.of("list"), List.of("--verbose", "list"), List.of("--no-color", "--verbose", "list"),
                List.of("replay", "--help"), List.of("--verbose", "replay", "--help"));
        for (List<String> args : lines) {
            Launcher.Run run = Launcher.runScript(launcher, work, env, "", args.toArray(String[]::new));
            assertThat(run.exit()).as(run.err()).isZero();
        }
        List<String> flags = Files.readAllLines(log).stream().map(l -> l.substring(0, l.indexOf(" -jar "))).toList();
        assertThat(flags).hasSize(5);
        assertThat(flags.get(1)).isEqualTo(flags.get(0)).isEqualTo(flags.get(2));
        assertThat(flags.get(4)).isEqualTo(flags.get(3));
        // and they do depend on the command: replay keeps the JVM's full compiler
        assertThat(flags.get(0)).contains("-XX:TieredStopAtLevel=1");
        assertThat(flags.get(3)).doesNotContain("-XX:TieredStopAtLevel=1");
    }

    @Test
    void withoutMavenTheLastBuildRunsAndAFirstBuildIsExplained() throws Exception {
        env.put("JAVA_HOME", javaHome());
        assertThat(Launcher.runScript(launcher, work, env, "", "--version").exit()).isZero();
        // the sources change, and there is no Maven to build them
        Files.setLastModifiedTime(checkout.resolve("src/main"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Launcher.Run run = Launcher.runScript(launcher, work, env, "", "--version");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("quizcard ");
        assertThat(run.err().lines()).containsExactly(
                "quizcard: warning: the sources changed, but Maven (mvn) is not installed to build them: running the last build");

        // a checkout never built: there is nothing to run
        Path fresh = Files.createDirectories(work.resolve("fresh"));
        Launcher.Run first = Launcher.runScript(Launcher.copyCheckout(fresh, false), work, env, "", "--version");
        assertThat(first.exit()).isEqualTo(2);
        assertThat(first.err().lines()).containsExactly(
                "quizcard: Maven (mvn) is needed to build quizcard the first time; install Maven 3.8+ and JDK 17+");
    }

    /**
     * A build that lands while a session runs: the session goes on with the classes of the jar it
     * started with, to its summary, because the new jar is renamed over the old one and never
     * written into it.
     */
    @Test
    void aRebuildWhileASessionRunsNeverTakesItsClasses() throws Exception {
        env.put("JAVA_HOME", javaHome());
        Path mvn = tools.resolve("mvn");
        Path built = checkout.resolve("target/quizcard.jar");
        // a Maven that writes its jar in place, as Maven does, from the real one cut in half first
        Files.writeString(mvn, "#!/usr/bin/env bash\n"
                + "head -c 100000 '" + Launcher.root().resolve("target/quizcard.jar") + "' > '" + built + "'\n"
                + "cat '" + Launcher.root().resolve("target/quizcard.jar") + "' > '" + built + "'\n");
        Files.setPosixFilePermissions(mvn, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path jar = checkout.resolve("target/app/lib/quizcard.jar");

        List<String> command = List.of(launcher.toString(), "quiz", "--plain", "--count", "3", "--seed", "7");
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process session = pb.start();
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(session.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (IOException e) {
                lines.add("read failed: " + e);
            }
        });
        reader.start();
        List<String> seen = new ArrayList<>();
        awaitLine(lines, seen, "Question 1");
        Object before = Files.getAttribute(jar, "unix:ino");

        // the sources change and another launcher rebuilds while the session waits for an answer
        Files.setLastModifiedTime(checkout.resolve("src/main"), FileTime.fromMillis(System.currentTimeMillis() + 5000));
        Launcher.Run rebuild = Launcher.runScript(launcher, work, env, "", "--version");
        assertThat(rebuild.exit()).as(rebuild.err()).isZero();
        assertThat(rebuild.err()).contains("quizcard: built in");
        assertThat(Files.getAttribute(jar, "unix:ino")).as("a new file in the jar's place").isNotEqualTo(before);

        try (Writer answers = new java.io.OutputStreamWriter(session.getOutputStream(), StandardCharsets.UTF_8)) {
            for (int i = 0; i < 3; i++) {
                answers.write("1\n");
                answers.flush();
            }
        }
        assertThat(session.waitFor(60, TimeUnit.SECONDS)).isTrue();
        reader.join(5000);
        lines.drainTo(seen);
        String output = String.join("\n", seen);
        assertThat(session.exitValue()).as(output).isZero();
        assertThat(output).contains("Question 3").doesNotContain("internal error", "Exception", "NoClassDefFound");
    }

    private static void awaitLine(BlockingQueue<String> lines, List<String> seen, String text) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < end) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) continue;
            seen.add(line);
            if (line.contains(text)) return;
        }
        throw new AssertionError("no '" + text + "' in 60 s: " + seen);
    }

    /** A JDK folder whose release file names {@code version} and whose bin/java runs {@code body}. */
    private Path fakeJdk(String name, String version, String body) throws IOException {
        Path jdk = Files.createDirectories(work.resolve(name).resolve("bin"));
        Files.writeString(jdk.getParent().resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        Path java = Files.writeString(jdk.resolve("java"), "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        return jdk.getParent();
    }

    private static String javaHome() {
        return Path.of(System.getProperty("java.home")).toString();
    }
}
