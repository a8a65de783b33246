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
        ClassReport.Result r = ClassReport.parse("alice.json", json);
        assertThat(r.share()).isEqualTo(6.0 / 11);
        assertThat(ClassReportMarkdown.percent1(r.share())).isEqualTo("54.5%");
    }
}
