package org.quizcard.grade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ClassReportSharesTest {
    @Test
    void aStudentsShareComesFromTheExactPointsNotTheRoundedShare() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/results/class/alice.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        json = json.replace("\"earned\": 6.0,\n    \"points\": 6.0,\n    \"share\": 1.0,",
                "\"earned\": 6.0,\n    \"points\": 11.0,\n    \"share\": 0.5455,");
        ClassReport.Result r = ResultReader.parse("alice.json", json);
        assertThat(r.share()).isEqualTo(6.0 / 11);
        assertThat(ClassReportMarkdown.percent1(r.share())).isEqualTo("54.5%");
    }

    @Test
    void discriminationIsUndefinedWhenEveryStudentHasTheSameTotal() throws Exception {
        String json;
        try (InputStream in = getClass().getResourceAsStream("/results/class/alice.json")) {
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // three students with the same total, 5 of 6 points, but not the same question wrong
        String item = "\"score\": 1.0,\n      \"points\": 1.0,\n      \"earned\": 1.0";
        String missed = "\"score\": 0.0,\n      \"points\": 1.0,\n      \"earned\": 0.0";
        String total = json.replace("\"earned\": 6.0,\n    \"points\": 6.0,\n    \"share\": 1.0,",
                "\"earned\": 5.0,\n    \"points\": 6.0,\n    \"share\": 0.8333,");
        int first = total.indexOf(item);
        int last = total.lastIndexOf(item);
        assertThat(first).isLessThan(last);
        String firstWrong = total.substring(0, first) + missed + total.substring(first + item.length());
        String lastWrong = total.substring(0, last) + missed + total.substring(last + item.length());
        String a = firstWrong.replace("\"student\": \"alice\"", "\"student\": \"s1\"");
        String b = lastWrong.replace("\"student\": \"alice\"", "\"student\": \"s2\"");
        String c = firstWrong.replace("\"student\": \"alice\"", "\"student\": \"s3\"");
        ClassReport report = ClassReport.of(java.util.List.of(ResultReader.parse("a", a), ResultReader.parse("b", b),
                ResultReader.parse("c", c)), org.quizcard.bank.Fixtures.demo());
        assertThat(report.questions()).allSatisfy(q -> assertThat(q.discrimination()).isEmpty());
    }
}
