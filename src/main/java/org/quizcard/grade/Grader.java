package org.quizcard.grade;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Question;
import org.quizcard.check.Checker;
import org.quizcard.check.Response;
import org.quizcard.check.ResponseParser;
import org.quizcard.check.Verdict;

/**
 * Grades an answers file against a student's variant with the same checking as a study session,
 * so a question scores the same in a terminal and in CI. Pure: same inputs, same result.
 */
public final class Grader {
    private Grader() {
    }

    public static Result grade(Variant v, AnswersFile answers) {
        Assignment a = v.assignment();
        List<String> errors = new ArrayList<>();
        if (!a.id().equals(answers.assignment())) {
            errors.add(answers.file() + ": answers are for assignment '" + answers.assignment() + "', not '" + a.id() + "'");
        }
        Set<String> inVariant = new LinkedHashSet<>();
        v.items().forEach(i -> inVariant.add(i.question().ref()));
        answers.responses().forEach((ref, entry) -> {
            if (!inVariant.contains(ref)) {
                errors.add(entry.where().file() + ":" + entry.where().line() + ": '" + ref
                        + "' is not a question of this student's variant");
            }
        });
        List<Result.QuestionResult> results = new ArrayList<>();
        for (Variant.Item item : v.items()) {
            AnswersFile.Entry entry = answers.responses().get(item.question().ref());
            if (entry == null || entry.isEmpty()) {
                results.add(new Result.QuestionResult(item, entry == null ? 0 : entry.where().line(), false, "", List.of(),
                        0, 0, List.of(), List.of()));
                continue;
            }
            Object parsed = parse(item, entry);
            if (parsed instanceof String hint) {
                errors.add(entry.where().file() + ":" + entry.where().line() + ": the response to '" + item.question().ref()
                        + "' cannot be read: " + hint);
                continue;
            }
            Response response = (Response) parsed;
            Verdict verdict = Checker.check(item.question(), response);
            List<Integer> picks = response instanceof Response.Choice c ? c.picks().stream().sorted().toList() : List.of();
            results.add(new Result.QuestionResult(item, entry.where().line(), true, entry.text(), picks, verdict.score(),
                    verdict.score() * item.points(), verdict.misconceptions().stream().sorted().toList(), verdict.notes()));
        }
        if (!errors.isEmpty()) {
            List<String> next = errors.subList(1, Math.min(errors.size(), 3));
            String more = errors.size() == 1 ? "" : " (and " + (errors.size() - 1) + " more: " + String.join("; ", next)
                    + (errors.size() > 3 ? "; ..." : "") + ")";
            throw QuizcardException.badInput(errors.get(0) + more);
        }
        return summarise(v, answers, results);
    }

    /** A response, or the hint saying why the text is not one. */
    private static Object parse(Variant.Item item, AnswersFile.Entry entry) {
        Question q = item.question();
        if (q instanceof Question.Cloze z) {
            List<String> blanks = entry.values().size() == 1 && z.blanks().size() > 1
                    ? List.of(entry.values().get(0).split(";", -1)) : entry.values();
            if (blanks.size() != z.blanks().size()) {
                return "give one entry per blank (" + z.blanks().size() + ")";
            }
            return new Response.Blanks(blanks.stream().map(String::strip).toList());
        }
        String text = String.join(" ", entry.values());
        ResponseParser.Parsed p = ResponseParser.parseForGrading(q, item.presentation(), text);
        return p.isValid() ? p.response() : p.hint();
    }

    private static Result summarise(Variant v, AnswersFile answers, List<Result.QuestionResult> results) {
        Assignment a = v.assignment();
        Map<String, double[]> perConcept = new LinkedHashMap<>();
        double earned = 0;
        double points = 0;
        Set<String> revealed = new LinkedHashSet<>();
        for (Result.QuestionResult r : results) {
            double[] c = perConcept.computeIfAbsent(r.item().question().concept(), k -> new double[2]);
            c[0] += r.earned();
            c[1] += r.item().points();
            earned += r.earned();
            points += r.item().points();
            revealed.addAll(r.misconceptions());
        }
        boolean passed = points > 0 && earned / points + 1e-9 >= a.passOverall();
        List<Result.ConceptResult> concepts = new ArrayList<>();
        for (Map.Entry<String, double[]> e : perConcept.entrySet()) {
            Double mark = a.passConcepts().get(e.getKey());
            double share = e.getValue()[1] == 0 ? 0 : e.getValue()[0] / e.getValue()[1];
            boolean ok = mark == null || share + 1e-9 >= mark;
            passed &= ok;
            concepts.add(new Result.ConceptResult(e.getKey(), e.getValue()[0], e.getValue()[1], mark, ok));
        }
        List<Result.Gate> gates = new ArrayList<>();
        for (String g : a.gates()) {
            boolean hit = revealed.contains(g);
            passed &= !hit;
            gates.add(new Result.Gate(g, hit));
        }
        return new Result(a, v.student(), answers.file(), results, concepts, earned, points, gates, passed);
    }
}
