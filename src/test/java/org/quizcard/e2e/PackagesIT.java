package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packages {@code mvn package} builds into target/dist, used as a user would: the tarball
 * unpacked and run with no JDK anywhere, the .deb taken apart and checked against Debian's layout,
 * then installed into and removed from a throwaway root with dpkg.
 */
class PackagesIT {
    private static final Path DIST = Launcher.root().resolve("target/dist");

    @TempDir
    Path work;

    private static String version;
    private static Path tarball;
    private static Path deb;

    @BeforeAll
    static void thePackagesOfThisBuild() throws IOException {
        assumeFalse(Boolean.getBoolean("dist.skip"), "packages skipped (-Ddist.skip=true)");
        Matcher m = Pattern.compile("<artifactId>quizcard</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Launcher.root().resolve("pom.xml")));
        assertThat(m.find()).isTrue();
        version = m.group(1);
        String arch = System.getProperty("os.arch").equals("aarch64") ? "aarch64" : "x64";
        tarball = DIST.resolve("quizcard-" + version + "-linux-" + arch + ".tar.gz");
        deb = DIST.resolve("quizcard_" + version + "_" + (arch.equals("x64") ? "amd64" : "arm64") + ".deb");
        assertThat(tarball).exists();
        assertThat(deb).exists();
    }

    @Test
    void theTarballRunsAQuizWithNoJdkOnThePathAndNoJavaHome() throws Exception {
        assertThat(Files.size(tarball)).as("compressed size").isLessThan(30_000_000L);
        run(work, "tar", "-xzf", tarball.toString());
        Path home = work.resolve("quizcard-" + version);
        // the runtime's own class-data archive, but from JDK 25, whose AOT cache holds the JDK's classes too
        assertThat(home.resolve("runtime/lib/server/classes.jsa").toFile().exists()).isEqualTo(Runtime.version().feature() < 25);
        for (String file : List.of("bin/quizcard", "lib/quizcard.jar", "lib/native/libsqlitejdbc.so", "runtime/bin/java",
                "share/man/man1/quizcard.1.gz", "share/man/man1/quizcard-study.1.gz",
                "share/man/man5/quizcard-bank.5.gz", "share/bash-completion/completions/quizcard",
                "share/zsh/site-functions/_quizcard", "share/fish/vendor_completions.d/quizcard.fish",
                "share/doc/quizcard/copyright")) {
            assertThat(home.resolve(file)).as(file).isRegularFile();
        }
        try (Stream<Path> natives = Files.list(home.resolve("lib/native"))) {
            assertThat(natives).as("sqlite's library for this platform alone").hasSize(1);
        }
        try (ZipFile jar = new ZipFile(home.resolve("lib/quizcard.jar").toFile())) {
            assertThat(jar.stream().filter(e -> e.getName().startsWith("org/sqlite/native/"))).isEmpty();
        }

        // a PATH with a shell and its tools, and no java; no JAVA_HOME
        Path tools = Launcher.tools(work.resolve("tools"), "bash", "mkdir", "rm", "mv", "flock", "readlink", "nice", "head");
        assertThat(tools.resolve("java")).doesNotExist();
        Map<String, String> env = Map.of("PATH", tools.toString(), "HOME", work.resolve("user").toString());
        Result quiz = clean(home.resolve("bin/quizcard"), env, "1\n1\n", "quiz", "--plain", "--count", "2", "--seed", "1");
        assertThat(quiz.exit()).as(quiz.err()).isZero();
        assertThat(quiz.out()).contains("Question 1 of 2", "Question 2 of 2", "Answered");
        assertThat(quiz.err()).isEmpty();
        // progress kept where a user's data goes, under HOME
        try (Stream<Path> files = Files.walk(work.resolve("user"))) {
            assertThat(files.map(Path::toString)).anyMatch(p -> p.endsWith(".db"));
        }
        Result v = clean(home.resolve("bin/quizcard"), env, "", "--version");
        assertThat(v.out().strip()).isEqualTo("quizcard " + version);
    }

    @Test
    void theDebPutsEachFileWhereDebianLooksForIt() throws Exception {
        assertThat(run(work, "dpkg-deb", "-f", deb.toString(), "Package", "Version").lines())
                .containsExactly("Package: quizcard", "Version: " + version);
        Path root = work.resolve("root");
        run(work, "dpkg-deb", "-x", deb.toString(), root.toString());
        assertThat(Files.readSymbolicLink(root.resolve("usr/bin/quizcard"))).isEqualTo(Path.of("../lib/quizcard/bin/quizcard"));
        for (String file : List.of("usr/lib/quizcard/runtime/bin/java", "usr/lib/quizcard/lib/quizcard.jar",
                "usr/share/man/man1/quizcard.1.gz", "usr/share/man/man1/quizcard-grade.1.gz",
                "usr/share/man/man5/quizcard-bank.5.gz", "usr/share/bash-completion/completions/quizcard",
                "usr/share/zsh/vendor-completions/_quizcard", "usr/share/fish/vendor_completions.d/quizcard.fish",
                "usr/share/doc/quizcard/copyright")) {
            assertThat(root.resolve(file)).as(file).isRegularFile();
        }
        assertThat(root.resolve("usr/lib/quizcard/share")).doesNotExist();
        Result v = clean(root.resolve("usr/bin/quizcard"), Map.of("PATH", "/usr/bin:/bin", "HOME", work.toString()), "",
                "--version");
        assertThat(v.out().strip()).as(v.err()).isEqualTo("quizcard " + version);

        // control files: no maintainer scripts (nothing runs at install), and checksums that hold
        Path control = work.resolve("control");
        run(work, "dpkg-deb", "-e", deb.toString(), control.toString());
        try (Stream<Path> files = Files.list(control)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("control", "md5sums");
        }
        List<String> sums = Files.readAllLines(control.resolve("md5sums"));
        assertThat(sums).hasSizeGreaterThan(10);
        for (String line : sums) {
            String file = line.substring(34);
            assertThat(md5(root.resolve(file))).as(file).isEqualTo(line.substring(0, 32));
        }
    }

    /** dpkg installs the package into a root made for the test, runs nothing else, and removes it all. */
    @Test
    void dpkgInstallsAndRemovesItInAThrowawayRoot() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/dpkg")), "no dpkg");
        assumeTrue("root".equals(System.getProperty("user.name")), "dpkg --root needs root");
        Path root = work.resolve("root");
        Files.createDirectories(root.resolve("var/lib/dpkg/info"));
        Files.createDirectories(root.resolve("var/lib/dpkg/updates"));
        Files.writeString(root.resolve("var/lib/dpkg/status"), "");
        Files.writeString(root.resolve("var/lib/dpkg/available"), "");
        // its dependencies (libc6, zlib1g) are the host's, which the throwaway root does not list
        run(work, "dpkg", "--root=" + root, "--force-depends", "--force-script-chrootless", "-i", deb.toString());
        assertThat(run(work, "dpkg", "--root=" + root, "-s", "quizcard")).contains("Status: install ok installed");
        Result v = clean(root.resolve("usr/bin/quizcard"), Map.of("PATH", "/usr/bin:/bin", "HOME", work.toString()), "",
                "--version");
        assertThat(v.out().strip()).as(v.err()).isEqualTo("quizcard " + version);

        run(work, "dpkg", "--root=" + root, "--force-script-chrootless", "-r", "quizcard");
        try (Stream<Path> left = Files.walk(root)) {
            assertThat(left.filter(Files::isRegularFile).map(root::relativize).map(Path::toString))
                    .as("files left after removal").allMatch(p -> p.startsWith("var/lib/dpkg/"));
        }
    }

    @AfterEach
    void unlinkTools() throws IOException {
        Launcher.unlinkTools(work.resolve("tools"));
    }

    private record Result(int exit, String out, String err) { }

    /** Runs a program with exactly {@code env} as its environment. */
    private Result clean(Path program, Map<String, String> env, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(program.toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile());
        pb.environment().clear();
        pb.environment().putAll(env);
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var in = p.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** Runs a tool that must succeed, and returns what it printed. */
    private static String run(Path dir, String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", command) + ": " + output).isZero();
        return output;
    }

    private static String md5(Path file) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(Files.readAllBytes(file)));
    }
}
