package org.quizcard.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Response;
import org.quizcard.exchange.qti.QtiPackage;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo bank exported by {@code quizcard export --format qti}, played by a real QTI 3 player
 * (Cito's qti-components, from npm, under {@code src/test/interop/qti/}) in headless Chromium:
 * for each response, the player's own response processing must give the score quizcard's
 * checker gives (an order question all or nothing: the loss the export reports), and show the
 * per-answer feedback and explanation; and every item of the shipped banks, answered with its
 * correct response, must score 1. Skipped when npm (to install the player) or Chromium is missing.
 */
class QtiPlayerIT {
    private static final JsonMapper JSON = JsonMapper.shared();

    @TempDir
    Path work;

    /** One response: quizcard's, as the QTI item takes it, and the modal feedback the item must show. */
    private record Case(String ref, Response response, Map<String, Object> qti, List<String> shown) { }

    private static Case of(String id, Response response, Object value, String... shown) {
        return new Case("containers/" + id, response, Map.of("RESPONSE", value), List.of(shown));
    }

    private static List<Case> cases() {
        return List.of(
                of("shared-kernel", new Response.Choice(List.of(0)), "A", "EXPLANATION"),
                of("shared-kernel", new Response.Choice(List.of(1)), "B", "B", "EXPLANATION"),
                of("building-blocks", new Response.Choice(List.of(0, 1)), List.of("A", "B"), "EXPLANATION"),
                of("building-blocks", new Response.Choice(List.of(0)), List.of("A"), "EXPLANATION"),
                of("building-blocks", new Response.Choice(List.of(0, 1, 3)), List.of("A", "B", "D"), "D", "EXPLANATION"),
                of("building-blocks", new Response.Choice(List.of(0, 2)), List.of("A", "C"), "C", "EXPLANATION"),
                of("vm-statement", new Response.Bool(false), "FALSE", "EXPLANATION"),
                of("vm-statement", new Response.Bool(true), "TRUE", "TRUE", "EXPLANATION"),
                of("what-is-it", new Response.Typed("A Process"), "A Process", "EXPLANATION"),
                of("what-is-it", new Response.Typed("a lightweight VM"), "a lightweight VM", "WRONG-1", "EXPLANATION"),
                of("kernels-count", new Response.Number("1"), "1", "EXPLANATION"),
                of("kernels-count", new Response.Number("2"), "2", "EXPLANATION"),
                of("start-steps", new Response.Sequence(List.of(0, 1, 2, 3)), List.of("A", "B", "C", "D"), "EXPLANATION"),
                of("start-steps", new Response.Sequence(List.of(1, 0, 2, 3)), List.of("B", "A", "C", "D"), "EXPLANATION"),
                of("feature-roles", new Response.Pairs(Map.of(0, 0, 1, 1, 2, 2)), List.of("L1 R1", "L2 R2", "L3 R3"),
                        "EXPLANATION"),
                of("feature-roles", new Response.Pairs(Map.of(0, 1, 1, 0, 2, 2)), List.of("L1 R2", "L2 R1", "L3 R3"),
                        "EXPLANATION"),
                new Case("containers/see-and-use", new Response.Blanks(List.of("use", "see")),
                        Map.of("RESPONSE-1", "use", "RESPONSE-2", "see"), List.of("EXPLANATION")),
                new Case("containers/see-and-use", new Response.Blanks(List.of("use", "use")),
                        Map.of("RESPONSE-1", "use", "RESPONSE-2", "use"), List.of("BLANK-2-WRONG-1", "EXPLANATION")),
                of("oci", new Response.SelfRating(3), "Open Container Initiative", "BACK", "EXPLANATION"));
    }

    /** The score the item must give: quizcard's, but an order question all or nothing and a flashcard unscored. */
    private static double expected(Question q, Response r) {
        double score = Checker.check(q, r).score();
        if (q instanceof Question.Order) return score == 1 ? 1 : 0;
        return q instanceof Question.Flashcard ? 0 : score;
    }

    @Test
    void aQti3PlayerScoresTheExportedItemsAsQuizcardDoes() throws Exception {
        Map<String, String> entries = export(Fixtures.demoDir().toString());
        Bank bank = Fixtures.demo();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Case c : cases()) cases.add(json(c.ref(), entries.get("items/" + c.ref() + ".xml"), c.qti()));
        JsonNode results = play(cases);
        List<Case> all = cases();
        for (int i = 0; i < all.size(); i++) {
            Case c = all.get(i);
            JsonNode r = results.get(i);
            String what = c.ref() + " answered " + c.qti();
            Question q = bank.question(c.ref()).orElseThrow();
            assertThat(r.get("score").asDouble()).as(what + ": score").isCloseTo(expected(q, c.response()), within(0.001));
            List<String> shown = new ArrayList<>();
            r.get("shown").forEach(n -> shown.add(n.asString()));
            assertThat(shown).as(what + ": feedback shown").containsExactlyElementsOf(c.shown());
        }
    }

    @Test
    void everyShippedItemScoresItsCorrectResponseInFull() throws Exception {
        Map<String, String> entries = export();
        List<Map<String, Object>> cases = new ArrayList<>();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            if (!e.getKey().startsWith("items/")) continue;
            Document item = QtiPackage.parse(e.getValue());
            Map<String, Object> responses = new LinkedHashMap<>();
            for (Element declaration : QtiPackage.all(item, "qti-response-declaration")) {
                List<String> values = new ArrayList<>();
                for (Element v : QtiPackage.all(item, "qti-value")) {
                    if (v.getParentNode().getLocalName().equals("qti-correct-response")
                            && v.getParentNode().getParentNode() == declaration) values.add(v.getTextContent());
                }
                if (values.isEmpty()) continue;
                boolean single = declaration.getAttribute("cardinality").equals("single");
                responses.put(declaration.getAttribute("identifier"), single ? values.get(0) : values);
            }
            if (!responses.isEmpty()) cases.add(json(e.getKey(), e.getValue(), responses));
        }
        assertThat(cases).hasSizeGreaterThan(50);
        JsonNode results = play(cases);
        for (int i = 0; i < cases.size(); i++) {
            assertThat(results.get(i).get("score").asDouble()).as(cases.get(i).get("name") + " answered "
                    + cases.get(i).get("responses")).isCloseTo(1.0, within(0.001));
            List<String> shown = new ArrayList<>();
            results.get(i).get("shown").forEach(n -> shown.add(n.asString()));
            assertThat(shown).as(cases.get(i).get("name") + ": no refutation for a right answer")
                    .allMatch(id -> id.equals("EXPLANATION") || id.equals("BACK") || id.length() == 1);
        }
    }

    private static Map<String, Object> json(String name, String xml, Map<String, Object> responses) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("xml", xml);
        json.put("responses", responses);
        return json;
    }

    /** The package {@code quizcard export} writes of the given banks (none: the shipped banks), by entry. */
    private Map<String, String> export(String... banks) throws Exception {
        assumeTrue(System.getenv("QUIZCARD_ROOT") != null, "an end-to-end test: run it with mvn verify");
        Path zip = Files.createTempFile(work, "export", ".zip");
        List<String> args = new ArrayList<>(List.of("export"));
        args.addAll(List.of(banks));
        args.addAll(List.of("--format", "qti", "--out", zip.toString()));
        Launcher.Run export = Launcher.run(work, Map.of("QUIZCARD_HOME", work.resolve("home").toString()), "",
                args.toArray(String[]::new));
        assertThat(export.exit()).as(export.err()).isZero();
        return QtiPackage.entries(zip);
    }

    /** Each case's results from the player, in order, each checked to have run without an error. */
    private JsonNode play(List<Map<String, Object>> cases) throws Exception {
        Path chromium = ClassReportIT.chromium().orElse(null);
        assumeTrue(chromium != null, "no chromium: the QTI player check is skipped");
        Path player = Launcher.root().resolve("src/test/interop/qti");
        Path components = player.resolve("node_modules/@citolab/qti-components/cdn/index.global.js");
        if (!Files.isRegularFile(components)) {
            assumeTrue(onPath("npm"), "no npm to install the QTI player: skipped");
            run(player, 600, "npm", "ci", "--no-audit", "--no-fund");
        }
        Path dir = Files.createTempDirectory(work, "page");
        Files.writeString(dir.resolve("cases.js"), "window.QTI_CASES = " + JSON.writeValueAsString(cases) + ";\n");
        Path page = dir.resolve("player.html");
        Files.writeString(page, "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><pre id=\"out\"></pre>"
                + "<script src=\"" + components.toUri() + "\"></script><script src=\"cases.js\"></script>"
                + "<script src=\"" + player.resolve("run-items.js").toUri() + "\"></script></body></html>");
        String dom = run(dir, 300, chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--allow-file-access-from-files", "--user-data-dir=" + Files.createTempDirectory(work, "profile"),
                "--virtual-time-budget=600000", "--dump-dom", page.toUri().toString());
        var out = Jsoup.parse(dom).getElementById("out");
        assertThat(out).as("the player page ran: " + dom).isNotNull();
        assertThat(out.attr("data-done")).as("the player page finished: " + dom).isEqualTo("true");
        JsonNode results = JSON.readTree(out.wholeText());
        assertThat(results).hasSize(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            JsonNode error = results.get(i).path("error");
            assertThat(error.isMissingNode()).as(cases.get(i).get("name") + ": " + error.asString()).isTrue();
        }
        return results;
    }

    private static boolean onPath(String command) {
        String path = System.getenv("PATH");
        for (String dir : path == null ? new String[0] : path.split(File.pathSeparator)) {
            if (!dir.isBlank() && Files.isExecutable(Path.of(dir, command))) return true;
        }
        return false;
    }

    /** Runs a command in {@code dir}, failing on a non-zero exit or after {@code seconds}; returns its standard output. */
    private String run(Path dir, int seconds, String... command) throws Exception {
        Path out = Files.createTempFile(work, "out", ".txt");
        Path err = Files.createTempFile(work, "err", ".txt");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile()).start();
        if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(command[0] + " did not finish in " + seconds + " s: " + Files.readString(err));
        }
        assertThat(p.exitValue()).as(command[0] + ": " + Files.readString(err)).isZero();
        return Files.readString(out);
    }
}
