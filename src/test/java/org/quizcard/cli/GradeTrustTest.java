package org.quizcard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a student can no longer do to pass without knowing the material. */
class GradeTrustTest {
    private static final Path COURSE = Path.of("examples/course").toAbsolutePath();
    private static final String ASSIGNMENT = COURSE.resolve("assignment.yaml").toString();
    private static final String PARTIAL = COURSE.resolve("answers/partial.yaml").toString();
    private static final String DEMO = Path.of("src/test/resources/banks/demo").toAbsolutePath().toString();

    @TempDir
    Path dir;

    private Path key;
    private Path sealed;

    private String fingerprint;

    @BeforeEach
    void seal() {
        key = dir.resolve("course.key");
        sealed = dir.resolve("sealed");
        assertThat(new CliRunner().run("keygen", "--out", key.toString()).exit()).isZero();
        CliRunner.Run seal = new CliRunner().run("seal", "--key-file", key.toString(),
                Path.of("questions").toAbsolutePath().toString(), "--out", sealed.toString());
        assertThat(seal.exit()).as(seal.err()).isZero();
        fingerprint = seal.out().lines().filter(l -> l.startsWith("sealed-bank: ")).findFirst().orElseThrow()
                .split("\\s+")[1];
    }

    @Test
    void anAssignmentNamingItsSealedBankRefusesAnyOther() throws Exception {
        Path assignment = Files.writeString(dir.resolve("assignment.yaml"),
                Files.readString(Path.of(ASSIGNMENT)) + "sealed-bank: " + fingerprint + "\n");
        String keyText = Files.readString(key).strip();
        CliRunner.Run right = new CliRunner().env("QUIZCARD_KEY", keyText)
                .run("grade", assignment.toString(), PARTIAL, "--bank", sealed.toString());
        assertThat(right.exit()).as(right.err()).isEqualTo(1);
        // sealed again (a new nonce for every question): another bank, though it holds the same questions
        Path other = dir.resolve("other");
        new CliRunner().run("seal", "--key-file", key.toString(), Path.of("questions").toAbsolutePath().toString(),
                "--out", other.toString());
        CliRunner.Run wrong = new CliRunner().env("QUIZCARD_KEY", keyText)
                .run("grade", assignment.toString(), PARTIAL, "--bank", other.toString());
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.err()).contains("the assignment was sealed with bank " + fingerprint);
    }

    @Test
    void aPlainBankInPlaceOfTheSealedOneIsRefusedWhenAKeyIsGiven() throws Exception {
        Path plain = Files.createDirectories(dir.resolve("mine"));
        try (var files = Files.list(Path.of("questions"))) {
            for (Path f : files.toList()) Files.copy(f, plain.resolve(f.getFileName()));
        }
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--bank", plain.toString(),
                "--key-file", key.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the bank is not sealed").hasLineCount(1);
    }

    @Test
    void aPlainQuestionSlippedIntoTheSealedBankIsRefused() throws Exception {
        String concept = Files.readString(sealed.resolve("containers.yaml"));
        String plainQuestion = "  - id: free-points\n    type: truefalse\n    prompt: Say true.\n    answer: true\n"
                + "    misconception: container-is-lightweight-vm\n    explanation: e\n";
        Files.writeString(sealed.resolve("containers.yaml"), concept.replace("questions:\n", "questions:\n" + plainQuestion));
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--bank", sealed.toString(),
                "--key-file", key.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("containers/free-points is not sealed, but its bank is").hasLineCount(1);
    }

    @Test
    void sealedBanksAreRefusedWithoutTheirKeyWhereAnswersAreChecked() {
        for (String[] args : new String[][] {{"show", "containers/what-is-a-container"}, {"quiz", "--plain"}, {"study", "--plain"}}) {
            String[] withBank = java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                    java.util.stream.Stream.of("--bank", sealed.toString())).toArray(String[]::new);
            CliRunner.Run r = new CliRunner().stdin("1\n").run(withBank);
            assertThat(r.exit()).as(String.join(" ", args)).isEqualTo(2);
            assertThat(r.err()).contains("no key: the bank is sealed").hasLineCount(1);
        }
        CliRunner.Run shown = new CliRunner().run("show", "containers/what-is-a-container", "--bank", sealed.toString(),
                "--key-file", key.toString());
        assertThat(shown.exit()).as(shown.err()).isZero();
        assertThat(shown.out()).contains("Answer:");
    }

    @Test
    void theSealedCatalogueShowsClaimsButNotCorrections() throws Exception {
        String catalogue = Files.readString(sealed.resolve("misconceptions.yaml"));
        String plain = Files.readString(Path.of("questions/misconceptions.yaml"));
        assertThat(catalogue).contains("claim: ", "sealed: ").doesNotContain("correction:", "seems_right:");
        // a correction's wording appears nowhere in the sealed file
        String correction = plain.substring(plain.indexOf("correction:")).lines().skip(1).findFirst().orElseThrow().strip();
        assertThat(catalogue).doesNotContain(correction);
        CliRunner.Run graded = new CliRunner().env("QUIZCARD_KEY", Files.readString(key).strip())
                .run("grade", ASSIGNMENT, PARTIAL, "--bank", sealed.toString());
        CliRunner.Run plainGrade = new CliRunner().run("grade", ASSIGNMENT, PARTIAL);
        assertThat(graded.out()).as("unsealed corrections read as the plain ones").isEqualTo(plainGrade.out());
        Files.writeString(sealed.resolve("misconceptions.yaml"), catalogue.replaceFirst("claim: .*", "claim: \"edited\""));
        CliRunner.Run tampered = new CliRunner().env("QUIZCARD_KEY", Files.readString(key).strip())
                .run("grade", ASSIGNMENT, PARTIAL, "--bank", sealed.toString());
        assertThat(tampered.exit()).isEqualTo(2);
        assertThat(tampered.err()).contains("cannot unseal misconception", "wrong key or tampered data");
    }

    @Test
    void answersForAnotherStudentThanTheRepositorysAreRefused() {
        CliRunner.Run r = new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--student", "hubot");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("the answers are for student 'octocat', but this is hubot's repository");
        assertThat(new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--student", "octocat").exit()).isEqualTo(1);
    }

    @Test
    void theExampleWorkflowPinsTheExampleAssignment() throws Exception {
        String pin = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(ASSIGNMENT))));
        assertThat(Files.readString(COURSE.resolve(".github/workflows/grade.yml"))).contains("ASSIGNMENT_SHA256: " + pin);
    }

    @Test
    void anEditedAssignmentFailsItsPin() throws Exception {
        String pin = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(Path.of(ASSIGNMENT))));
        assertThat(new CliRunner().run("grade", ASSIGNMENT, PARTIAL, "--assignment-sha256", pin).exit()).isEqualTo(1);
        Path edited = Files.writeString(dir.resolve("assignment.yaml"),
                Files.readString(Path.of(ASSIGNMENT)).replace("overall: 0.6", "overall: 0.1"));
        CliRunner.Run r = new CliRunner().run("grade", edited.toString(), PARTIAL, "--assignment-sha256", pin);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("not the pinned", "not the teacher's assignment");
    }
}
