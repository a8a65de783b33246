package org.quizcard.bank;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A loaded {@link Bank} in a compact binary form, so that a run can use a bank without parsing
 * and linting its YAML again. The build compiles the shipped banks into one image inside the jar
 * ({@link #main}), failing when they have an error; every command that uses the shipped banks
 * then reads that image, a few milliseconds instead of most of a cold start
 * (docs/performance.md). {@code quizcard lint} still reads the YAML.
 *
 * <p>Layout, all numbers big-endian: the magic {@code QCBI}, the format version, a table of every
 * distinct string (their lengths in chars, then all of them as one UTF-8 text), then the bank
 * with each string as its index in the table ({@code -1} for null). An image this code cannot read (another version, truncated)
 * is an {@link IOException}; callers then fall back to the YAML.
 */
public final class BankImage {
    /** Where the build puts the shipped banks' image on the class path. */
    public static final String SHIPPED = "/questions/shipped.bank";

    private static final int MAGIC = 0x51434249;   // "QCBI"
    private static final int VERSION = 3;

    private BankImage() {
    }

    /**
     * The shipped banks from the image built with them, or empty when there is none (a class path
     * without the build step, such as an IDE's) or it cannot be read: the caller then loads the
     * YAML, so a missing or damaged image costs time, never a run.
     */
    public static Optional<Bank> shipped() {
        try (InputStream in = BankImage.class.getResourceAsStream(SHIPPED)) {
            if (in == null) return Optional.empty();
            return Optional.of(read(in));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The build step: {@code BankImage QUESTIONS_DIR OUTPUT} loads the bank directory as the
     * shipped banks are loaded (files named {@code questions/NAME}) and writes its image, or fails
     * with every error the banks have, which fails the build.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: BankImage QUESTIONS_DIR OUTPUT");
        List<BankFile> files = BankFile.inDirectory(Path.of(args[0])).stream()
                .map(f -> new BankFile("questions/" + f.name(), f.opener()))
                .toList();
        BankLoader.Loaded loaded = BankLoader.load(files);
        if (!loaded.errors().isEmpty()) {
            StringBuilder message = new StringBuilder("the shipped banks have errors:");
            loaded.errors().forEach(p -> message.append(System.lineSeparator()).append(p.format()));
            throw new IllegalStateException(message.toString());
        }
        Path out = Path.of(args[1]);
        Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
        try (OutputStream o = Files.newOutputStream(tmp)) {
            write(loaded.bank(), o);
        }
        Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    /** Writes {@code bank}'s image. */
    public static void write(Bank bank, OutputStream out) throws IOException {
        BankImageWriter body = new BankImageWriter();
        body.bank(bank);
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        // The strings as one UTF-8 text and each one's length in chars: one decoding on reading.
        StringBuilder text = new StringBuilder();
        data.writeInt(body.strings.size());
        for (String s : body.strings.keySet()) {
            data.writeInt(s.length());
            text.append(s);
        }
        byte[] utf8 = text.toString().getBytes(StandardCharsets.UTF_8);
        data.writeInt(utf8.length);
        data.write(utf8);
        body.bytes.writeTo(data);
        data.flush();
    }

    /** Reads an image {@link #write} wrote. */
    public static Bank read(InputStream in) throws IOException {
        ByteBuffer data = ByteBuffer.wrap(in.readAllBytes());
        try {
            if (data.getInt() != MAGIC) throw new IOException("not a quizcard bank image");
            int version = data.getInt();
            if (version != VERSION) throw new IOException("bank image version " + version + ", expected " + VERSION);
            String[] strings = new String[count(data)];
            int[] lengths = new int[strings.length];
            for (int i = 0; i < lengths.length; i++) lengths[i] = count(data);
            int size = count(data);
            String text = new String(data.array(), data.position(), size, StandardCharsets.UTF_8);
            data.position(data.position() + size);
            int at = 0;
            for (int i = 0; i < strings.length; i++) {
                strings[i] = text.substring(at, at + lengths[i]);
                at += lengths[i];
            }
            Bank bank = new Reader(data, strings).bank();
            if (data.hasRemaining()) throw new IOException("bytes after the end of the bank image");
            return bank;
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException e) {
            throw new IOException("truncated or damaged bank image", e);
        }
    }

    /** A count or length: never negative, and never more than the image could hold. */
    private static int count(ByteBuffer data) throws IOException {
        int n = data.getInt();
        if (n < 0 || n > data.remaining()) throw new IOException("bad count " + n);
        return n;
    }

    /** The inverse of {@link BankImageWriter}, checking every count and index as it goes. */
    private static final class Reader {
        private static final QuestionType[] TYPES = QuestionType.values();
        private final ByteBuffer in;
        private final String[] strings;

        Reader(ByteBuffer in, String[] strings) {
            this.in = in;
            this.strings = strings;
        }

        Bank bank() throws IOException {
            int concepts = count();
            List<Concept> cs = new ArrayList<>(concepts);
            for (int i = 0; i < concepts; i++) cs.add(concept());
            int misconceptions = count();
            Map<String, Misconception> ms = new LinkedHashMap<>();
            for (int i = 0; i < misconceptions; i++) {
                Misconception m = misconception();
                ms.put(m.id(), m);
            }
            return new Bank(cs, ms, map());
        }

        Concept concept() throws IOException {
            String id = string();
            String title = string();
            String summary = string();
            List<String> sources = strings();
            Position where = position();
            Map<String, String> lintAllow = map();
            int n = count();
            List<Question> questions = new ArrayList<>(n);
            for (int i = 0; i < n; i++) questions.add(question());
            return new Concept(id, title, summary, sources, questions, where, lintAllow);
        }

        Misconception misconception() throws IOException {
            return new Misconception(string(), string(), string(), string(), strings(), strings(), position());
        }

        Question question() throws IOException {
            int type = in.get() & 0xff;
            if (type >= TYPES.length) throw new IOException("unknown question type " + type);
            Question.Common c = new Question.Common(string(), string(), string(), string(), string(),
                    strings(), strings(), position(), map());
            return switch (TYPES[type]) {
                case SINGLE -> new Question.Single(c, options());
                case MULTIPLE -> new Question.Multiple(c, options());
                case TRUEFALSE -> new Question.TrueFalse(c, bool(), string());
                case TEXT -> new Question.Text(c, strings(), string(), wrongAnswers());
                case NUMERIC -> new Question.Numeric(c, in.getDouble(), in.getDouble(), string());
                case ORDER -> new Question.Order(c, strings());
                case MATCH -> {
                    int n = count();
                    List<Question.Pair> pairs = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) pairs.add(new Question.Pair(string(), string(), position()));
                    yield new Question.Match(c, pairs);
                }
                case CLOZE -> {
                    String text = string();
                    int n = count();
                    List<Question.Blank> blanks = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) blanks.add(new Question.Blank(strings(), wrongAnswers(), position()));
                    yield new Question.Cloze(c, text, blanks);
                }
                case FLASHCARD -> new Question.Flashcard(c, string());
            };
        }

        List<Question.Option> options() throws IOException {
            int n = count();
            List<Question.Option> options = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                options.add(new Question.Option(string(), bool(), string(), string(), position()));
            }
            return options;
        }

        List<Question.WrongAnswer> wrongAnswers() throws IOException {
            int n = count();
            List<Question.WrongAnswer> wrong = new ArrayList<>(n);
            for (int i = 0; i < n; i++) wrong.add(new Question.WrongAnswer(string(), string(), position()));
            return wrong;
        }

        Position position() throws IOException {
            if (!bool()) return null;
            return new Position(string(), in.getInt(), in.getInt());
        }

        Map<String, String> map() throws IOException {
            int n = count();
            Map<String, String> map = new LinkedHashMap<>();
            for (int i = 0; i < n; i++) map.put(string(), string());
            return map;
        }

        List<String> strings() throws IOException {
            int n = count();
            List<String> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(string());
            return list;
        }

        String string() throws IOException {
            int index = in.getInt();
            if (index == -1) return null;
            if (index < 0 || index >= strings.length) throw new IOException("bad string index " + index);
            return strings[index];
        }

        int count() throws IOException {
            return BankImage.count(in);
        }

        boolean bool() throws IOException {
            byte b = in.get();
            if (b != 0 && b != 1) throw new IOException("bad boolean " + b);
            return b == 1;
        }
    }
}
