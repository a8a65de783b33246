package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BankImageTest {
    @Test
    void theDemoBankComesBackEqualWithEveryQuestionType() throws IOException {
        Bank demo = Fixtures.demo();
        assertThat(demo.questions().map(Question::type).distinct()).hasSize(QuestionType.values().length);
        assertThat(roundTrip(demo)).isEqualTo(demo);
    }

    @Test
    void sealedPayloadsNullsAndNonAsciiTextSurvive() throws IOException {
        Question.Common common = new Question.Common("c", "q1", "Wie viele Seiten — 4 KiB?", "Erklärung ✓", null,
                List.of(), List.of("https://example.org/ü"), null);
        Concept concept = new Concept("c", "Çoncept", "", List.of(),
                List.of(new Question.Numeric(common, 4096, 0, null)), new Position("x.yaml", 1, 1));
        Bank bank = new Bank(List.of(concept), Map.of(), Map.of("c/q1", "sealed-payload"));
        assertThat(roundTrip(bank)).isEqualTo(bank);
    }

    @Test
    void theImageInTheBuildIsTheShippedBanksAsTheirYamlLoads() {
        Bank fromYaml = BankLoader.load(BankFile.shipped()).orThrow();
        assertThat(BankImage.shipped()).as("the build compiles questions/ into " + BankImage.SHIPPED).isPresent();
        assertThat(BankImage.shipped().get()).isEqualTo(fromYaml);
    }

    @Test
    void aTruncatedImageIsAnIOExceptionAtEveryLength() throws IOException {
        byte[] image = image(Fixtures.demo());
        for (int length = 0; length < image.length; length++) {
            byte[] cut = Arrays.copyOf(image, length);
            assertThatThrownBy(() -> BankImage.read(new ByteArrayInputStream(cut)))
                    .as("cut at %d", length).isInstanceOf(IOException.class);
        }
    }

    @Test
    void aDamagedImageIsAnIOExceptionOrStillABank() throws IOException {
        byte[] image = image(Fixtures.demo());
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 2000; i++) {
            byte[] damaged = image.clone();
            damaged[random.nextInt(damaged.length)] ^= (byte) (1 + random.nextInt(255));
            Bank read;
            try {
                read = BankImage.read(new ByteArrayInputStream(damaged));
            } catch (IOException expected) {
                continue; // the documented failure: callers fall back to the YAML
            }
            // otherwise a bank a run can use: every question whole, and lint finds what is wrong
            assertThat(read.questions()).allSatisfy(q -> assertThat(q.common().prompt()).isNotNull());
            Bank usable = read;
            assertThatCode(() -> Lint.check(usable, true)).doesNotThrowAnyException();
        }
    }

    @Test
    void theBuildStepRefusesABankWithErrors(@TempDir Path dir) throws IOException {
        Fixtures.copyDemo(dir);
        Files.writeString(dir.resolve("broken.yaml"), "concept: broken\nquestions: [\n");
        Path out = dir.resolve("out.bank");
        assertThatThrownBy(() -> BankImage.main(new String[] {dir.toString(), out.toString()}))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("questions/broken.yaml:");
        assertThat(out).doesNotExist();
    }

    @Test
    void theBuildStepWritesTheImageOfACleanBankWithShippedFileNames(@TempDir Path dir) throws IOException {
        Path banks = Files.createDirectory(dir.resolve("banks"));
        Fixtures.copyDemo(banks);
        Path out = dir.resolve("out.bank");
        BankImage.main(new String[] {banks.toString(), out.toString()});
        Bank written;
        try (var in = Files.newInputStream(out)) {
            written = BankImage.read(in);
        }
        Bank demo = Fixtures.demo();
        assertThat(written.questions().map(Question::ref).toList()).isEqualTo(demo.questions().map(Question::ref).toList());
        assertThat(written.misconceptions().keySet()).isEqualTo(demo.misconceptions().keySet());
        assertThat(written.questions().map(q -> q.common().where().file()))
                .allMatch(f -> f.startsWith("questions/") && f.endsWith(".yaml"));
    }

    private static Bank roundTrip(Bank bank) throws IOException {
        return BankImage.read(new ByteArrayInputStream(image(bank)));
    }

    private static byte[] image(Bank bank) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BankImage.write(bank, out);
        return out.toByteArray();
    }
}
