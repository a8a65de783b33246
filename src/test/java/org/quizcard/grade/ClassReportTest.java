package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Bank;
import org.quizcard.bank.Concept;
import org.quizcard.bank.Fixtures;
import org.quizcard.bank.Position;
import org.quizcard.bank.Question;
import org.quizcard.grade.ClassReport.Flag;
import org.quizcard.grade.ClassReport.MisconceptionStats;
import org.quizcard.grade.ClassReport.OptionStats;
import org.quizcard.grade.ClassReport.QuestionStats;
import org.quizcard.grade.ClassReport.Result;
import org.quizcard.grade.ClassReport.Rightness;
import tools.jackson.databind.json.JsonMapper;

class ClassReportTest {
    /** The five students of {@code src/test/resources/results/class}, on the demo bank. */
    static final List<String> CLASS = List.of("alice", "bob", "carol", "dave", "erin");
    private static final String VM = "container-is-lightweight-vm";
    private static final String HOSTILE = "<script>alert(1)</script> \"quoted\" 'single' & &amp; </svg>";

    static String resource(String name) {
        try (InputStream in = ClassReportTest.class.getResourceAsStream("/results/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Result> classResults(List<String> students) {
        return students.stream().map(s -> ResultReader.parse(s + ".json", resource("class/" + s + ".json"))).toList();
    }

    private static ClassReport classReport() {
        return ClassReport.of(classResults(CLASS), Fixtures.demo());
    }

    private static QuestionStats question(ClassReport report, String id) {
        return report.questions().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    // --- statistics ---

    @Test
    void distributionHasMeanMedianPassRateAndTenBins() {
        ClassReport.Distribution d = classReport().distribution();
        assertThat(d.students()).isEqualTo(5);
        // computed from each result's exact points, not its share rounded to 4 decimals
        assertThat(d.mean()).isCloseTo((1 + 2.0 / 3 + 1.0 / 6 + 2.0 / 3 + 0.5) / 5, within(1e-9));
        assertThat(d.median()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(d.passed()).isEqualTo(3);
        assertThat(d.passRate()).isEqualTo(0.6);
        assertThat(d.passMark()).hasValue(0.6);
        assertThat(d.bins()).extracting(ClassReport.Bin::count).containsExactly(0, 1, 0, 0, 0, 1, 2, 0, 0, 1);
        assertThat(d.bins().get(9)).isEqualTo(new ClassReport.Bin(90, 100, 1));
    }

    @Test
    void binsPutEachShareAtItsLowerBoundAndAHundredPercentInTheLast() {
        assertThat(ClassStatistics.bin(0)).isZero();
        assertThat(ClassStatistics.bin(0.0999)).isZero();
        assertThat(ClassStatistics.bin(0.1)).isEqualTo(1);
        assertThat(ClassStatistics.bin(0.7)).isEqualTo(7);
        assertThat(ClassStatistics.bin(0.3)).isEqualTo(3);
        assertThat(ClassStatistics.bin(1.0)).isEqualTo(9);
    }

    @Test
    void questionsComeInBankOrderWithDifficultyAndCorrectedItemTotalDiscrimination() {
        ClassReport report = classReport();
        assertThat(report.questions()).extracting(QuestionStats::id).containsExactly("containers/shared-kernel",
                "containers/building-blocks", "containers/vm-statement", "containers/what-is-it");
        QuestionStats sk = question(report, "containers/shared-kernel");
        assertThat(sk.students()).isEqualTo(5);
        assertThat(sk.answered()).isEqualTo(4);
        assertThat(sk.difficulty()).isCloseTo(0.6, within(1e-9));
        // Scores 1 1 0 1 0 against the rest of each total, 4/4 2/4 1/4 2/4 3/4: r = 0.2 / sqrt(1.2 * 0.325).
        assertThat(sk.discrimination().getAsDouble()).isCloseTo(0.2 / Math.sqrt(1.2 * 0.325), within(1e-9));
        assertThat(sk.flag()).isEqualTo(Flag.OK);
        // Scores 1 0 1 0 1 against rest 5/5 4/5 0/5 4/5 2/5: the weak student gets it, the strong ones do not.
        QuestionStats text = question(report, "containers/what-is-it");
        assertThat(text.discrimination().getAsDouble()).isCloseTo(-0.4 / Math.sqrt(1.2 * 0.64), within(1e-9));
        assertThat(text.flag()).isEqualTo(Flag.NEGATIVE);
        assertThat(text.options()).isEmpty();
    }

    @Test
    void correlationIsPearsonAndUndefinedWithoutSpreadOrWithFewerThanThree() {
        assertThat(ClassStatistics.correlation(List.of(1.0, 1.0, 0.0, 0.0), List.of(1.0, 0.5, 0.5, 0.0)).getAsDouble())
                .isCloseTo(Math.sqrt(0.5), within(1e-12));
        assertThat(ClassStatistics.correlation(List.of(1.0, 0.0, 1.0), List.of(0.0, 1.0, 0.0)).getAsDouble())
                .isCloseTo(-1, within(1e-12));
        assertThat(ClassStatistics.correlation(List.of(1.0, 1.0, 1.0), List.of(0.2, 0.5, 0.9))).isEmpty();
        assertThat(ClassStatistics.correlation(List.of(1.0, 0.0), List.of(1.0, 0.0))).isEmpty();
    }

    @Test
    void lowDiscriminationIsFlagged() {
        // Item scores 1 0 1 0 1 0 1 0 against nearly unrelated rest scores.
        List<String> results = new ArrayList<>();
        double[] rest = {0.9, 0.8, 0.1, 0.3, 0.5, 0.6, 0.3, 0.0};
        for (int i = 0; i < rest.length; i++) {
            results.add(result("a", "s" + i, q("c/item", "text", true, i % 2 == 0 ? 1 : 0),
                    q("c/rest", "text", true, rest[i])));
        }
        QuestionStats item = ClassReport.of(parse(results), Fixtures.demo()).questions().get(0);
        assertThat(item.discrimination().getAsDouble()).isBetween(0.0, ClassReport.LOW_DISCRIMINATION);
        assertThat(item.flag()).isEqualTo(Flag.LOW);
    }

    @Test
    void optionPickRatesFollowBankOrderMarkRightOptionsAndShowUnpickedDistractors() {
        QuestionStats sk = question(classReport(), "containers/shared-kernel");
        assertThat(sk.options()).extracting(OptionStats::picks).containsExactly(3, 0, 1);
        assertThat(sk.options()).extracting(OptionStats::rightness)
                .containsExactly(Rightness.RIGHT, Rightness.WRONG, Rightness.WRONG);
        assertThat(sk.options().get(0).label()).isEqualTo("The host's kernel, shared with the other containers");
        assertThat(sk.options().get(0).share()).isEqualTo(0.6);
        assertThat(sk.options().get(1).nobodyPicked()).isTrue();
        assertThat(sk.options().get(1).misconception()).isEqualTo("container-has-own-kernel");
        assertThat(sk.unanswered()).isEqualTo(1);
        QuestionStats bb = question(classReport(), "containers/building-blocks");
        assertThat(bb.options()).extracting(OptionStats::picks).containsExactly(4, 3, 1, 0);
    }

    @Test
    void aQuestionNotInTheBankShowsItsIdAndNumberedOptionsWithoutClaimingRightness() {
        List<String> results = List.of(
                result("a", "s1", choice("other/q9", 1.0, 4, 2), q("c/x", "text", true, 1)),
                result("a", "s2", choice("other/q9", 0.0, 4, 0), q("c/x", "text", true, 0)));
        ClassReport report = ClassReport.of(parse(results), Fixtures.demo());
        QuestionStats q9 = question(report, "other/q9");
        assertThat(q9.inBank()).isFalse();
        assertThat(q9.options()).extracting(OptionStats::label)
                .containsExactly("option 1", "option 2", "option 3", "option 4");
        assertThat(q9.options()).extracting(OptionStats::rightness).containsOnly(Rightness.UNKNOWN);
        assertThat(report.notInBank()).containsExactly("c/x", "other/q9");
        String md = ClassReportMarkdown.render(report);
        assertThat(md).contains("The bank does not say which options are right.", "| 4 | option 4 | 0 | 0% | nobody picked |");
        assertThat(md).doesNotContain("✓", "distractor");
        assertThat(ClassReportHtml.render(report)).doesNotContain("✓ right");
    }

    @Test
    void aBankThatDoesNotSayWhichOptionIsRightLabelsOptionsButClaimsNothing() {
        Question.Common common = new Question.Common("sealed", "pick", "Which one?", "", null, List.of(), List.of(),
                Position.ofFile("sealed.yaml"));
        Question single = new Question.Single(common, List.of(
                new Question.Option("first", false, null, null), new Question.Option("second", false, null, null)));
        Bank sealed = new Bank(List.of(new Concept("sealed", "Sealed", "", List.of(), List.of(single),
                Position.ofFile("sealed.yaml"))), Map.of());
        List<String> results = List.of(result("a", "s1", choice("sealed/pick", 1, 2, 1)),
                result("a", "s2", choice("sealed/pick", 0, 2, 0)));
        QuestionStats q = ClassReport.of(parse(results), sealed).questions().get(0);
        assertThat(q.options()).extracting(OptionStats::label).containsExactly("first", "second");
        assertThat(q.options()).extracting(OptionStats::rightness).containsOnly(Rightness.UNKNOWN);
    }

    @Test
    void misconceptionPrevalenceCountsStudentsOnceWithTheClaimAndIncludesUnrevealedProbes() {
        List<MisconceptionStats> ms = classReport().misconceptions();
        assertThat(ms).extracting(MisconceptionStats::id).containsExactly(VM, "container-has-own-kernel");
        MisconceptionStats vm = ms.get(0);
        assertThat(vm.revealed()).isEqualTo(2); // carol revealed it three times, dave once
        assertThat(vm.share()).isEqualTo(0.4);
        assertThat(vm.exposed()).hasValue(5);
        assertThat(vm.claim()).isEqualTo("A container is a lightweight virtual machine.");
        assertThat(ms.get(1).revealed()).isZero();
    }

    @Test
    void aMisconceptionTheBankDoesNotKnowHasNoClaim() {
        List<String> results = List.of(result("a", "s1", q("c/x", "text", true, 0, "made-up")));
        MisconceptionStats m = ClassReport.of(parse(results), Fixtures.demo()).misconceptions().get(0);
        assertThat(m.claim()).isNull();
        assertThat(m.exposed()).isEmpty();
        assertThat(ClassReportMarkdown.render(ClassReport.of(parse(results), Fixtures.demo())))
                .contains("| made-up | 1 | 100% | ? | (not in the bank) |");
    }

    // --- bad input ---

    @Test
    void aFileThatIsNotAResultIsAOneLineErrorNamingIt() {
        assertBad("{\"assignment\": ", "x.json: not a quizcard result: invalid JSON at line 1");
        assertBad("[1, 2]", "x.json: not a quizcard result: expected a JSON object");
        assertBad("{\"name\": \"alice\"}", "x.json: not a quizcard result: missing \"assignment\"");
        String ok = result("a", "s1", choice("c/q", 1, 3, 0));
        assertBad(ok.replace("\"passed\":true", "\"passed\":\"yes\""), "x.json: not a quizcard result: \"passed\" is not true or false");
        assertBad(ok.replace("\"score\":1.0", "\"score\":3.0"), "\"questions[0].score\" is not between 0 and 1");
        assertBad(ok.replace("\"picks\":[0]", "\"picks\":[7]"), "\"questions[0].picks[0]\" is not an option index below 3");
        assertBad(ok.replace("\"options\":3,", ""), "missing \"questions[0].options\"");
        assertBad(ok.replace(",\"total\":{", ",\"totals\":{"), "missing \"total\"");
    }

    private static void assertBad(String json, String message) {
        assertThatThrownBy(() -> ResultReader.parse("x.json", json)).isInstanceOf(QuizcardException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(((QuizcardException) e).exitCode()).isEqualTo(2))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }

    @Test
    void resultsOfDifferentAssignmentsOrTwoOfOneStudentOrNoneAreRefused() {
        List<Result> mixed = parse(List.of(result("a", "s1", q("c/x", "text", true, 1)),
                result("b", "s2", q("c/x", "text", true, 1))));
        assertThatThrownBy(() -> ClassReport.of(mixed, Fixtures.demo())).isInstanceOf(QuizcardException.class)
                .hasMessageStartingWith("r1.json: a result of assignment b, but r0.json is of a");
        List<Result> twice = parse(List.of(result("a", "s1", q("c/x", "text", true, 1)),
                result("a", "s1", q("c/x", "text", true, 0))));
        assertThatThrownBy(() -> ClassReport.of(twice, Fixtures.demo()))
                .hasMessage("r1.json: student s1 already has a result in r0.json");
        assertThatThrownBy(() -> ClassReport.of(List.of(), Fixtures.demo())).isInstanceOf(QuizcardException.class)
                .hasMessage("no results to report on");
    }

    // --- writers ---

    @Test
    void markdownMatchesTheGoldenFile() throws IOException {
        String md = ClassReportMarkdown.render(classReport());
        Path golden = Path.of("src/test/resources/results/class-report.md");
        if (Boolean.getBoolean("quizcard.golden.update")) Files.writeString(golden, md, StandardCharsets.UTF_8);
        // Regenerate with: mvn test -Dtest=ClassReportTest -Dquizcard.golden.update=true
        assertThat(md).isEqualTo(resource("class-report.md"));
    }

    @Test
    void theSameResultsInAnyOrderGiveByteIdenticalReports() {
        List<String> reversed = new ArrayList<>(CLASS);
        java.util.Collections.reverse(reversed);
        ClassReport a = classReport();
        ClassReport b = ClassReport.of(classResults(reversed), Fixtures.demo());
        assertThat(ClassReportMarkdown.render(b)).isEqualTo(ClassReportMarkdown.render(a));
        assertThat(ClassReportHtml.render(b)).isEqualTo(ClassReportHtml.render(a));
    }

    @Test
    void htmlIsSelfContainedWithInlineSvgCharts() {
        String html = ClassReportHtml.render(classReport());
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
        assertThat(html).contains("<style>", "<svg ", "Content-Security-Policy", "default-src 'none'");
        assertThat(html).doesNotContain("<script", "<link", "http:", "https:", "//", "url(", "@import", "src=");
        assertThat(html).contains("corrected item-total correlation", "nobody picked this distractor", "✓ right",
                "A container is a lightweight virtual machine.");
        assertThat(tags(html)).isSubsetOf(ALLOWED_TAGS);
    }

    private static final Set<String> ALLOWED_TAGS = Set.of("!DOCTYPE", "html", "head", "meta", "title", "style",
            "body", "main", "h1", "h2", "h3", "p", "div", "b", "span", "br", "table", "tr", "th", "td", "svg", "g",
            "rect", "line", "text");

    /** The names of every tag in the page: hostile text that escaped escaping would add one. */
    private static Set<String> tags(String html) {
        Set<String> tags = new TreeSet<>();
        Matcher m = Pattern.compile("</?([!A-Za-z][A-Za-z0-9-]*)").matcher(html);
        while (m.find()) tags.add(m.group(1));
        return tags;
    }

    @Test
    void everyBankAndStudentTextIsEscapedInHtmlAndSvgText() {
        Bank bank = Fixtures.load(
                "evil.yaml", """
                        id: evil
                        title: Evil
                        summary: Hostile texts.
                        sources: [none]
                        questions:
                          - id: pick
                            type: single
                            prompt: "Prompt <script>alert(1)</script> & \\"quoted\\""
                            options:
                              - text: "<b>right</b> & 'single'"
                                correct: true
                              - text: "</svg></td><script>alert(2)</script>"
                                misconception: evil-claim
                            explanation: None.
                        """,
                "misconceptions.yaml", """
                        misconceptions:
                          - id: evil-claim
                            claim: "<img src=x onerror=alert(3)> & \\"claim\\""
                            seems_right: It looks harmless.
                            correction: Escape it.
                            concepts: [evil]
                            sources: [none]
                        """).orThrow();
        List<String> results = List.of(
                result(HOSTILE, HOSTILE, choice("evil/pick", 1, 2, 0), q(HOSTILE + "/q", "text", true, 0, HOSTILE)),
                result(HOSTILE, "bob & <i>", choice("evil/pick", 0, 2, 1, "evil-claim"), q(HOSTILE + "/q", "text", true, 1)),
                result(HOSTILE, "carol", choice("evil/pick", 0, 2, 1, "evil-claim"), q(HOSTILE + "/q", "text", true, 1)));
        ClassReport report = ClassReport.of(parse(results), bank);
        String html = ClassReportHtml.render(report);
        assertThat(tags(html)).isSubsetOf(ALLOWED_TAGS);
        assertThat(html).doesNotContain("<script", "<img", "<b>right", "<i>", "</svg></td><script");
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &quot;quoted&quot; &#39;single&#39; &amp; &amp;amp; &lt;/svg&gt;";
        assertThat(html).contains("<h1>Class report: Title of " + escaped + "</h1>", "<g><title>" + escaped + "</title>", "<td>" + escaped + "</td>",
                "Prompt &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quoted&quot;",
                "&lt;/svg&gt;&lt;/td&gt;&lt;script&gt;alert(2)&lt;/script&gt;",
                "&lt;img src=x onerror=alert(3)&gt; &amp; &quot;claim&quot;", "bob &amp; &lt;i&gt;");
        // In SVG text: the question id not in the bank labels the questions chart (shortened), the
        // misconception id the misconceptions chart.
        assertThat(html).containsPattern("<text [^>]*>&lt;script&gt;alert\\(1\\)&lt;/script&gt; &quot;quoted&quot;[^<]*…</text>");
        assertThat(html).containsPattern("<text [^>]*>&lt;script&gt;alert\\(1\\)&lt;/script&gt; &quot;quoted&quot; &#39;sin…</text>");
        assertThat(html).contains("<title>&lt;b&gt;right&lt;/b&gt; &amp; &#39;single&#39;: 33%</title>");

        String md = ClassReportMarkdown.render(report);
        assertThat(md).doesNotContainPattern("(?<!\\\\)[<>]");
        assertThat(md).contains("\\<script\\>alert(1)\\</script\\>", "\\&amp;", "bob & \\<i\\>");
    }

    @Test
    void markdownEscapesTableBreakersAndBlockMarkers() {
        assertThat(ClassReportMarkdown.escape("a | b\nc")).isEqualTo("a \\| b c");
        assertThat(ClassReportMarkdown.escape("# title")).isEqualTo("\\# title");
        assertThat(ClassReportMarkdown.escape("R&D &lt; x")).isEqualTo("R&D \\&lt; x");
        assertThat(ClassReportMarkdown.escape("*bold* [link](x) `code`"))
                .isEqualTo("\\*bold\\* \\[link\\](x) \\`code\\`");
    }

    @Test
    void longSvgLabelsAreShortenedByCodePoints() {
        assertThat(ClassReportHtml.shorten("abcdef", 6)).isEqualTo("abcdef");
        assertThat(ClassReportHtml.shorten("abcdefg", 6)).isEqualTo("abcde…");
        assertThat(ClassReportHtml.shorten("😀😀😀😀", 3)).isEqualTo("😀😀…");
    }

    // --- building results by hand ---

    private static List<Result> parse(List<String> jsons) {
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < jsons.size(); i++) results.add(ResultReader.parse("r" + i + ".json", jsons.get(i)));
        return results;
    }

    /** A question of a result, worth one point. */
    static Map<String, Object> q(String id, String type, boolean answered, double score, String... misconceptions) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("id", id);
        q.put("concept", id.substring(0, Math.max(0, id.indexOf('/'))));
        q.put("type", type);
        q.put("line", answered ? 3 : 0);
        q.put("answered", answered);
        q.put("response", answered ? "x" : "");
        q.put("score", score);
        q.put("points", 1.0);
        q.put("earned", score);
        q.put("misconceptions", List.of(misconceptions));
        return q;
    }

    /** A single-choice question of a result with {@code options} options, of which the student picked {@code pick}. */
    static Map<String, Object> choice(String id, double score, int options, int pick, String... misconceptions) {
        Map<String, Object> q = q(id, "single", true, score, misconceptions);
        Map<String, Object> ordered = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (k.equals("score")) {
                ordered.put("picks", List.of(pick));
                ordered.put("options", options);
            }
            ordered.put(k, v);
        });
        return ordered;
    }

    /** A whole result; the total and pass are computed from the questions, with a pass mark of 0.5. */
    @SafeVarargs
    static String result(String assignment, String student, Map<String, Object>... questions) {
        double earned = 0;
        for (Map<String, Object> q : questions) earned += (double) q.get("earned");
        double share = earned / questions.length;
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("earned", earned);
        total.put("points", (double) questions.length);
        total.put("share", Math.round(share * 10000) / 10000.0);
        total.put("passMark", 0.5);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("assignment", assignment);
        r.put("title", "Title of " + assignment);
        r.put("student", student);
        r.put("feedback", "score");
        r.put("questions", List.of(questions));
        r.put("concepts", List.of());
        r.put("total", total);
        r.put("gates", List.of());
        r.put("passed", share >= 0.5);
        return JsonMapper.shared().writeValueAsString(r);
    }
}
