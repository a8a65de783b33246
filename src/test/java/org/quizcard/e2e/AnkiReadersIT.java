package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Concept;
import org.quizcard.bank.ContentHash;
import org.quizcard.bank.Question;
import org.quizcard.bank.QuestionLine;
import org.quizcard.cli.CliRunner;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * quizcard's Anki exports of the shipped banks, read by third-party readers from npm
 * (src/test/interop/anki): anki-reader opens the package and finds every note in its deck with
 * quizcard's note types and fields; csv-parse reads the text file as Anki's importer does (tab
 * separated, quoted fields, '#' headers). Installs them with npm on first run; skipped without
 * node and npm.
 */
class AnkiReadersIT {
    private static final Path INTEROP = Path.of("src/test/interop/anki");

    @TempDir
    Path dir;

    @BeforeAll
    static void install() throws Exception {
        assumeTrue(onPath("node") && onPath("npm"), "node and npm are not installed: the npm readers did not run");
        if (!Files.isDirectory(INTEROP.resolve("node_modules"))) {
            assertThat(run(List.of("npm", "ci", "--no-audit", "--no-fund"), Path.of("target/anki-npm-ci.log")))
                    .as("npm ci in " + INTEROP).isZero();
        }
    }

    private static boolean onPath(String program) {
        String path = System.getenv().getOrDefault("PATH", "");
        return Stream.of(path.split(File.pathSeparator)).anyMatch(d -> Files.isExecutable(Path.of(d, program)));
    }

    private static int run(List<String> command, Path output) throws Exception {
        Process p = new ProcessBuilder(command).directory(INTEROP.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toAbsolutePath().toFile()).start();
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command) + " finished").isTrue();
        return p.exitValue();
    }

    private JsonNode read(String script, Path file) throws Exception {
        Path json = dir.resolve(script + ".json");
        int exit = run(List.of("node", script, file.toAbsolutePath().toString()), json);
        assertThat(exit).as(script + " said: " + Files.readString(json)).isZero();
        return JsonMapper.shared().readTree(Files.readString(json, StandardCharsets.UTF_8));
    }

    /** A field's HTML as the text quizcard wrote into it (the few entities and breaks quizcard writes). */
    private static String text(String html) {
        return html.replace("<br>", "\n").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Bank shipped() {
        return BankLoader.load(BankFile.shipped()).orThrow();
    }

    @Test
    void ankiReaderFindsEveryNoteInItsDeckWithItsNoteTypeAndFields() throws Exception {
        Path apkg = dir.resolve("shipped.apkg");
        CliRunner.Run export = new CliRunner().run("export", "--format", "anki", "--out", apkg.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode read = read("read.mjs", apkg);
        Bank bank = shipped();

        assertThat(read.get("version").asInt()).isEqualTo(11);
        List<String> types = new ArrayList<>();
        read.get("noteTypes").forEach(t -> types.add(t.get("name").asString() + ": " + t.get("fields").toString()));
        assertThat(types).containsExactly("quizcard Basic: [\"Front\",\"Back\",\"Explanation\",\"Hint\"]",
                "quizcard Cloze: [\"Text\",\"Explanation\",\"Hint\"]",
                "quizcard Question: [\"Front\",\"Back\",\"Explanation\",\"Source\"]");

        Map<String, JsonNode> decks = new HashMap<>();
        read.get("decks").forEach(d -> decks.put(d.get("name").asString(), d));
        assertThat(decks.keySet()).containsExactlyInAnyOrderElementsOf(Stream.concat(Stream.of("Default"),
                bank.concepts().stream().map(Concept::title)).toList());
        for (Concept c : bank.concepts()) {
            JsonNode deck = decks.get(c.title());
            assertThat(text(deck.get("description").asString())).isEqualTo(c.summary());
            Set<String> notes = new HashSet<>();
            Map<String, Question> byPrompt = new HashMap<>();
            c.questions().forEach(q -> byPrompt.put(q.prompt(), q));
            for (JsonNode card : deck.get("cards")) {
                notes.add(card.get("note").asString());
                JsonNode fields = card.get("fields");
                switch (card.get("noteType").asString()) {
                    case "quizcard Basic" -> {
                        Question.Flashcard f = (Question.Flashcard) byPrompt.get(text(fields.get("Front").asString()));
                        assertThat(f).as(fields.toString()).isNotNull();
                        assertThat(text(fields.get("Back").asString())).isEqualTo(f.back());
                        assertThat(card.get("question").asString()).startsWith(fields.get("Front").asString());
                    }
                    case "quizcard Cloze" -> assertThat(fields.get("Text").asString()).contains("{{c1::");
                    case "quizcard Question" -> {
                        QuestionLine.Read q = QuestionLine.read("Source", text(fields.get("Source").asString()), c.id());
                        assertThat(q.problem()).isNull();
                        Question original = bank.question(q.question().ref()).orElseThrow();
                        assertThat(ContentHash.of(q.question())).isEqualTo(ContentHash.of(original));
                        assertThat(text(fields.get("Front").asString())).startsWith(original.prompt());
                    }
                    default -> throw new AssertionError("a note type quizcard does not write: " + card);
                }
            }
            assertThat(notes).as(c.id() + "'s notes").hasSize(c.questions().size());
        }
    }

    @Test
    void csvParseReadsTheTextFileAsAnkiDoes() throws Exception {
        Path txt = dir.resolve("shipped.txt");
        CliRunner.Run export = new CliRunner().run("export", "--format", "anki-text", "--out", txt.toString());
        assertThat(export.exit()).as(export.err()).isZero();
        JsonNode read = read("read-text.mjs", txt);
        Bank bank = shipped();

        assertThat(read.get("headers").get("separator").asString()).isEqualTo("tab");
        assertThat(read.get("headers").get("guid column").asString()).isEqualTo("1");
        List<String> guids = new ArrayList<>();
        for (JsonNode record : read.get("records")) {
            assertThat(record.size()).isEqualTo(8);
            guids.add(record.get(0).asString());
            if (record.get(1).asString().equals("quizcard Question")) {
                QuestionLine.Read q = QuestionLine.read("Source", text(record.get(6).asString()), "x");
                assertThat(q.problem()).as(record.get(0).asString()).isNull();
            }
        }
        assertThat(guids).containsExactlyElementsOf(bank.questions().map(q -> "quizcard:" + q.ref()).toList());
    }
}
