import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a large, valid bank for benchmarks: QUESTIONS questions spread over CONCEPTS concept
 * files, of five types, probing MISCONCEPTIONS misconceptions, with fixed-seed text.
 *
 * <p>usage: java bench/GenBank.java OUT_DIR [QUESTIONS=100000] [CONCEPTS=20] [MISCONCEPTIONS=500]
 */
public final class GenBank {
    public static void main(String[] args) throws IOException {
        if (args.length < 1) {
            System.err.println("usage: java bench/GenBank.java OUT_DIR [QUESTIONS] [CONCEPTS] [MISCONCEPTIONS]");
            System.exit(2);
        }
        Path out = Path.of(args[0]);
        int questions = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int concepts = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int misconceptions = args.length > 3 ? Integer.parseInt(args[3]) : 500;
        Files.createDirectories(out);
        SplittableRandom random = new SplittableRandom(42);
        try (Writer w = Files.newBufferedWriter(out.resolve("misconceptions.yaml"), StandardCharsets.UTF_8)) {
            w.write("misconceptions:\n");
            for (int m = 0; m < misconceptions; m++) {
                w.write("  - id: m" + m + "\n");
                w.write("    claim: Generated claim number " + m + " about " + words(random, 6) + ".\n");
                w.write("    seems_right: >-\n      " + sentence(random, 18) + "\n");
                w.write("    correction: >-\n      " + sentence(random, 24) + "\n");
                w.write("    concepts: [concept-" + (m % concepts) + "]\n    sources: [generated]\n");
            }
        }
        int q = 0;
        for (int c = 0; c < concepts; c++) {
            int inThis = questions / concepts + (c < questions % concepts ? 1 : 0);
            try (Writer w = Files.newBufferedWriter(out.resolve("concept-" + c + ".yaml"),
                    StandardCharsets.UTF_8)) {
                w.write("id: concept-" + c + "\ntitle: Generated concept " + c + "\n");
                w.write("summary: >-\n  " + sentence(random, 30) + "\nsources: [generated]\nquestions:\n");
                for (int i = 0; i < inThis; i++, q++) {
                    String m = "m" + random.nextInt(misconceptions);
                    w.write("  - id: q" + q + "\n");
                    switch (q % 5) {
                        case 0 -> {
                            w.write("    type: single\n    prompt: " + sentence(random, 14) + "\n    options:\n");
                            w.write("      - text: " + words(random, 8) + " right\n        correct: true\n");
                            w.write("      - text: " + words(random, 8) + " wrong\n        misconception: " + m + "\n");
                            w.write("      - text: " + words(random, 8) + " also wrong\n        misconception: m" + random.nextInt(misconceptions) + "\n");
                        }
                        case 1 -> {
                            w.write("    type: multiple\n    prompt: " + sentence(random, 14) + "\n    options:\n");
                            w.write("      - { text: " + words(random, 4) + " one, correct: true }\n");
                            w.write("      - { text: " + words(random, 4) + " two, correct: true }\n");
                            w.write("      - text: " + words(random, 4) + " three\n        misconception: " + m + "\n");
                        }
                        case 2 -> w.write("    type: truefalse\n    prompt: " + sentence(random, 12)
                                + "\n    answer: false\n    misconception: " + m + "\n");
                        case 3 -> {
                            w.write("    type: text\n    prompt: " + sentence(random, 12) + "\n");
                            w.write("    answers: [answer " + q + ", the answer " + q + "]\n");
                        }
                        default -> w.write("    type: numeric\n    prompt: " + sentence(random, 10)
                                + "\n    answer: " + q + "\n    tolerance: 0.5\n");
                    }
                    w.write("    explanation: >-\n      " + sentence(random, 30) + "\n");
                    w.write("    tags: [gen, t" + (q % 7) + "]\n");
                }
            }
        }
        System.err.println("wrote " + q + " questions in " + concepts + " files and " + misconceptions
                + " misconceptions to " + out);
    }

    private static final String[] WORDS = {"kernel", "process", "page", "table", "namespace", "cgroup", "memory",
        "file", "system", "call", "container", "image", "layer", "socket", "thread", "signal", "device", "driver",
        "buffer", "cache", "queue", "scheduler", "frame", "swap", "mount", "user", "group", "limit", "quota", "map"};

    private static String words(SplittableRandom r, int n) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < n; i++) {
            if (i > 0) b.append(' ');
            b.append(WORDS[r.nextInt(WORDS.length)]);
        }
        return b.toString();
    }

    private static String sentence(SplittableRandom r, int n) {
        String s = words(r, n);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1) + ".";
    }
}
