package org.quizcard.grade;

import static org.quizcard.grade.ReportText.round;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.quizcard.bank.Question;
import tools.jackson.databind.json.JsonMapper;

/** The full result as JSON, as documented in docs/grading.md (never with right answers). */
final class JsonReport {
    private JsonReport() {
    }

    static String render(Disclosure d) {
        Result result = d.result();
        Assignment.Feedback level = d.level();
        Map<String, Object> root = new LinkedHashMap<>();
        Assignment a = result.assignment();
        root.put("assignment", a.id());
        root.put("title", a.title());
        root.put("student", result.student());
        root.put("feedback", level.yamlName());
        List<Object> questions = new ArrayList<>();
        for (Result.QuestionResult q : result.questions()) {
            Map<String, Object> m = new LinkedHashMap<>();
            Question question = q.item().question();
            m.put("id", q.id());
            m.put("concept", question.concept());
            m.put("type", question.type().yamlName());
            m.put("line", q.line());
            m.put("answered", q.answered());
            m.put("response", q.response());
            if (question instanceof Question.Choice c) {
                m.put("picks", q.picks());
                m.put("options", c.options().size());
            }
            m.put("points", round(q.item().points()));
            if (level.showsScores()) {
                m.put("score", round(q.score()));
                m.put("earned", round(q.earned()));
            }
            if (level.showsMisconceptions()) m.put("misconceptions", q.misconceptions());
            questions.add(m);
        }
        root.put("questions", questions);
        List<Object> concepts = new ArrayList<>();
        for (Result.ConceptResult c : result.concepts()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("concept", c.concept());
            if (level.showsScores()) m.put("earned", round(c.earned()));
            m.put("points", round(c.points()));
            if (level.showsScores()) m.put("share", round(c.share()));
            m.put("passMark", c.passMark());
            m.put("passed", c.passed());
            concepts.add(m);
        }
        root.put("concepts", concepts);
        Map<String, Object> total = new LinkedHashMap<>();
        total.put("earned", round(result.earned()));
        total.put("points", round(result.points()));
        total.put("share", round(result.share()));
        total.put("passMark", a.passOverall());
        root.put("total", total);
        List<Object> gates = new ArrayList<>();
        for (Result.Gate g : result.gates()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("misconception", g.misconception());
            if (level.showsMisconceptions()) m.put("revealed", g.revealed());
            gates.add(m);
        }
        root.put("gates", gates);
        root.put("passed", result.passed());
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
