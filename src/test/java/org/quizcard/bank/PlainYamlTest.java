package org.quizcard.bank;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link PlainYaml} against the full parser: whatever text it reads, it must read exactly as the
 * full parser does (nodes, order, scalar types, every position), and the full parser must find no
 * problem in it. Checked on every YAML file of the project, on hand-written edge cases, and on
 * many thousands of random edits of them (fixed seed).
 */
class PlainYamlTest {
    private static final long SEED = 20261201L;
    private static final int MUTATIONS = 40_000;
    private static final String SPECIAL = " :#-'\"[]{},>|&*!?%@`~.\\x0123\n";

    /** The node tree as one line of text: kinds, keys, texts and every position, in order. */
    static String render(YamlNode node) {
        StringBuilder b = new StringBuilder();
        render(node, b);
        return b.toString();
    }

    private static void render(YamlNode node, StringBuilder b) {
        Position p = node.where();
        b.append('@').append(p.file()).append(':').append(p.line()).append(':').append(p.column());
        if (node instanceof YamlNode.YamlMap m) {
            b.append('{');
            for (YamlNode.YamlMap.Entry e : m.entries().values()) {
                b.append(e.key().replace("\n", "\\n")).append('@').append(e.keyWhere().line()).append(':')
                        .append(e.keyWhere().column()).append('=');
                render(e.value(), b);
                b.append(", ");
            }
            b.append('}');
        } else if (node instanceof YamlNode.YamlList l) {
            b.append('[');
            for (YamlNode item : l.items()) {
                render(item, b);
                b.append(", ");
            }
            b.append(']');
        } else if (node instanceof YamlNode.YamlScalar s) {
            b.append(s.kind()).append('<').append(s.text().replace("\n", "\\n")).append('>');
        }
    }

    private static YamlNode plain(String text) {
        return PlainYaml.read("f.yaml", text, YamlReader.scalarResolver());
    }

    /** Asserts that the plain reader either gives up on {@code text} or reads it as the full parser does. */
    private static boolean agrees(String text, String label) {
        YamlNode fast = plain(text);
        if (fast == null) return false;
        YamlReader.Result full = YamlReader.read("f.yaml", new StringReader(text));
        assertThat(full.problems()).as(label + "\n" + text).isEmpty();
        assertThat(render(fast)).as(label + "\n" + text).isEqualTo(render(full.root()));
        return true;
    }

    private static List<String> projectYaml() throws IOException {
        List<String> texts = new ArrayList<>();
        for (String dir : List.of("questions", "examples", "src/test/resources", "docs")) {
            Path root = Path.of(dir);
            if (!Files.isDirectory(root)) continue;
            try (Stream<Path> files = Files.walk(root)) {
                for (Path f : files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                        .sorted().toList()) {
                    byte[] bytes = Files.readAllBytes(f);
                    texts.add(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return texts;
    }

    @Test
    void everyProjectFileItReadsIsReadAsTheFullParserReadsIt() throws IOException {
        List<String> texts = projectYaml();
        int read = 0;
        for (int i = 0; i < texts.size(); i++) {
            if (agrees(texts.get(i), "project file " + i)) read++;
        }
        assertThat(read).as("files in the plain subset").isGreaterThan(5);
    }

    @Test
    void aGeneratedBankIsInThePlainSubset() {
        String text = """
                id: concept-0
                title: Generated concept 0
                summary: >-
                  Kernel page table, cgroup memory.
                sources: [generated]
                questions:
                  - id: q0
                    type: single
                    prompt: Kernel process page.
                    options:
                      - text: kernel page right
                        correct: true
                      - text: page table wrong
                        misconception: m1
                    explanation: >-
                      Scheduler frame swap mount.
                    tags: [gen, t0]
                  - id: q1
                    type: multiple
                    prompt: Cache queue.
                    options:
                      - { text: user one, correct: true }
                      - { text: group two, correct: true }
                  - id: q2
                    type: numeric
                    prompt: How many?
                    answer: 42
                    tolerance: 0.5
                  - id: q3
                    type: text
                    answers: [answer 3, "the answer 3"]
                """;
        assertThat(agrees(text, "generated")).isTrue();
    }

    @Test
    void edgeCasesAgreeOrAreLeftToTheFullParser() {
        List<String> cases = List.of(
                "a: 1\nb:\n  - x\n  - true\nc: no\nd: 2.5\ne:\n",
                "# comment\n\nkey: value  \nother:   spaced   out\n",
                "k:\n- a\n- b\nnext: c\n",
                "k:\n  - a\n  b: c\n",
                "k: >\n  folded\n  text\n\nm: |\n  lit\n  eral\n",
                "k: |-\n  one\n\n  two\n",
                "k: >-\n    deep\n  shallow\n",
                "k: 'it''s'\nl: \"a\\tb\"\nm: 'plain'\nn: \"\"\n",
                "k: [a, b, 'c', \"d\"]\nl: []\nm: {}\nn: {a: 1, b: x y}\n",
                "k: [a, ]\n", "k: [a,b]\n", "k: {a:1}\n", "k: a: b\n", "k: a #c\n", "k: C# and F#\n",
                "1: one\ntrue: t\nnull: n\n", "k: null\nl: ~\nm: 007\nn: 0x1F\no: 1e3\np: .inf\nq: -1\nr: 1_000\n",
                "k: 12345678901234567\nl: 0.0001\nm: 10.\nn: True\no: yes\n",
                "k: &a x\nl: *a\nm: !!str 3\n", "--- \nk: v\n", "k: v\n---\nl: w\n", "k: v\n...\n",
                "- a\n- b\n", "scalar\n", "", "   \n", "k:\n  a: 1\n   b: 2\n", "k: v\n  w\n",
                "a:\n  b:\n    c:\n      - d: e\n        f: [g]\n      - h\n",
                "k: é ü 中文\n", "k: \"unclosed\n", "k: [open\n", "k: v\r\n", "k:\tv\n", "k: v\u0085w\n",
                "k: - a\n", "k: -a\n", "k: ? x\n", "? k\n: v\n", "k: |+\n  a\n\n", "k: >2\n   a\n",
                "k: >-\n  a\n  # not a comment\nl: m\n", "k: >-\n  a  \n", "k: >-\nl: m\n",
                "- id: q\n  type: x\n- id: r\n", "q:\n  - id: a\n    x: 1\n  - id: b\n", "k: v\nk: w\n",
                "k: {a: 1, a: 2}\n", "k:  \n  - a\n", "k: x\n\n\n# end\n", "k: 'a' 'b'\n", "k: \"a\" # c\n",
                "k: >\n  a", "k: |\n  a\n  b", "k: >-\n  a", "k: a", "k: [a]", "k:\n  - a",
                "k: a\u00a0b\n", "k: \u00a0a\n", "k: a\u00a0\n", "k: a\u3000 b\u2003\n", "k: [\u00a0a , b\u00a0]\n",
                "k: \u00e9t\u00e9 \u2014 \u00ab x \u00bb\n", "k: x\u200b\n", "\u00e9: v\n");
        for (String text : cases) agrees(text, "edge case");
    }

    @Test
    void randomEditsAgreeOrAreLeftToTheFullParser() throws IOException {
        List<String> texts = new ArrayList<>(projectYaml());
        texts.removeIf(t -> t.length() > 200_000);
        SplittableRandom random = new SplittableRandom(SEED);
        int read = 0;
        for (int i = 0; i < MUTATIONS; i++) {
            String original = texts.get(random.nextInt(texts.size()));
            String mutated = mutate(original, random);
            if (agrees(mutated, "mutation " + i + " (seed " + SEED + ")")) read++;
        }
        assertThat(read).as("mutations in the plain subset").isGreaterThan(MUTATIONS / 10);
    }

    /** One or two small edits: a character inserted, deleted or replaced, a line repeated, dropped or re-indented. */
    private static String mutate(String text, SplittableRandom random) {
        String out = text;
        int edits = 1 + random.nextInt(2);
        for (int e = 0; e < edits && !out.isEmpty(); e++) {
            int at = random.nextInt(out.length());
            char c = SPECIAL.charAt(random.nextInt(SPECIAL.length()));
            int lineStart = at == 0 ? 0 : out.lastIndexOf('\n', at - 1) + 1;
            int lineEnd = out.indexOf('\n', at);
            if (lineEnd < 0) lineEnd = out.length();
            String line = out.substring(lineStart, lineEnd);
            out = switch (random.nextInt(7)) {
                case 0 -> out.substring(0, at) + c + out.substring(at);
                case 1 -> out.substring(0, at) + out.substring(at + 1);
                case 2 -> out.substring(0, at) + c + out.substring(at + 1);
                case 3 -> out.substring(0, lineStart) + line + "\n" + out.substring(lineStart);
                case 4 -> out.substring(0, lineStart) + out.substring(Math.min(out.length(), lineEnd + 1));
                case 5 -> out.substring(0, lineStart) + "  " + out.substring(lineStart);
                default -> out.substring(0, lineStart) + line.stripLeading() + out.substring(lineEnd);
            };
        }
        return out;
    }
}
