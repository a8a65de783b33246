package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A handful of the hostile corpus (src/test/resources/hostile/) through the real launcher, the
 * way a user meets them: one line naming the file, exit 1 or 2, no stack trace, in seconds.
 */
class HostileFilesReliabilityIT {
    private static final List<String> SAMPLE = List.of("empty", "alias-bomb-billion-laughs", "deep-nesting-flow",
            "invalid-utf8-overlong", "tag-java-processbuilder", "random-bytes-0", "yaml-escaped-escape-in-key",
            "utf16-with-bom", "duplicate-top-key");

    @TempDir
    Path work;

    private static Path corpus(String name) {
        return Launcher.root().resolve("src/test/resources/hostile/" + name + ".yaml");
    }

    private static void assertClean(Launcher.Run r) {
        String all = r.out() + r.err();
        assertThat(all).doesNotContain("\tat ", "Exception", "internal error");
        assertThat(all.codePoints().noneMatch(c -> c != '\n' && Character.getType(c) == Character.CONTROL)).as(all).isTrue();
    }

    @Test
    void lintAndSessionsOnHostileBanks() throws Exception {
        for (String name : SAMPLE) {
            Path bank = Files.createDirectories(work.resolve(name));
            Path file = Files.copy(corpus(name), bank.resolve(name + ".yaml"));
            long start = System.nanoTime();
            Launcher.Run lint = Launcher.run(work, Map.of(), "", "lint", file.toString());
            assertThat(lint.exit()).as(name + ": " + lint.out() + lint.err()).isEqualTo(1);
            assertThat(lint.out()).startsWith(file + ":");
            assertClean(lint);
            Launcher.Run quiz = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                    "quiz", "--plain", "--no-save", "--bank", bank.toString());
            assertThat(quiz.exit()).as(name).isEqualTo(2);
            assertThat(quiz.err()).startsWith("quizcard quiz: " + file + ":").hasLineCount(1);
            assertClean(quiz);
            assertThat(System.nanoTime() - start).as(name).isLessThan(30_000_000_000L);
        }
    }

    @Test
    void aSixtyMegabyteFileAndASymlinkLoop() throws Exception {
        Path bank = Files.createDirectories(work.resolve("huge"));
        Path huge = bank.resolve("huge.yaml");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write("id: huge\ntitle: \"".getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 60; i++) out.write(chunk);
            out.write("\"\n".getBytes(StandardCharsets.US_ASCII));
        }
        Launcher.Run lint = Launcher.run(work, Map.of(), "", "lint", huge.toString());
        assertThat(lint.exit()).isEqualTo(1);
        assertThat(lint.out()).startsWith(huge + ": the file is larger than 8 MB");
        assertClean(lint);
        Path loop = Files.createDirectories(work.resolve("loop"));
        Files.createSymbolicLink(loop.resolve("a.yaml"), loop.resolve("b.yaml"));
        Files.createSymbolicLink(loop.resolve("b.yaml"), loop.resolve("a.yaml"));
        Launcher.Run looped = Launcher.run(work, Map.of(), "", "lint", loop.resolve("a.yaml").toString());
        assertThat(looped.exit()).isEqualTo(2);
        assertThat(looped.err()).isEqualTo("quizcard lint: " + loop.resolve("a.yaml") + ": a symbolic link that leads nowhere or loops\n");
        Launcher.Run grade = Launcher.run(work, Map.of(), "", "grade", loop.resolve("a.yaml").toString(),
                loop.resolve("b.yaml").toString());
        assertThat(grade.exit()).isEqualTo(2);
        assertThat(grade.err()).startsWith("quizcard grade: " + loop.resolve("a.yaml")).hasLineCount(1);
        assertClean(grade);
    }
}
