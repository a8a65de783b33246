package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's first build says what it is doing: a line a step on stderr (one line rewritten
 * on a terminal), and on failure Maven's errors and where the whole log is. A stand-in for Maven
 * on the PATH prints the lines Maven prints for quizcard's build and copies the real jar into
 * place, so the launcher's side is tested without a build's minutes.
 */
class LauncherBuildIT {
    /** Maven 3.8's lines for the plugin goals of quizcard's package, as it prints them (3.9 shortens the names). */
    private static final List<String> MAVEN = List.of(
            "[INFO] Scanning for projects...",
            "[INFO] --- maven-resources-plugin:3.3.1:resources (default-resources) @ quizcard ---",
            "[INFO] --- maven-compiler-plugin:3.16.0:compile (default-compile) @ quizcard ---",
            "[INFO] Compiling 120 source files with javac [debug release 17] to target/classes",
            "[INFO] --- exec-maven-plugin:3.6.2:java (compile-shipped-banks) @ quizcard ---",
            "[INFO] --- maven-compiler-plugin:3.16.0:testCompile (default-testCompile) @ quizcard ---",
            "[INFO] --- maven-surefire-plugin:3.6.1:test (default-test) @ quizcard ---",
            "[INFO] Tests are skipped.",
            "[INFO] --- maven-dependency-plugin:3.9.0:unpack (unpack-sqlite-native) @ quizcard ---",
            "[INFO] --- maven-jar-plugin:3.4.2:jar (default-jar) @ quizcard ---",
            "[INFO] --- maven-shade-plugin:3.6.2:shade (default) @ quizcard ---",
            "[WARNING] maven-shade-plugin has detected that some files are",
            "[INFO] BUILD SUCCESS");

    @TempDir
    Path work;

    private Path root;
    private Map<String, String> env;

    @BeforeEach
    void aCheckoutWithoutAJarAndAStandInForMaven() throws IOException {
        root = Files.createDirectories(work.resolve("quizcard"));
        Launcher.copyCheckout(root, false);
        Path bin = Files.createDirectories(work.resolve("bin"));
        StringBuilder mvn = new StringBuilder("#!/usr/bin/env bash\n");
        mvn.append("while [ $# -gt 0 ]; do case \"$1\" in -f) pom=\"$2\"; shift ;; esac; shift; done\n");
        mvn.append("if [ -n \"${FAIL:-}\" ]; then\n")
                // Maven 3.9's shorter goal lines, and a compiler error
                .append("  echo '[INFO] --- resources:3.3.1:resources (default-resources) @ quizcard ---'\n")
                .append("  echo '[INFO] --- compiler:3.16.0:compile (default-compile) @ quizcard ---'\n")
                .append("  echo '[ERROR] /src/Main.java:[3,8] cannot find symbol'\n")
                .append("  echo '[INFO] BUILD FAILURE'\n")
                .append("  exit 1\nfi\n");
        for (String line : MAVEN) mvn.append("echo '").append(line).append("'\n");
        mvn.append("mkdir -p \"${pom%/*}/target\" && cp '").append(Launcher.root().resolve("target/quizcard.jar"))
                .append("' \"${pom%/*}/target/quizcard.jar\"\n");
        Path fake = Files.writeString(bin.resolve("mvn"), mvn);
        Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "QUIZCARD_HOME", work.resolve("home").toString());
    }

    @Test
    void theFirstBuildNamesEachStepAndThenRuns() throws Exception {
        Launcher.Run run = Launcher.runScript(root.resolve("quizcard"), work, env, "", "--version");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).startsWith("quizcard ");
        List<String> lines = run.err().lines().toList();
        assertThat(lines.subList(0, lines.size() - 1)).containsExactly(
                "quizcard: building (first run or sources changed)...",
                "quizcard: building: 1/5 compiling...",
                "quizcard: building: 2/5 compiling the shipped banks...",
                "quizcard: building: 3/5 testing skipped...",
                "quizcard: building: 4/5 packaging...",
                "quizcard: building: 5/5 bundling the libraries...");
        assertThat(lines.get(lines.size() - 1)).matches("quizcard: built in \\d+ s");
        assertThat(root.resolve("target.build.log")).doesNotExist();

        Launcher.Run again = Launcher.runScript(root.resolve("quizcard"), work, env, "", "--version");
        assertThat(again.err()).as("no build when the jar is fresh").isEmpty();
    }

    @Test
    void aFailedBuildShowsMavensErrorsAndKeepsTheWholeLog() throws Exception {
        Map<String, String> failing = new java.util.HashMap<>(env);
        failing.put("FAIL", "1");
        Launcher.Run run = Launcher.runScript(root.resolve("quizcard"), work, failing, "", "--version");
        assertThat(run.exit()).isEqualTo(2);
        Path log = root.resolve("target.build.log");
        assertThat(run.err().lines()).containsExactly(
                "quizcard: building (first run or sources changed)...",
                "quizcard: building: 1/5 compiling...",
                "[ERROR] /src/Main.java:[3,8] cannot find symbol",
                "quizcard: the build failed (log above; the whole log is in " + log + ")");
        assertThat(Files.readString(log)).contains("[INFO] BUILD FAILURE", "cannot find symbol");
    }

    /** On a terminal the steps rewrite one line; {@code script} gives the launcher one. */
    @Test
    void onATerminalTheStepsRewriteOneLine() throws Exception {
        assumeTrue(new ProcessBuilder("script", "--version").start().waitFor() == 0, "no 'script' command");
        ProcessBuilder pb = new ProcessBuilder("script", "-qec", root.resolve("quizcard") + " --version", "/dev/null")
                .directory(work.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String screen = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(screen).isZero();
        // split at line feeds only: the carriage returns that rewrite the line stay in it
        List<String> lines = List.of(screen.replace("\r\n", "\n").split("\n"));
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("quizcard: building (first run or sources changed)...");
        assertThat(lines.get(1)).startsWith("\rquizcard: building: 1/5 compiling...")
                .contains("\rquizcard: building: 5/5 bundling the libraries...")
                .containsPattern("\rquizcard: built in \\d+ s *$");
        assertThat(lines.get(2)).startsWith("quizcard ");
    }
}
