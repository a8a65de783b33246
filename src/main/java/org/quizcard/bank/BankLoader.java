package org.quizcard.bank;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
        List<Concept> concepts = new ArrayList<>();
        Map<String, Misconception> misconceptions = new LinkedHashMap<>();
        Map<String, String> sealed = new LinkedHashMap<>();
        boolean sawCatalogue = false;
        boolean allRead = true;
        // Files are independent: read and bound side by side (the JDK's common pool), each file's
        // YAML tree gone once it is bound, then merged here in file order.
        List<BoundFile> boundFiles = files.size() > 1
                ? files.parallelStream().map(BoundFile::of).toList()
                : files.stream().map(BoundFile::of).toList();
        for (BoundFile bound : boundFiles) {
            problems.addAll(bound.problems());
            if (!bound.readable()) {
                allRead = false;
                continue;
            }
            bound.sealed().forEach(sealed::putIfAbsent);
            if (bound.misconceptions() != null) {
                sawCatalogue = true;
                for (Misconception m : bound.misconceptions()) {
                    Misconception first = misconceptions.putIfAbsent(m.id(), m);
                    if (first != null) {
                        problems.add(Problem.error(m.where(), "duplicate misconception id '" + m.id()
                                + "' (first at " + first.where() + ")"));
                    }
                }
            } else if (bound.concept() != null) {
                concepts.add(bound.concept());
            }
        }
        Bank bank = new Bank(concepts, misconceptions, sealed);
        // A file that could not be read may hold the questions probing a misconception: that it is
        // unprobed would then be a false error, reported before the real one.
        problems.addAll(Lint.check(bank, sawCatalogue && allRead));
        return new Loaded(bank, problems);
    }

    /**
     * One bank file read and bound on its own: its problems in the order they were found (reading,
     * then binding), whether its YAML could be read at all, and what it holds: a concept, or the
     * misconceptions of a catalogue (null for a concept file), with the payloads of its sealed
     * questions by ref.
     */
    record BoundFile(List<Problem> problems, boolean readable, Concept concept,
                     List<Misconception> misconceptions, Map<String, String> sealed) {
        /** Reads and binds {@code file}; nothing in it is shared with other files. */
        static BoundFile of(BankFile file) {
            List<Problem> problems = new ArrayList<>();
            YamlNode root = parse(file, problems);
            if (root == null) return new BoundFile(problems, false, null, null, Map.of());
            BankParser parser = new BankParser(problems);
            if (file.isMisconceptions()) {
                return new BoundFile(problems, true, null, parser.misconceptions(root), parser.sealed());
            }
            return new BoundFile(problems, true, parser.concept(root), null, parser.sealed());
        }
    }

    /** The largest YAML file quizcard reads; real banks are a few dozen kilobytes. */
    static final int MAX_FILE_BYTES = 8 << 20;

    /**
     * Reads one YAML file on disk (a bank, an assignment, an answers file) strictly, adding its
     * problems; null when it cannot be used at all.
     */
    public static YamlNode parse(java.nio.file.Path file, List<Problem> problems) {
        return parse(BankFile.of(file), problems);
    }

    /** Reads one file's YAML, adding its problems; null when it cannot be used at all. */
    static YamlNode parse(BankFile file, List<Problem> problems) {
        String text;
        try {
            byte[] bytes = file.readAtMost(MAX_FILE_BYTES);
            if (bytes.length > MAX_FILE_BYTES) {
                problems.add(Problem.error(Position.ofFile(file.path()), "the file is larger than "
                        + (MAX_FILE_BYTES >> 20) + " MB; a bank, assignment or answers file is far smaller"));
                return null;
            }
            text = decode(file, bytes, problems);
        } catch (IOException e) {
            problems.add(Problem.error(Position.ofFile(file.path()), "cannot read the file (" + reason(e) + ")"));
            return null;
        }
        if (text == null) return null;
        YamlReader.Result result = YamlReader.read(file.path(), text);
        problems.addAll(result.problems());
        return result.root();
    }

    /** Why a file could not be read, in words: the exception's message is often just the path. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.NoSuchFileException) return "no such file";
        if (e instanceof java.nio.file.AccessDeniedException) return "permission denied";
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) return f.getReason();
        return YamlReader.firstLine(e.getMessage());
    }

    private static String decode(BankFile file, byte[] bytes, List<Problem> problems) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        // Lenient decoding marks every malformed sequence with U+FFFD: without one, it read the
        // same text as the strict decoder, at a fraction of its cost (no intermediate char buffer).
        if (lenient.indexOf('\uFFFD') < 0) return lenient;
        // a new decoder reports malformed input, and stops there: a U+FFFD the file holds is text
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        if (!StandardCharsets.UTF_8.newDecoder().decode(in, out, true).isError()) return out.flip().toString();
        int bad = in.position();
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < bad; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        problems.add(Problem.error(new Position(file.path(), line, bad - lineStart + 1),
                "the file is not valid UTF-8 (byte 0x"
                        + String.format(Locale.ROOT, "%02x", bytes[bad] & 0xff) + ")"));
        return null;
    }

}
