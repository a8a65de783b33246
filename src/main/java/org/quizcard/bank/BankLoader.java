package org.quizcard.bank;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.quizcard.QuizcardException;

/**
 * Loads bank files into a {@link Bank}, strictly: every structural problem of every file is
 * collected with its position; {@link Lint} adds the semantic checks.
 */
public final class BankLoader {
    private BankLoader() {
    }

    /** A loaded bank with every problem found while loading and checking it. */
    public record Loaded(Bank bank, List<Problem> problems) {
        public Loaded {
            problems = problems.stream().sorted().toList();
        }

        public List<Problem> errors() {
            return problems.stream().filter(Problem::isError).toList();
        }

        public List<Problem> warnings() {
            return problems.stream().filter(p -> !p.isError()).toList();
        }

        /** The bank, or an exception naming the first error when there is any. */
        public Bank orThrow() {
            List<Problem> errors = errors();
            if (errors.isEmpty()) return bank;
            String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more; run 'quizcard lint')" : "";
            throw QuizcardException.badInput(errors.get(0).format() + more);
        }
    }

    /** Loads and lints the given files as one bank. */
    public static Loaded load(List<BankFile> files) {
        List<Problem> problems = new ArrayList<>();
        BankParser parser = new BankParser(problems);
        List<Concept> concepts = new ArrayList<>();
        Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        boolean sawCatalogue = false;
        for (BankFile file : files) {
            YamlNode root = parse(file, problems);
            if (root == null) continue;
            if (file.isMisconceptions()) {
                sawCatalogue = true;
                for (Misconception m : parser.misconceptions(root)) {
                    Misconception first = misconceptions.putIfAbsent(m.id(), m);
                    if (first != null) {
                        problems.add(Problem.error(m.where(), "duplicate misconception id '" + m.id()
                                + "' (first at " + first.where() + ")"));
                    }
                }
            } else {
                Concept c = parser.concept(root);
                if (c != null) concepts.add(c);
            }
        }
        Bank bank = new Bank(concepts, misconceptions, parser.sealed());
        problems.addAll(Lint.check(bank, sawCatalogue));
        return new Loaded(bank, problems);
    }

    /** Reads one file's YAML, adding its problems; null when it cannot be used at all. */
    static YamlNode parse(BankFile file, List<Problem> problems) {
        String text;
        try {
            text = decode(file, file.readAllBytes(), problems);
        } catch (IOException e) {
            problems.add(Problem.error(Position.ofFile(file.path()), "cannot read the file ("
                    + YamlReader.firstLine(e.getMessage()) + ")"));
            return null;
        }
        if (text == null) return null;
        YamlReader.Result result = YamlReader.read(file.path(), text);
        problems.addAll(result.problems());
        return result.root();
    }

    private static String decode(BankFile file, byte[] bytes, List<Problem> problems) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            int bad = firstInvalidUtf8(bytes);
            int line = 1;
            int lineStart = 0;
            for (int i = 0; i < bad; i++) {
                if (bytes[i] == '\n') {
                    line++;
                    lineStart = i + 1;
                }
            }
            problems.add(Problem.error(new Position(file.path(), line, bad - lineStart + 1),
                    "the file is not valid UTF-8 (byte 0x" + String.format("%02x", bytes[bad] & 0xff) + ")"));
            return null;
        }
    }

    private static int firstInvalidUtf8(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : 0;
    }

    /** Concept ids joined for messages. */
    public static String conceptIds(Bank bank) {
        return bank.concepts().stream().map(Concept::id).collect(Collectors.joining(", "));
    }
}
