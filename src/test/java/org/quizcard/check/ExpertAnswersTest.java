package org.quizcard.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.quizcard.bank.Bank;
import org.quizcard.bank.BankFile;
import org.quizcard.bank.BankLoader;
import org.quizcard.bank.Question;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The shipped banks judge typed answers as an expert does: every answer of
 * {@code expert/typed-answers.yaml} and of the held-out {@code expert/held-out-answers.yaml},
 * which two examiners wrote from the prompts alone, right or wrong as the examiner said. A
 * cloze's blanks are separated by {@code " | "}.
 */
class ExpertAnswersTest {
    private final Bank bank = BankLoader.load(BankFile.shipped()).orThrow();

    @ParameterizedTest
    @ValueSource(strings = {"/expert/typed-answers.yaml", "/expert/held-out-answers.yaml"})
    void everyTypedAnswerIsJudgedAsTheExpertJudgedIt(String file) throws Exception {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream(file)) {
            cases = YAMLMapper.builder().build().readTree(in).get("cases");
        }
        List<String> disagreements = new ArrayList<>();
        int judged = 0;
        for (JsonNode c : cases) {
            String ref = c.get("question").asString();
            Question q = bank.question(ref).orElseThrow(() -> new AssertionError("no question " + ref));
            for (JsonNode a : c.get("answers")) {
                String typed = a.get("typed").asString();
                boolean expertRight = a.get("verdict").asString().equals("right");
                Verdict v = verdict(q, typed);
                // A number with a remark ("1 (the host's kernel)") is asked for again, alone: the
                // remark could be right or wrong, and quizcard judges only the number.
                if (v == null && q instanceof Question.Numeric && typed.contains("(")) continue;
                boolean right = v != null && v.outcome() == Verdict.Outcome.RIGHT;
                judged++;
                if (right != expertRight) {
                    disagreements.add(ref + ": '" + typed + "' judged " + (right ? "right" : "wrong") + ", expert says "
                            + (expertRight ? "right" : "wrong") + (a.has("why") ? " (" + a.get("why").asString() + ")" : "")
                            + (v == null ? "" : " " + v.notes()));
                }
            }
        }
        assertThat(judged).isGreaterThan(200);
        assertThat(disagreements).isEmpty();
    }

    /** The verdict on what was typed, or null when quizcard would ask again (not an answer at all). */
    private static Verdict verdict(Question q, String typed) {
        if (q instanceof Question.Cloze) {
            return Checker.check(q, new Response.Blanks(Arrays.asList(typed.split(" \\| ", -1))));
        }
        ResponseParser.Parsed parsed = ResponseParser.parse(q, Presentation.identity(q), typed);
        return parsed.isValid() ? Checker.check(q, parsed.response()) : null;
    }
}
