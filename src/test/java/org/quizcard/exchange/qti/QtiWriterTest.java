package org.quizcard.exchange.qti;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Fixtures;
import org.quizcard.exchange.Loss;

class QtiWriterTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/exchange/qti");
    private static final boolean UPDATE = Boolean.getBoolean("quizcard.golden.update");

    @TempDir
    Path dir;

    @Test
    void theDemoPackageIsHeldByItsGoldenFiles() throws Exception {
        Path zip = dir.resolve("demo.zip");
        List<Loss> losses = new QtiWriter().write(Fixtures.demo(), zip);
        Map<String, String> entries = QtiPackage.entries(zip);
        for (Map.Entry<String, String> e : entries.entrySet()) {
            Path file = GOLDEN.resolve(e.getKey());
            if (UPDATE) {
                Files.createDirectories(file.getParent());
                Files.writeString(file, e.getValue());
            }
            assertThat(file).as(e.getKey() + " (rerun with -Dquizcard.golden.update=true after an intended change)").exists();
            assertThat(e.getValue()).as(e.getKey()).isEqualTo(Files.readString(file));
        }
        List<String> golden = new ArrayList<>();
        try (var files = Files.walk(GOLDEN)) {
            files.filter(Files::isRegularFile).forEach(f -> golden.add(GOLDEN.relativize(f).toString().replace('\\', '/')));
        }
        assertThat(entries.keySet()).containsExactlyInAnyOrderElementsOf(golden);
        assertThat(losses).extracting(Loss::toString).containsExactly(
                "question containers/shared-kernel: hint: a QTI item has no hint shown on request",
                "question containers/start-steps: partial credit for items in the right order relative to each other: "
                        + "the item scores the whole order, right or wrong");
    }
}
