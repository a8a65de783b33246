package org.quizcard.bank;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import org.quizcard.QuizcardException;
import org.quizcard.bank.YamlNode.YamlList;
import org.quizcard.bank.YamlNode.YamlMap;

/**
 * Sealed answer keys: a sealed bank keeps what a student may see (prompts, options, items) and
 * encrypts each question's original, answers and explanation included, with AES-GCM under a
 * {@link SealKey}. The concept and question id are authenticated with it, so a sealed question
 * cannot be moved to another one. {@link #unseal} gives back the original questions.
 */
public final class Sealing {
    /** The first line of every sealed concept file. */
    public static final String HEADER = "# quizcard sealed bank: answers are encrypted; grade with the key";
    private static final String NOTE = "# Order items and the right sides of match pairs are sorted by text here: "
            + "they are not the right order or the right pairs.";
    private static final String AAD_PREFIX = "quizcard-seal-v1\n";
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private Sealing() {
    }

    /**
     * Seals a whole bank: checks it loads without errors, then gives the text of each output file by
     * name: {@code <concept>.yaml} sealed, and {@code misconceptions.yaml} with its claims readable
     * and the rest sealed (one catalogue, merged when several are given).
     */
    public static Map<String, String> seal(List<BankFile> files, SealKey key, SecureRandom random) {
        Bank bank = BankLoader.load(files).orThrow();
        Map<String, String> out = new LinkedHashMap<>();
        for (BankFile file : files) {
            if (!file.isMisconceptions()) out.put(BankFile.stem(file.path()) + ".yaml", sealFile(file, key, random));
        }
        if (files.stream().anyMatch(BankFile::isMisconceptions)) {
            out.put(BankFile.MISCONCEPTIONS, sealedCatalogue(bank.misconceptions().values(), key, random));
        }
        return out;
    }

    /**
     * The sealed text of one concept file. The file must bind without structural errors and must
     * not be sealed already; {@link #seal} also checks the answers of the whole bank first.
     */
    public static String sealFile(BankFile file, SealKey key, SecureRandom random) {
        List<Problem> problems = new ArrayList<>();
        YamlNode root = BankLoader.parse(file, problems);
        BankParser parser = new BankParser(problems);
        Concept concept = root == null ? null : parser.concept(root);
        problems.stream().filter(Problem::isError).findFirst().ifPresent(p -> {
            throw QuizcardException.badInput(p.format());
        });
        if (concept == null) throw QuizcardException.badInput(file.path() + ": cannot be read as a concept file");
        if (!parser.sealed().isEmpty()) throw QuizcardException.badInput(file.path() + ": is sealed already");
        List<YamlNode> items = ((YamlList) ((YamlMap) root).entries().get("questions").value()).items();
        if (items.size() != concept.questions().size()) {
            throw new IllegalStateException(file.path() + ": questions and their YAML differ in number");
        }
        StringBuilder b = new StringBuilder();
        b.append(HEADER).append('\n').append(NOTE).append('\n');
        b.append("id: ").append(YamlWriter.scalar(concept.id())).append('\n');
        b.append("title: ").append(YamlWriter.scalar(concept.title())).append('\n');
        b.append("summary: ").append(YamlWriter.scalar(concept.summary())).append('\n');
        b.append("sources:\n");
        concept.sources().forEach(s -> b.append("  - ").append(YamlWriter.scalar(s)).append('\n'));
        b.append(concept.questions().isEmpty() ? "questions: []\n" : "questions:\n");
        for (int i = 0; i < items.size(); i++) {
            Question q = concept.questions().get(i);
            byte[] plain = YamlWriter.flow(items.get(i)).getBytes(StandardCharsets.UTF_8);
            question(b, q, encrypt(key, aad(q), plain, random));
        }
        return b.toString();
    }

    /**
     * The bank with each sealed question replaced by its decrypted original, in the same place;
     * positions in the originals point at the sealed question. A bank without sealed questions is
     * returned as it is. Fails on the first question that is not sealed (a student's own plain
     * question beside sealed ones would be graded with the answers it claims) and on the first
     * that the key does not open.
     */
    public static Bank unseal(Bank sealed, SealKey key) {
        if (!sealed.isSealed()) return sealed;
        List<Concept> concepts = new ArrayList<>();
        for (Concept c : sealed.concepts()) {
            List<Question> questions = new ArrayList<>();
            for (Question q : c.questions()) {
                String payload = sealed.sealedPayload(q.ref()).orElseThrow(() -> QuizcardException.badInput(
                        q.common().where() + ": question " + q.ref() + " is not sealed, but its bank is: a sealed bank "
                                + "is sealed whole (a plain question there could carry any answers; seal the bank again)"));
                questions.add(open(q, payload, key));
            }
            concepts.add(new Concept(c.id(), c.title(), c.summary(), c.sources(), questions, c.where()));
        }
        Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        for (Misconception m : sealed.misconceptions().values()) {
            misconceptions.put(m.id(), sealed.sealedPayload(Bank.misconceptionKey(m.id())).map(p -> open(m, p, key)).orElse(m));
        }
        return new Bank(concepts, misconceptions);
    }

    /**
     * The fingerprint of a sealed bank, {@code sha256:<hex>}: SHA-256 over each file's name and
     * bytes, in name order. {@code quizcard seal} prints it for the assignment's {@code
     * sealed-bank}, so grading can refuse any other bank (an older seal, or another course's).
     */
    public static String fingerprint(List<BankFile> files) {
        try {
            MessageDigest sha = ContentHash.sha256();
            for (BankFile f : files.stream().sorted(Comparator.comparing(BankFile::name)).toList()) {
                sha.update(f.name().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(f.readAllBytes());
                sha.update((byte) 0);
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (IOException e) {
            throw QuizcardException.badInput("cannot read the sealed bank (" + e.getMessage() + ")");
        }
    }

    /** Whether a file's text is a sealed concept file (it starts with {@link #HEADER}). */
    public static boolean isSealedText(String text) {
        return text.startsWith(HEADER + "\n") || text.startsWith(HEADER + "\r\n");
    }

    private static void question(StringBuilder b, Question q, String payload) {
        Question.Common c = q.common();
        b.append("  - id: ").append(YamlWriter.scalar(c.id())).append('\n');
        String in = "    ";
        b.append(in).append("type: ").append(q.type().yamlName()).append('\n');
        b.append(in).append("prompt: ").append(YamlWriter.scalar(c.prompt())).append('\n');
        if (c.hint() != null) b.append(in).append("hint: ").append(YamlWriter.scalar(c.hint())).append('\n');
        if (!c.tags().isEmpty()) b.append(in).append("tags: ").append(YamlWriter.flowList(c.tags())).append('\n');
        if (!c.sources().isEmpty()) {
            b.append(in).append("sources: ").append(YamlWriter.flowList(c.sources())).append('\n');
        }
        switch (q.type()) {
            case SINGLE, MULTIPLE -> {
                b.append(in).append("options:\n");
                for (Question.Option o : ((Question.Choice) q).options()) {
                    b.append(in).append("  - text: ").append(YamlWriter.scalar(o.text())).append('\n');
                }
            }
            case NUMERIC -> {
                String unit = ((Question.Numeric) q).unit();
                if (unit != null) b.append(in).append("unit: ").append(YamlWriter.scalar(unit)).append('\n');
            }
            case ORDER -> {
                b.append(in).append("items:\n");
                ((Question.Order) q).items().stream().sorted()
                        .forEach(i -> b.append(in).append("  - ").append(YamlWriter.scalar(i)).append('\n'));
            }
            case MATCH -> {
                List<Question.Pair> pairs = ((Question.Match) q).pairs();
                List<String> rights = pairs.stream().map(Question.Pair::right).sorted().toList();
                b.append(in).append("pairs:\n");
                for (int i = 0; i < pairs.size(); i++) {
                    b.append(in).append("  - {left: ").append(YamlWriter.scalar(pairs.get(i).left()))
                            .append(", right: ").append(YamlWriter.scalar(rights.get(i))).append("}\n");
                }
            }
            case CLOZE -> {
                Question.Cloze z = (Question.Cloze) q;
                b.append(in).append("text: ").append(YamlWriter.scalar(z.text())).append('\n');
                b.append(in).append("blanks:\n");
                z.blanks().forEach(blank -> b.append(in).append("  - {}\n"));
            }
            case TRUEFALSE, TEXT, FLASHCARD -> { }
        }
        b.append(in).append("sealed: ").append(YamlWriter.quoted(payload)).append('\n');
    }

    /**
     * The catalogue of a sealed bank: each claim and its concepts stay readable (students see
     * which belief a question probes), while why it seems right, the correction and the sources
     * are sealed, since a correction states the right model and so often the right answer.
     */
    private static String sealedCatalogue(Collection<Misconception> misconceptions, SealKey key, SecureRandom random) {
        StringBuilder b = new StringBuilder(CATALOGUE_HEADER).append('\n');
        b.append(misconceptions.isEmpty() ? "misconceptions: []\n" : "misconceptions:\n");
        for (Misconception m : misconceptions) {
            byte[] plain = (m.seemsRight() + '\u0000' + m.correction() + '\u0000' + String.join("\u0001", m.sources()))
                    .getBytes(StandardCharsets.UTF_8);
            b.append("  - id: ").append(YamlWriter.scalar(m.id())).append('\n');
            b.append("    claim: ").append(YamlWriter.scalar(m.claim())).append('\n');
            b.append("    concepts: ").append(YamlWriter.flowList(m.concepts())).append('\n');
            b.append("    sealed: ").append(YamlWriter.scalar(encrypt(key, aad(m), plain, random))).append('\n');
        }
        return b.toString();
    }

    /** The first line of a sealed catalogue. */
    static final String CATALOGUE_HEADER = "# quizcard sealed bank: corrections are encrypted; grade with the key";

    /** What a sealed misconception is bound to: its id, claim and concepts, which the file shows. */
    private static byte[] aad(Misconception m) {
        return (AAD_PREFIX + "misconception/" + m.id() + '\u0000' + m.claim() + '\u0000' + m.concepts())
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The misconception whose sealed fields {@code payload} holds, or an error naming it. */
    private static Misconception open(Misconception sealed, String payload, SealKey key) {
        String cannot = sealed.where() + ": cannot unseal misconception " + sealed.id();
        String[] parts = decrypt(payload, aad(sealed), key, cannot).split("\u0000", -1);
        if (parts.length != 3) throw QuizcardException.badInput(cannot + ": the sealed data is not a misconception");
        List<String> sources = parts[2].isEmpty() ? List.of() : List.of(parts[2].split("\u0001", -1));
        return new Misconception(sealed.id(), sealed.claim(), parts[0], parts[1], sealed.concepts(), sources, sealed.where());
    }

    /** The text sealed in {@code payload} under {@code aad}, or an error starting with {@code cannot}. */
    private static String decrypt(String payload, byte[] aad, SealKey key, String cannot) {
        try {
            byte[] blob = Base64.getDecoder().decode(payload);
            if (blob.length < NONCE_BYTES) throw new IllegalArgumentException("too short");
            Cipher cipher = cipher();
            cipher.init(Cipher.DECRYPT_MODE, key.secretKey(),
                    new GCMParameterSpec(TAG_BITS, Arrays.copyOf(blob, NONCE_BYTES)));
            cipher.updateAAD(aad);
            byte[] plain = cipher.doFinal(blob, NONCE_BYTES, blob.length - NONCE_BYTES);
            // a new decoder reports bytes that are not UTF-8 rather than replacing them
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(plain)).toString();
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw QuizcardException.badInput(cannot + ": wrong key or tampered data");
        } catch (CharacterCodingException e) {
            throw QuizcardException.badInput(cannot + ": the sealed data is not text");
        }
    }

    /** The original of a sealed question, every position in it moved to the sealed one. */
    private static Question open(Question sealed, String payload, SealKey key) {
        Position where = sealed.common().where();
        String cannot = where + ": cannot unseal question " + sealed.ref();
        String text = decrypt(payload, aad(sealed), key, cannot);
        Question original = QuestionLine.read(YamlReader.readAt(where, text), sealed.concept()).question();
        if (original == null || !original.id().equals(sealed.id()) || original.type() != sealed.type()) {
            throw QuizcardException.badInput(cannot + ": the sealed data is not this question");
        }
        return original;
    }

    private static String encrypt(SealKey key, byte[] aad, byte[] plain, SecureRandom random) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher();
            cipher.init(Cipher.ENCRYPT_MODE, key.secretKey(), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad);
            byte[] blob = Arrays.copyOf(nonce, NONCE_BYTES + cipher.getOutputSize(plain.length));
            cipher.doFinal(plain, 0, plain.length, blob, NONCE_BYTES);
            return Base64.getEncoder().encodeToString(blob);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM failed to encrypt", e);
        }
    }

    private static Cipher cipher() {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(TRANSFORMATION + " is part of every Java platform", e);
        }
    }

    /**
     * What each sealed question is bound to: its concept and id, and everything a sealed file
     * shows of it (type, prompt, hint, tags, options, items, pairs, cloze text, unit). Editing
     * any of these in a sealed file makes unsealing fail, so a student cannot change the
     * question they are graded on.
     */
    private static byte[] aad(Question q) {
        StringBuilder b = new StringBuilder(AAD_PREFIX).append(q.concept()).append('/').append(q.id());
        Question.Common c = q.common();
        b.append('\u0000').append(q.type().yamlName()).append('\u0000').append(c.prompt())
                .append('\u0000').append(c.hint() == null ? "" : c.hint()).append('\u0000').append(c.tags());
        if (q instanceof Question.Choice choice) {
            choice.options().forEach(o -> b.append('\u0001').append(o.text()));
        } else if (q instanceof Question.Order o) {
            o.items().stream().sorted().forEach(i -> b.append('\u0001').append(i));
        } else if (q instanceof Question.Match m) {
            m.pairs().forEach(p -> b.append('\u0001').append(p.left()));
            m.pairs().stream().map(Question.Pair::right).sorted().forEach(r -> b.append('\u0002').append(r));
        } else if (q instanceof Question.Cloze z) {
            b.append('\u0001').append(z.text()).append('\u0001').append(z.blanks().size());
        } else if (q instanceof Question.Numeric n) {
            b.append('\u0001').append(n.unit() == null ? "" : n.unit());
        }
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }
}
