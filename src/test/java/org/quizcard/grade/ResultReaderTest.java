package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Question;
import org.quizcard.grade.ClassReport.Result;

/**
 * Hostile result files, each one fault away from a real result: wrong types, huge numbers, NaN,
 * duplicate keys, deep nesting, long strings and names, control characters, text that is not
 * JSON. Each refused file gives exactly one line that names the file and what is wrong with it;
 * each accepted one reads as the last of its repeated keys says.
 */
class ResultReaderTest {
    private static final String KERNEL = "\"id\": \"containers/shared-kernel\"";
    private static final String SCORE = "\"score\": 1.0";
    private static final String PICKS = "\"picks\": [\n        0\n      ]";
    private static final String TOTAL = "\"total\": {";
    private static final String GATES = "\"gates\"";
    private static final String PASSED = "\"passed\": true";

    private static String alice() {
        try (InputStream in = ResultReaderTest.class.getResourceAsStream("/results/class/alice.json")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Alice's result with the first {@code from} replaced. */
    private static String swap(String from, String to) {
        String a = alice();
        if (!a.contains(from)) throw new IllegalArgumentException(from);
        return a.replaceFirst(Pattern.quote(from), Matcher.quoteReplacement(to));
    }

    /** Alice's result with the first {@code from} after the last {@code anchor} replaced. */
    private static String swapAfter(String anchor, String from, String to) {
        String a = alice();
        int at = a.lastIndexOf(anchor);
        int i = a.indexOf(from, at);
        if (at < 0 || i < 0) throw new IllegalArgumentException(from);
        return a.substring(0, i) + to + a.substring(i + from.length());
    }

    private static String nest(int depth, String open, String close) {
        return open.repeat(depth) + close.repeat(depth);
    }

    private static String manyKeys() {
        return IntStream.range(0, 20000).mapToObj(i -> "\"k" + i + "\": " + i).collect(Collectors.joining(","));
    }

    /** Each refused file: its text, and the error after {@code x.json: not a quizcard result: }. */
    static Stream<Arguments> refused() {
        Map<String, String[]> refused = new LinkedHashMap<>();
        refused.put("empty", new String[] {"", "expected a JSON object"});
        refused.put("blank", new String[] {"  \n", "expected a JSON object"});
        refused.put("null", new String[] {"null", "expected a JSON object"});
        refused.put("list", new String[] {"[1, 2]", "expected a JSON object"});
        refused.put("number", new String[] {"5", "expected a JSON object"});
        refused.put("string", new String[] {"\"x\"", "expected a JSON object"});
        refused.put("emptyObject", new String[] {"{}", "missing \"assignment\""});
        refused.put("truncated", new String[] {"{\"assignment\": ", "invalid JSON at line 1, column 16"});
        refused.put("trailingObject", new String[] {alice() + " {}", "invalid JSON at line 89, column 2"});
        refused.put("trailingWord", new String[] {alice() + " x", "invalid JSON at line 89, column 2"});
        refused.put("comment", new String[] {"// c\n" + alice(), "invalid JSON at line 1, column 1"});
        refused.put("bom", new String[] {"\uFEFF" + alice(), "invalid JSON at line 1, column 1"});
        refused.put("assignmentNumber", new String[] {swap("\"assignment\": \"containers-week-1\"", "\"assignment\": 5"), "\"assignment\" is not a string"});
        refused.put("assignmentNull", new String[] {swap("\"assignment\": \"containers-week-1\"", "\"assignment\": null"), "missing \"assignment\""});
        refused.put("titleTrue", new String[] {swap("\"title\": \"Containers, week 1\"", "\"title\": true"), "\"title\" is not a string"});
        refused.put("studentList", new String[] {swap("\"student\": \"alice\"", "\"student\": [\"alice\"]"), "\"student\" is not a string"});
        refused.put("studentEmptyList", new String[] {swap("\"student\": \"alice\"", "\"student\": []"), "\"student\" is not a string"});
        refused.put("studentObject", new String[] {swap("\"student\": \"alice\"", "\"student\": {\"a\": 1}"), "\"student\" is not a string"});
        refused.put("studentFloat", new String[] {swap("\"student\": \"alice\"", "\"student\": 1.5"), "\"student\" is not a string"});
        refused.put("studentRawControl", new String[] {swap("\"student\": \"alice\"", "\"student\": \"a\u0001b\""), "invalid JSON at line 4, column 16"});
        refused.put("studentRawNewline", new String[] {swap("\"student\": \"alice\"", "\"student\": \"a\nb\""), "invalid JSON at line 4, column 16"});
        refused.put("rawControlOutside", new String[] {swap("\"student\": \"alice\"", "\"student\":\u0007\"alice\""), "invalid JSON at line 4, column 13"});
        refused.put("questionsObject", new String[] {swap("\"questions\": [", "\"questions\": {\"a\": [")                 .replaceFirst("\\]\\s*,\\s*\"concepts\"", "]}, \"concepts\""), "\"questions\" is not a list"});
        refused.put("questionsString", new String[] {alice().replaceFirst("(?s)\"questions\": \\[.*?\\n  \\],", "\"questions\": \"x\","), "\"questions\" is not a list"});
        refused.put("questionsMissing", new String[] {alice().replaceFirst("(?s)\"questions\": \\[.*?\\n  \\],", ""), "missing \"questions\""});
        refused.put("questionNumber", new String[] {swap("\"questions\": [", "\"questions\": [5, "), "\"questions[0]\" is not an object"});
        refused.put("questionNull", new String[] {swap("\"questions\": [", "\"questions\": [null, "), "\"questions[0]\" is not an object"});
        refused.put("questionList", new String[] {swap("\"questions\": [", "\"questions\": [[], "), "\"questions[0]\" is not an object"});
        refused.put("idNumber", new String[] {swap(KERNEL, "\"id\": 7"), "\"questions[0].id\" is not a string"});
        refused.put("idMissing", new String[] {swap(KERNEL + ",", ""), "missing \"questions[0].id\""});
        refused.put("conceptFalse", new String[] {swap("\"concept\": \"containers\"", "\"concept\": false"), "\"questions[0].concept\" is not a string"});
        refused.put("typeNumber", new String[] {swap("\"type\": \"single\"", "\"type\": 1"), "\"questions[0].type\" is not a string"});
        refused.put("answeredString", new String[] {swap("\"answered\": true", "\"answered\": \"true\""), "\"questions[0].answered\" is not true or false"});
        refused.put("answeredOne", new String[] {swap("\"answered\": true", "\"answered\": 1"), "\"questions[0].answered\" is not true or false"});
        refused.put("answeredZero", new String[] {swap("\"answered\": true", "\"answered\": 0"), "\"questions[0].answered\" is not true or false"});
        refused.put("scoreString", new String[] {swap(SCORE, "\"score\": \"1.0\""), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreTrue", new String[] {swap(SCORE, "\"score\": true"), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreTooBig", new String[] {swap(SCORE, "\"score\": 1.5"), "\"questions[0].score\" is not between 0 and 1"});
        refused.put("scoreNegative", new String[] {swap(SCORE, "\"score\": -0.5"), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreNaN", new String[] {swap(SCORE, "\"score\": NaN"), "invalid JSON at line 18, column 19"});
        refused.put("scoreInfinity", new String[] {swap(SCORE, "\"score\": Infinity"), "invalid JSON at line 18, column 24"});
        refused.put("scoreNaNString", new String[] {swap(SCORE, "\"score\": \"NaN\""), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreHuge", new String[] {swap(SCORE, "\"score\": 1e999"), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreList", new String[] {swap(SCORE, "\"score\": [1.0]"), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreObject", new String[] {swap(SCORE, "\"score\": {}"), "\"questions[0].score\" is not a number of 0 or more"});
        refused.put("scoreLeadingZeros", new String[] {swap(SCORE, "\"score\": 01"), "invalid JSON at line 18, column 17"});
        refused.put("scoreHex", new String[] {swap(SCORE, "\"score\": 0x1"), "invalid JSON at line 18, column 17"});
        refused.put("scorePlus", new String[] {swap(SCORE, "\"score\": +1"), "invalid JSON at line 18, column 17"});
        refused.put("pointsNegative", new String[] {swap("\"points\": 2.0", "\"points\": -2"), "\"questions[0].points\" is not a number of 0 or more"});
        refused.put("pointsHugeInteger", new String[] {swap("\"points\": 2.0", "\"points\": 1" + "0".repeat(400)), "\"questions[0].points\" is not a number of 0 or more"});
        refused.put("pointsTooLongNumber", new String[] {swap("\"points\": 2.0", "\"points\": 1" + "0".repeat(5000)), "invalid JSON"});
        refused.put("pointsLongFraction", new String[] {swap("\"points\": 2.0", "\"points\": 2." + "0".repeat(5000)), "invalid JSON"});
        refused.put("earnedNull", new String[] {swap("\"earned\": 2.0", "\"earned\": null"), "missing \"questions[0].earned\""});
        refused.put("misconceptionsString", new String[] {swap("\"misconceptions\": []", "\"misconceptions\": \"x\""), "\"questions[0].misconceptions\" is not a list"});
        refused.put("misconceptionsObject", new String[] {swap("\"misconceptions\": []", "\"misconceptions\": {}"), "\"questions[0].misconceptions\" is not a list"});
        refused.put("misconceptionNumber", new String[] {swap("\"misconceptions\": []", "\"misconceptions\": [\"a\", 1]"), "\"questions[0].misconceptions[1]\" is not a string"});
        refused.put("misconceptionNull", new String[] {swap("\"misconceptions\": []", "\"misconceptions\": [null]"), "\"questions[0].misconceptions[0]\" is not a string"});
        refused.put("misconceptionList", new String[] {swap("\"misconceptions\": []", "\"misconceptions\": [[\"a\"]]"), "\"questions[0].misconceptions[0]\" is not a string"});
        refused.put("misconceptionsMissing", new String[] {swap(",\n      \"misconceptions\": []", ""), "missing \"questions[0].misconceptions\""});
        refused.put("optionsString", new String[] {swap("\"options\": 3", "\"options\": \"3\""), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsFloat", new String[] {swap("\"options\": 3", "\"options\": 3.0"), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsZero", new String[] {swap("\"options\": 3", "\"options\": 0"), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsHuge", new String[] {swap("\"options\": 3", "\"options\": 100000000"), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsLong", new String[] {swap("\"options\": 3", "\"options\": 4294967299"), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsBig", new String[] {swap("\"options\": 3", "\"options\": 1" + "0".repeat(40)), "\"questions[0].options\" is not a whole number from 1 to " + Question.MAX_PARTS});
        refused.put("optionsNull", new String[] {swap("\"options\": 3", "\"options\": null"), "missing \"questions[0].options\""});
        refused.put("optionsMissing", new String[] {swap("\"options\": 3,", ""), "missing \"questions[0].options\""});
        refused.put("picksString", new String[] {swap(PICKS, "\"picks\": \"0\""), "\"questions[0].picks\" is not a list"});
        refused.put("picksNumber", new String[] {swap(PICKS, "\"picks\": 0"), "\"questions[0].picks\" is not a list"});
        refused.put("picksObject", new String[] {swap(PICKS, "\"picks\": {}"), "\"questions[0].picks\" is not a list"});
        refused.put("picksNull", new String[] {swap(PICKS, "\"picks\": null"), "missing \"questions[0].picks\""});
        refused.put("picksMissing", new String[] {swap(PICKS + ",", ""), "missing \"questions[0].picks\""});
        refused.put("pickFloat", new String[] {swap(PICKS, "\"picks\": [0.0]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickString", new String[] {swap(PICKS, "\"picks\": [\"0\"]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickNull", new String[] {swap(PICKS, "\"picks\": [null]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickNegative", new String[] {swap(PICKS, "\"picks\": [-1]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickTooHigh", new String[] {swap(PICKS, "\"picks\": [3]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickLong", new String[] {swap(PICKS, "\"picks\": [4294967296]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("pickList", new String[] {swap(PICKS, "\"picks\": [[0]]"), "\"questions[0].picks[0]\" is not an option index below 3"});
        refused.put("duplicateQuestion", new String[] {swap("\"id\": \"containers/building-blocks\"", "\"id\": \"containers/shared-kernel\""), "question containers/shared-kernel appears twice"});
        refused.put("totalList", new String[] {swap(TOTAL, "\"totalx\": {").replaceFirst("\"totalx\"", "\"total\": [], \"t\""), "\"total\" is not an object"});
        refused.put("totalString", new String[] {swap(TOTAL, "\"total\": \"x\", \"t\": {"), "\"total\" is not an object"});
        refused.put("totalNull", new String[] {swap(TOTAL, "\"total\": null, \"t\": {"), "missing \"total\""});
        refused.put("totalMissing", new String[] {swap(TOTAL, "\"t\": {"), "missing \"total\""});
        refused.put("totalEarnedHuge", new String[] {swapAfter(TOTAL, "\"earned\": 6.0", "\"earned\": 1e999"), "\"total.earned\" is not a number of 0 or more"});
        refused.put("totalEarnedMissing", new String[] {swapAfter(TOTAL, "\"earned\": 6.0,", ""), "missing \"total.earned\""});
        refused.put("totalShareTooBig", new String[] {swapAfter(TOTAL, "\"share\": 1.0", "\"share\": 1.0000001"), "\"total.share\" is not between 0 and 1"});
        refused.put("totalPassMarkString", new String[] {swapAfter(TOTAL, "\"passMark\": 0.6", "\"passMark\": \"0.6\""), "\"total.passMark\" is not a number of 0 or more"});
        refused.put("passedYes", new String[] {swapAfter(GATES, PASSED, "\"passed\": \"yes\""), "\"passed\" is not true or false"});
        refused.put("passedTrueString", new String[] {swapAfter(GATES, PASSED, "\"passed\": \"true\""), "\"passed\" is not true or false"});
        refused.put("passedZero", new String[] {swapAfter(GATES, PASSED, "\"passed\": 0"), "\"passed\" is not true or false"});
        refused.put("passedNull", new String[] {swapAfter(GATES, PASSED, "\"passed\": null"), "missing \"passed\""});
        refused.put("passedMissing", new String[] {swapAfter(GATES, ",\n  " + PASSED, ""), "missing \"passed\""});
        refused.put("duplicateStudentLastBad", new String[] {swap("\"student\": \"alice\"", "\"student\": \"bob\", \"student\": 5"), "\"student\" is not a string"});
        refused.put("deepRoot", new String[] {nest(2000, "[", "]"), "invalid JSON"});
        refused.put("deepRootObject", new String[] {nest(2000, "{\"a\":", "}"), "invalid JSON"});
        refused.put("deepUnknown", new String[] {swapAfter(GATES, PASSED, PASSED + ", \"extra\": " + nest(2000, "[", "]")), "invalid JSON"});
        refused.put("deepUnknownFirst", new String[] {swap("\"feedback\": \"misconceptions\"", "\"extra\": " + nest(2000, "[", "]")), "invalid JSON"});
        refused.put("deepTitle", new String[] {swap("\"title\": \"Containers, week 1\"", "\"title\": " + nest(2000, "[", "]")), "invalid JSON"});
        refused.put("deepQuestion", new String[] {swap("\"questions\": [", "\"questions\": [" + nest(2000, "[", "]") + ", "), "invalid JSON"});
        refused.put("nest600Unknown", new String[] {swapAfter(GATES, PASSED, PASSED + ", \"extra\": " + nest(600, "[", "]")), "invalid JSON"});
        refused.put("nest1100Unknown", new String[] {swapAfter(GATES, PASSED, PASSED + ", \"extra\": " + nest(1100, "[", "]")), "invalid JSON"});
        refused.put("longKey", new String[] {swapAfter(GATES, PASSED, PASSED + ", \"" + "k".repeat(60_000) + "\": 1"), "invalid JSON"});
        refused.put("badEscape", new String[] {swap("\"student\": \"alice\"", "\"student\": \"a\\qb\""), "invalid JSON at line 4, column 17"});
        refused.put("singleQuotes", new String[] {swap("\"student\": \"alice\"", "'student': 'alice'"), "invalid JSON at line 4, column 3"});
        refused.put("unquotedKey", new String[] {swap("\"student\": \"alice\"", "student: \"alice\""), "invalid JSON at line 4, column 3"});
        refused.put("trailingComma", new String[] {swapAfter(GATES, PASSED, PASSED + ","), "invalid JSON at line 88, column 1"});
        refused.put("nulChar", new String[] {swap("\"student\": \"alice\"", "\"student\": \"alice\"\u0000"), "invalid JSON at line 4, column 21"});
        refused.put("pointsMinusHuge", new String[] {swap("\"points\": 2.0", "\"points\": -1e999"), "\"questions[0].points\" is not a number of 0 or more"});
        refused.put("totalPointsHugeInteger", new String[] {swapAfter(TOTAL, "\"points\": 6.0", "\"points\": 9" + "0".repeat(320)), "\"total.points\" is not a number of 0 or more"});
        refused.put("deepTotal", new String[] {swapAfter(TOTAL, "\"points\": 6.0", "\"points\": " + nest(2000, "[", "]")), "invalid JSON"});
        refused.put("totalEmpty", new String[] {swapAfter(TOTAL, "\"earned\": 6.0,", "\"earned\": {},"), "\"total.earned\" is not a number of 0 or more"});
        return refused.entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()[0], e.getValue()[1]));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void aHostileResultIsRefusedInOneLineNamingTheFileAndTheField(String name, String json, String what) {
        assertThatThrownBy(() -> ResultReader.parse("x.json", json)).isInstanceOf(QuizcardException.class)
                .hasMessage("x.json: not a quizcard result: " + what)
                .satisfies(e -> assertThat(((QuizcardException) e).exitCode()).isEqualTo(2));
    }

    private static Result read(String json) {
        return ResultReader.parse("x.json", json);
    }

    @Test
    void aRealResultReadsWhole() {
        Result r = read(alice());
        assertThat(r.file()).isEqualTo("x.json");
        assertThat(r.assignment()).isEqualTo("containers-week-1");
        assertThat(r.title()).isEqualTo("Containers, week 1");
        assertThat(r.student()).isEqualTo("alice");
        assertThat(r.answers()).extracting(ClassReport.Answer::id).containsExactly("containers/shared-kernel",
                "containers/building-blocks", "containers/vm-statement", "containers/what-is-it");
        ClassReport.Answer kernel = r.answers().get(0);
        assertThat(kernel.picks()).containsExactly(0);
        assertThat(kernel.options()).isEqualTo(3);
        assertThat(kernel.points()).isEqualTo(2.0);
        assertThat(r.answers().get(2).picks()).isEmpty();
        assertThat(r.answers().get(2).options()).isZero();
        assertThat(r.earned()).isEqualTo(6.0);
        assertThat(r.points()).isEqualTo(6.0);
        assertThat(r.passMark()).isEqualTo(0.6);
        assertThat(r.passed()).isTrue();
    }

    @Test
    void aKeyGivenTwiceCountsOnceTheLastTimeWhateverTheFirstHeld() {
        assertThat(read(swap("\"student\": \"alice\"", "\"student\": \"alice\", \"student\": \"bob\"")).student())
                .isEqualTo("bob");
        assertThat(read(swap("\"student\": \"alice\"", "\"student\": 5, \"student\": \"bob\"")).student())
                .isEqualTo("bob");
        assertThat(read(swap(SCORE, "\"score\": 0.0, \"score\": 1.0")).answers().get(0).score()).isEqualTo(1.0);
        assertThat(read(swap("\"questions\": [", "\"questions\": 5, \"questions\": [")).answers()).hasSize(4);
        assertThat(read(swapAfter(TOTAL, "\"earned\": 6.0", "\"earned\": 1, \"earned\": 6.0")).earned()).isEqualTo(6.0);
        assertThat(read(swapAfter(GATES, PASSED, "\"passed\": \"no\", " + PASSED)).passed()).isTrue();
    }

    @Test
    void escapedControlCharactersAndLoneSurrogatesAreKeptForTheWritersToEscape() {
        assertThat(read(swap("\"student\": \"alice\"", "\"student\": \"a\\u0000\\u001b[2J\\u009b\"")).student())
                .isEqualTo("a\u0000\u001b[2J\u009b");
        assertThat(read(swap("\"student\": \"alice\"", "\"student\": \"a\\ud800b\"")).student()).isEqualTo("a\ud800b");
    }

    @Test
    void numbersAreReadAsJsonNumbersOfAnyForm() {
        assertThat(read(swap(SCORE, "\"score\": 1")).answers().get(0).score()).isEqualTo(1.0);
        assertThat(read(swap(SCORE, "\"score\": -0.0")).answers().get(0).score()).isEqualTo(-0.0);
        assertThat(read(swap(SCORE, "\"score\": 1e-999")).answers().get(0).score()).isEqualTo(0.0);
        assertThat(read(swap(SCORE, "\"score\": 0.1000000000000000000000000000001")).answers().get(0).score()).isEqualTo(0.1);
        assertThat(read(swap("\"points\": 2.0", "\"points\": 1" + "0".repeat(30))).answers().get(0).points()).isEqualTo(1e30);
        assertThat(read(swap("\"earned\": 2.0", "\"earned\": 1" + "0".repeat(308))).answers().get(0).earned()).isEqualTo(1e308);
    }

    @Test
    void withoutPointsTheShareIsTheFilesShare() {
        Result r = read(swapAfter(TOTAL, "\"points\": 6.0", "\"points\": 0"));
        assertThat(r.points()).isZero();
        assertThat(r.share()).isEqualTo(1.0);
    }

    @Test
    void picksAreKeptOnceEachAndMayBeMissingOnlyWhenUnanswered() {
        assertThat(read(swap(PICKS, "\"picks\": [0, 0, 2, 0]")).answers().get(0).picks()).containsExactly(0, 2);
        assertThat(read(swap(PICKS, "\"picks\": []")).answers().get(0).picks()).isEmpty();
        Result unanswered = read(swap(PICKS + ",", "").replaceFirst("\"answered\": true", "\"answered\": false"));
        assertThat(unanswered.answers().get(0).picks()).isEmpty();
        assertThat(unanswered.answers().get(0).answered()).isFalse();
    }

    @Test
    void optionsAndPicksOfQuestionsThatAreNotChoicesAreIgnoredWhateverTheyHold() {
        for (String extra : List.of("\"options\": \"x\", \"picks\": {\"a\": [1]},", "\"options\": 2, \"picks\": [1],")) {
            ClassReport.Answer statement = read(swap("\"response\": \"false\",", "\"response\": \"false\", " + extra))
                    .answers().get(2);
            assertThat(statement.picks()).isEmpty();
            assertThat(statement.options()).isZero();
        }
        ClassReport.Answer upper = read(swap("\"type\": \"single\"", "\"type\": \"Single\"")).answers().get(0);
        assertThat(upper.isChoice()).isFalse();
        assertThat(upper.picks()).isEmpty();
    }

    @Test
    void unknownFieldsAreSkippedHoweverManyOrNestedWithinJsonsLimits() {
        assertThat(read(swapAfter(GATES, PASSED, PASSED + ", \"extra\": " + nest(400, "[", "]"))).student()).isEqualTo("alice");
        assertThat(read(swapAfter(GATES, PASSED, PASSED + ", \"x\": {" + manyKeys() + "}")).student()).isEqualTo("alice");
        assertThat(read(alice().replaceFirst("(?s)\"questions\": \\[.*?\\n  \\],", "\"questions\": [],")).answers()).isEmpty();
    }

    @Test
    void longStringsAreReadWhole() {
        String id = "x".repeat(5_000_000);
        assertThat(read(swap("\"student\": \"alice\"", "\"student\": \"" + id + "\"")).student()).isEqualTo(id);
    }
}
