package org.quizcard.grade;

import static org.quizcard.grade.ReportText.round;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.quizcard.bank.Question;
import tools.jackson.databind.json.JsonMapper;

/**
 * The full result as JSON, as documented in docs/grading.md (never with right answers). Each
 * record below is one object of it, its fields in order; a field the feedback level withholds is
 * null and left out.
 */
final class JsonReport {
    private JsonReport() {
    }

    private record ResultJson(String assignment, String title, String student, String feedback,
                              List<QuestionJson> questions, List<ConceptJson> concepts,
                              TotalJson total, List<GateJson> gates, boolean passed) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record QuestionJson(String id, String concept, String type, int line, boolean answered,
                                String response, List<Integer> picks, Integer options,
                                double points, Double score, Double earned,
                                List<String> misconceptions) { }

    /** A concept's pass mark is written even when it has none: {@code null}. */
    private record ConceptJson(String concept,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double earned,
                               double points,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Double share,
                               Double passMark, boolean passed) { }

    private record TotalJson(double earned, double points, double share, double passMark) { }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    private record GateJson(String misconception, Boolean revealed) { }

    static String render(Disclosure d) {
        Result result = d.result();
        Assignment a = result.assignment();
        boolean scores = d.level().showsScores();
        boolean misconceptions = d.level().showsMisconceptions();
        List<QuestionJson> questions = result.questions().stream().map(q -> {
            Question question = q.item().question();
            Integer options = question instanceof Question.Choice c ? c.options().size() : null;
            return new QuestionJson(q.id(), question.concept(), question.type().yamlName(),
                    q.line(), q.answered(), q.response(), options == null ? null : q.picks(),
                    options, round(q.item().points()), scores ? round(q.score()) : null,
                    scores ? round(q.earned()) : null, misconceptions ? q.misconceptions() : null);
        }).toList();
        List<ConceptJson> concepts = result.concepts().stream()
                .map(c -> new ConceptJson(c.concept(), scores ? round(c.earned()) : null,
                        round(c.points()), scores ? round(c.share()) : null, c.passMark(),
                        c.passed()))
                .toList();
        List<GateJson> gates = result.gates().stream()
                .map(g -> new GateJson(g.misconception(), misconceptions ? g.revealed() : null))
                .toList();
        TotalJson total = new TotalJson(round(result.earned()), round(result.points()),
                round(result.share()), a.passOverall());
        ResultJson json = new ResultJson(a.id(), a.title(), result.student(), d.level().yamlName(),
                questions, concepts, total, gates, result.passed());
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsString(json) + "\n";
    }
}
