package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizcard.QuizcardException;

class SealingTest {
    private static final Pattern SEALED_VALUE = Pattern.compile("sealed: \"([A-Za-z0-9+/=]+)\"");

    /** A fixed generator, so a failing run can be repeated; real sealing uses a fresh SecureRandom. */
    private static SecureRandom random() {
        try {
            SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
            r.setSeed(42);
            return r;
        } catch (java.security.NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    private static final SealKey KEY = SealKey.generate(random());

    @TempDir
    Path tmp;

    static Stream<Arguments> banks() {
        return Stream.of(
                Arguments.of("demo", BankFile.inDirectory(Fixtures.demoDir())),
                Arguments.of("shipped", BankFile.shipped()));
    }

    /** Seals the files into a directory of the temporary folder and returns it. */
    private Path sealInto(String name, List<BankFile> files) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve(name));
        for (Map.Entry<String, String> e : Sealing.seal(files, KEY, random()).entrySet()) {
            Files.writeString(dir.resolve(e.getKey()), e.getValue());
        }
        return dir;
    }

    private static BankLoader.Loaded load(Path dir) {
        return BankLoader.load(BankFile.inDirectory(dir));
    }

    /** Each question as text without its positions, in bank order: what must survive sealing. */
    private static List<String> positionFree(Bank bank) {
        return bank.questions().map(SealingTest::positionFree).toList();
    }

    private static String positionFree(Object record) {
        return record.toString().replaceAll("where=[^,\\]]*", "where=@");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("banks")
    void aSealedBankLoadsAndUnsealsToTheOriginal(String name, List<BankFile> files) throws IOException {
        Bank original = BankLoader.load(files).orThrow();
        BankLoader.Loaded loaded = load(sealInto(name, files));

        assertThat(loaded.errors()).isEmpty();
        Bank sealed = loaded.bank();
        assertThat(sealed.isSealed()).isTrue();
        assertThat(sealed.questions().map(Question::ref)).containsExactlyElementsOf(
                original.questions().map(Question::ref).toList());
        assertThat(sealed.questions()).allSatisfy(q -> assertThat(sealed.sealedPayload(q.ref())).isPresent());
        // sealed, a misconception shows its id, claim and concepts; the rest opens with the key
        assertThat(sealed.misconceptions().values()).extracting(m -> m.id() + " " + m.claim() + " " + m.concepts())
                .containsExactlyElementsOf(original.misconceptions().values().stream()
                        .map(m -> m.id() + " " + m.claim() + " " + m.concepts()).toList());
        assertThat(sealed.misconceptions().values()).allSatisfy(m -> assertThat(m.correction()).isEmpty());

        Bank opened = Sealing.unseal(sealed, KEY);
        assertThat(opened.misconceptions().values()).extracting(SealingTest::positionFree)
                .containsExactlyElementsOf(original.misconceptions().values().stream().map(SealingTest::positionFree).toList());
        assertThat(opened.isSealed()).isFalse();
        assertThat(positionFree(opened)).containsExactlyElementsOf(positionFree(original));
        assertThat(opened.questions().map(ContentHash::of))
                .containsExactlyElementsOf(original.questions().map(ContentHash::of).toList());
        assertThat(opened.questions()).allSatisfy(q -> assertThat(q.common().where())
                .isEqualTo(sealed.question(q.ref()).orElseThrow().common().where()));
        assertThat(Lint.check(opened, true)).filteredOn(Problem::isError).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("banks")
    void sealedFilesGiveNoAnswerAway(String name, List<BankFile> files) throws IOException {
        Bank original = BankLoader.load(files).orThrow();
        Path dir = sealInto(name, files);
        for (Concept c : original.concepts()) {
            String text = Files.readString(dir.resolve(c.id() + ".yaml"));
            Map<String, List<String>> readable = readableScalars(text);
            String all = readable.values().stream().flatMap(List::stream).collect(Collectors.joining("\n"));
            assertThat(text).startsWith(Sealing.HEADER + "\n").doesNotContain("correct:", "explanation:",
                    "answers:", "answer:", "misconception:", "back:", "regex:", "wrong:", "tolerance:");
            original.misconceptions().keySet().forEach(id -> assertThat(text).as(c.id()).doesNotContain(id));
            for (Question q : c.questions()) {
                for (String secret : fileSecrets(q)) {
                    assertThat(text).as(q.ref()).doesNotContain(secret);
                    assertThat(all).as(q.ref()).doesNotContain(secret);
                }
                // A sealed question shows exactly the parts its author made public, nothing more.
                List<String> shown = readable.get(q.id()).stream().sorted().toList();
                List<String> parts = publicParts(q);
                assertThat(shown).as(q.ref()).containsExactlyElementsOf(parts.stream().sorted().toList());
                // Accepted answers may be words other questions use (or the prompt itself); else they stay hidden.
                String authored = String.join("\n", parts).toLowerCase(java.util.Locale.ROOT);
                acceptedAnswers(q).stream().filter(a -> !authored.contains(a.toLowerCase(java.util.Locale.ROOT)))
                        .forEach(a -> assertThat(String.join("\n", shown)).as(q.ref()).doesNotContainIgnoringCase(a));
            }
        }
        String catalogue = Files.readString(dir.resolve(BankFile.MISCONCEPTIONS));
        for (Misconception m : original.misconceptions().values()) {
            assertThat(catalogue).contains(m.id()).doesNotContain(m.correction(), m.seemsRight());
        }
    }

    /** What no part of a sealed file may show: explanations, regexes, flashcard backs. */
    private static List<String> fileSecrets(Question q) {
        List<String> secrets = new ArrayList<>();
        secrets.add(q.common().explanation());
        if (q instanceof Question.Text t && t.regex() != null) secrets.add(t.regex());
        if (q instanceof Question.Flashcard f) secrets.add(f.back());
        return secrets.stream().filter(s -> s.length() >= 4).toList();
    }

    /** What a question shows before it is answered: everything a sealed file may hold of it. */
    private static List<String> publicParts(Question q) {
        Question.Common c = q.common();
        List<String> parts = new ArrayList<>(List.of(c.id(), q.type().yamlName(), c.prompt()));
        if (c.hint() != null) parts.add(c.hint());
        parts.addAll(c.tags());
        parts.addAll(c.sources());
        if (q instanceof Question.Single s) s.options().forEach(o -> parts.add(o.text()));
        if (q instanceof Question.Multiple m) m.options().forEach(o -> parts.add(o.text()));
        if (q instanceof Question.Numeric n && n.unit() != null) parts.add(n.unit());
        if (q instanceof Question.Order o) parts.addAll(o.items());
        if (q instanceof Question.Match m) m.pairs().forEach(p -> parts.addAll(List.of(p.left(), p.right())));
        if (q instanceof Question.Cloze z) parts.add(z.text());
        return parts;
    }

    /** The answers a typed or cloze question accepts, of four characters or more. */
    private static List<String> acceptedAnswers(Question q) {
        List<String> answers = new ArrayList<>();
        if (q instanceof Question.Text t) answers.addAll(t.answers());
        if (q instanceof Question.Cloze z) z.blanks().forEach(b -> answers.addAll(b.answers()));
        return answers.stream().filter(s -> s.length() >= 4).toList();
    }

    /**
     * What a reader of a sealed file sees of each question, by question id (the concept's own
     * fields under ""): every scalar but the sealed payloads.
     */
    private static Map<String, List<String>> readableScalars(String text) {
        YamlReader.Result read = YamlReader.read("sealed.yaml", text);
        assertThat(read.problems()).isEmpty();
        Map<String, List<String>> byQuestion = new LinkedHashMap<>();
        List<String> head = new ArrayList<>();
        YamlNode.YamlMap root = (YamlNode.YamlMap) read.root();
        root.entries().values().stream().filter(e -> !e.key().equals("questions"))
                .forEach(e -> scalars(e.value(), e.key(), head));
        byQuestion.put("", head);
        for (YamlNode item : ((YamlNode.YamlList) root.entries().get("questions").value()).items()) {
            List<String> scalars = new ArrayList<>();
            scalars(item, null, scalars);
            String id = ((YamlNode.YamlScalar) ((YamlNode.YamlMap) item).entries().get("id").value()).text();
            byQuestion.put(id, scalars);
        }
        return byQuestion;
    }

    private static void scalars(YamlNode node, String key, List<String> out) {
        if (node instanceof YamlNode.YamlMap m) {
            m.entries().values().forEach(e -> scalars(e.value(), e.key(), out));
        } else if (node instanceof YamlNode.YamlList l) {
            l.items().forEach(i -> scalars(i, key, out));
        } else if (node instanceof YamlNode.YamlScalar s && !"sealed".equals(key)) {
            out.add(s.text());
        }
    }

    @Test
    void sealedQuestionsHideTheOrderAndThePairs() throws IOException {
        Bank sealed = load(sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()))).orThrow();
        Question.Order order = (Question.Order) sealed.question("containers/start-steps").orElseThrow();
        assertThat(order.items()).isSorted().containsExactlyInAnyOrder(
                "Unpack the image", "Create namespaces", "Apply cgroup limits", "Exec the first process");
        Question.Match match = (Question.Match) sealed.question("containers/feature-roles").orElseThrow();
        assertThat(match.pairs()).extracting(Question.Pair::left).containsExactly("namespaces", "cgroups", "image");
        assertThat(match.pairs()).extracting(Question.Pair::right).isSorted();
        Question.Single single = (Question.Single) sealed.question("containers/shared-kernel").orElseThrow();
        assertThat(single.options()).extracting(Question.Option::text).startsWith("The host's kernel, shared with the other containers");
        assertThat(single.options()).noneMatch(Question.Option::correct);
        Question.Cloze cloze = (Question.Cloze) sealed.question("containers/see-and-use").orElseThrow();
        assertThat(cloze.blanks()).hasSize(2).allSatisfy(b -> assertThat(b.answers()).isEmpty());
        assertThat(((Question.Numeric) sealed.question("containers/kernels-count").orElseThrow()).unit())
                .isEqualTo("kernels");
        assertThat(sealed.question("containers/shared-kernel").orElseThrow().common().hint()).isNotNull();
    }

    @Test
    void aWrongKeyFailsNamingTheFileAndQuestionButNotTheKey() throws IOException {
        Bank sealed = load(sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()))).orThrow();
        SealKey other = SealKey.generate();
        assertThatThrownBy(() -> Sealing.unseal(sealed, other))
                .isInstanceOf(QuizcardException.class)
                .hasMessageMatching(".*containers\\.yaml:\\d+:\\d+: cannot unseal question containers/shared-kernel: "
                        + "wrong key or tampered data")
                .satisfies(e -> assertThat(((QuizcardException) e).exitCode()).isEqualTo(QuizcardException.BAD_INPUT))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(other.encode().substring(16), KEY.encode().substring(16)));
    }

    @Test
    void aTamperedPayloadFailsCleanly() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        Path file = dir.resolve("containers.yaml");
        String text = Files.readString(file);
        Matcher m = SEALED_VALUE.matcher(text);
        m.find();
        m.find();
        byte[] blob = Base64.getDecoder().decode(m.group(1));
        blob[blob.length / 2] ^= 0x01;
        Files.writeString(file, text.substring(0, m.start(1)) + Base64.getEncoder().encodeToString(blob)
                + text.substring(m.end(1)));

        Bank sealed = load(dir).orThrow();
        assertThatThrownBy(() -> Sealing.unseal(sealed, KEY))
                .isInstanceOf(QuizcardException.class)
                .hasMessageMatching(".*containers\\.yaml:\\d+:\\d+: cannot unseal question containers/building-blocks: "
                        + "wrong key or tampered data");
    }

    @Test
    void aPayloadMovedToAnotherQuestionFails() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        Path file = dir.resolve("containers.yaml");
        String text = Files.readString(file);
        List<String> values = new ArrayList<>();
        Matcher m = SEALED_VALUE.matcher(text);
        while (m.find()) values.add(m.group(1));
        // Swap the payloads of the first two questions (both choice questions, so the shapes still fit).
        String swapped = text.replace(values.get(0), "#0#").replace(values.get(1), values.get(0)).replace("#0#", values.get(1));
        Files.writeString(file, swapped);

        Bank sealed = load(dir).orThrow();
        assertThatThrownBy(() -> Sealing.unseal(sealed, KEY))
                .hasMessageEndingWith("cannot unseal question containers/shared-kernel: wrong key or tampered data");
    }

    @Test
    void anEditedPromptOrOptionInASealedFileFails() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        Path file = dir.resolve("containers.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("A container is a lightweight virtual machine.");
        Files.writeString(file, text.replace("A container is a lightweight virtual machine.",
                "A container is NOT a lightweight virtual machine."));
        Bank sealed = load(dir).orThrow();
        assertThatThrownBy(() -> Sealing.unseal(sealed, KEY))
                .hasMessageEndingWith("cannot unseal question containers/vm-statement: wrong key or tampered data");
    }

    @Test
    void payloadsThatAreNotBase64AreStructuralErrors() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        Path file = dir.resolve("containers.yaml");
        Files.writeString(file, Files.readString(file).replaceFirst("sealed: \"[^\"]+\"", "sealed: \"not base64!\""));
        assertThat(load(dir).errors()).extracting(Problem::format).singleElement().asString()
                .contains("containers.yaml:").contains("question 'shared-kernel': 'sealed' is not sealed data");
    }

    @Test
    void lintChecksTheStructureOfSealedQuestionsOnly() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        Path file = dir.resolve("containers.yaml");
        assertThat(load(dir).problems()).isEmpty();

        String text = Files.readString(file);
        Files.writeString(file, text.replaceFirst("      - \\{}\n", "").replaceFirst(
                "      - text: \"The host's kernel, shared with the other containers\"\n",
                "$0        correct: true\n"));
        assertThat(load(dir).errors()).extracting(Problem::message).containsExactlyInAnyOrder(
                "unknown field 'correct' in an option of a sealed question",
                "question 'see-and-use': the text has 2 blanks but 1 are described");
    }

    @Test
    void aSealedBankIsNotSealedAgain() throws IOException {
        Path dir = sealInto("demo", BankFile.inDirectory(Fixtures.demoDir()));
        assertThatThrownBy(() -> Sealing.seal(BankFile.inDirectory(dir), KEY, random()))
                .isInstanceOf(QuizcardException.class).hasMessageEndingWith("containers.yaml: is sealed already");
    }

    @Test
    void aBrokenBankIsNotSealed() {
        byte[] bytes = ("id: c\ntitle: C\nsummary: s\nsources: [x]\nquestions:\n"
                + "  - {id: q, type: single, prompt: p, explanation: e, options: [{text: a}, {text: b}]}\n")
                .getBytes(StandardCharsets.UTF_8);
        List<BankFile> files = List.of(new BankFile("c.yaml", () -> new java.io.ByteArrayInputStream(bytes)));
        assertThatThrownBy(() -> Sealing.seal(files, KEY, random())).hasMessageContaining("has no right option");
    }

    @Test
    void awkwardStringsSurviveSealing() {
        String concept = "id: c\ntitle: 'C: \"quoted\" # not a comment'\nsummary: |\n  two\n  lines\nsources: ['yes', '1.5']\n"
                + "questions:\n"
                + "  - id: q\n    type: text\n    prompt: \"tab\\there, caf\u00e9 \u2028 \\U0001F600 \\\\ end\"\n"
                + "    answers: [4096, 'true', 'no', '- dash', \"it's\"]\n    regex: '^\\d+$'\n"
                + "    explanation: e\n    tags: [null-ish, 'null']\n"
                + "  - id: n\n    type: numeric\n    prompt: p\n    answer: -1.5e3\n    tolerance: 0.25\n"
                + "    explanation: e\n";
        byte[] bytes = concept.getBytes(StandardCharsets.UTF_8);
        List<BankFile> files = List.of(new BankFile("c.yaml", () -> new java.io.ByteArrayInputStream(bytes)));
        Bank original = BankLoader.load(files).orThrow();
        String sealedText = Sealing.sealFile(files.get(0), KEY, random());
        BankLoader.Loaded loaded = Fixtures.load("c.yaml", sealedText);
        assertThat(loaded.errors()).isEmpty();
        assertThat(loaded.bank().concepts().get(0)).usingRecursiveComparison().ignoringFieldsOfTypes(Position.class)
                .ignoringFields("questions").isEqualTo(original.concepts().get(0));
        assertThat(positionFree(Sealing.unseal(loaded.bank(), KEY))).isEqualTo(positionFree(original));
    }

    @Test
    void keysRoundTripAndBadKeysAreNeverEchoed() {
        SealKey key = SealKey.generate();
        assertThat(key.encode()).startsWith("quizcard-key-v1:").hasSize(16 + 44);
        assertThat(SealKey.parse("  " + key.encode() + "\r\n").encode()).isEqualTo(key.encode());
        assertThat(key.toString()).doesNotContain(key.encode().substring(16));

        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("", "the key is empty");
        bad.put("c2VjcmV0LXNlY3JldC1zZWNyZXQ=", "not a quizcard key");
        bad.put("quizcard-key-v1:s3cr3t*s3cr3t", "not valid base64");
        bad.put("quizcard-key-v1:c2VjcmV0LXNlY3JldA==", "has 13 bytes; a quizcard key has 32");
        bad.put(key.encode() + "\n" + key.encode(), "must be one line");
        bad.forEach((text, message) -> assertThatThrownBy(() -> SealKey.parse(text))
                .isInstanceOf(QuizcardException.class).hasMessageContaining(message)
                .satisfies(e -> {
                    if (!text.isEmpty()) {
                        assertThat(e.getMessage()).doesNotContain("c2VjcmV0", "s3cr3t", key.encode().substring(16));
                    }
                }));
    }

    @Test
    void anUnsealedBankIsReturnedAsItIs() {
        Bank demo = Fixtures.demo();
        assertThat(demo.isSealed()).isFalse();
        assertThat(Sealing.unseal(demo, KEY)).isSameAs(demo);
        assertThat(new Bank(demo.concepts(), demo.misconceptions())).isEqualTo(demo);
    }

    @Test
    void sealingTwiceGivesDifferentCiphertexts() {
        BankFile file = BankFile.inDirectory(Fixtures.demoDir()).get(0);
        assertThat(Sealing.sealFile(file, KEY, new SecureRandom())).isNotEqualTo(Sealing.sealFile(file, KEY, new SecureRandom()));
    }
}
