package org.quizcard.grade;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.quizcard.QuizcardException;
import org.quizcard.bank.Question;
import org.quizcard.grade.ClassReport.Answer;
import org.quizcard.grade.ClassReport.Result;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

/**
 * Reads a student's result file, as {@code quizcard grade --json} writes it, for the class
 * report. Jackson binds the text to records; then every field is checked. A file that is not
 * such a result fails in one line that names the file and the field. Pure: it reads texts, not
 * files (the caller bounds how much it reads).
 */
public final class ResultReader {
    /**
     * Binds without converting between JSON types: a score of {@code "1.0"}, a {@code passed} of
     * 1 or a student id of 5 is an error, as it would be for any reader of the documented format.
     * A result carries more than the report needs (responses, lines, concepts, gates): the rest
     * is skipped.
     */
    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private ResultReader() {
    }

    /** A result file as bound; a field the file lacks (or gives as null) is null. */
    private record ResultJson(String assignment, String title, String student, List<QuestionJson> questions,
                              TotalJson total, Boolean passed) { }

    /**
     * One question of a result file. {@code options} and {@code picks} are bound untyped: they
     * mean something only for choice questions, and are checked only there. So are the
     * misconception ids: Jackson's binding of a list of strings takes {@code [["a"]]} for
     * {@code ["a"]} and loses its place in the text after it.
     */
    private record QuestionJson(String id, String concept, String type, Boolean answered, Number score,
                                Number points, Number earned, List<Object> misconceptions, Object options,
                                Object picks) { }

    private record TotalJson(Number earned, Number points, Number share, Number passMark) { }

    /**
     * Reads one result file's text; failures name {@code file} and say what is wrong, in one line.
     * The text is read whole as JSON before any field is bound, so a file that is not JSON (or
     * nests too deep, or holds too long a name or number) is reported as such wherever the fault
     * is, and a key given twice counts once, the last time.
     */
    public static Result parse(String file, String json) {
        JsonNode tree;
        try {
            tree = JSON.readTree(json);
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            String where = at == null || at.getLineNr() < 0 ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw QuizcardException.badInput(file + ": not a quizcard result: invalid JSON" + where);
        }
        Check check = new Check(file);
        ResultJson bound;
        try {
            bound = JSON.treeToValue(tree, ResultJson.class);
        } catch (JacksonException e) {
            throw check.wrongType(e);
        }
        if (bound == null) throw check.fail("expected a JSON object");
        return check.result(bound);
    }

    /** Checks the bound fields of one file, failing in one line that names the file and the key. */
    private record Check(String file) {
        QuizcardException fail(String what) {
            return QuizcardException.badInput(file + ": not a quizcard result: " + what);
        }

        /** What Jackson could not bind, said by the type the field should have had. */
        QuizcardException wrongType(JacksonException e) {
            StringBuilder path = new StringBuilder();
            for (JacksonException.Reference r : e.getPath()) {
                if (r.getPropertyName() != null) {
                    path.append(path.length() == 0 ? "" : ".").append(r.getPropertyName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            if (path.length() == 0) return fail("expected a JSON object");
            Class<?> type = e instanceof MismatchedInputException m ? m.getTargetType() : null;
            String what = type == null ? "cannot be read"
                    : type == String.class ? "is not a string"
                    : type == Boolean.class ? "is not true or false"
                    : Number.class.isAssignableFrom(type) ? "is not a number of 0 or more"
                    : Collection.class.isAssignableFrom(type) ? "is not a list"
                    : "is not an object";
            return fail("\"" + path + "\" " + what);
        }

        <T> T present(T value, String path) {
            if (value == null) throw fail("missing \"" + path + "\"");
            return value;
        }

        double number(Number value, String path) {
            double v = present(value, path).doubleValue();
            if (!Double.isFinite(v) || v < 0) throw fail("\"" + path + "\" is not a number of 0 or more");
            return v;
        }

        double share(Number value, String path) {
            double v = number(value, path);
            if (v > 1) throw fail("\"" + path + "\" is not between 0 and 1");
            return v;
        }

        Result result(ResultJson r) {
            String assignment = present(r.assignment(), "assignment");
            String title = present(r.title(), "title");
            String student = present(r.student(), "student");
            List<QuestionJson> questions = present(r.questions(), "questions");
            List<Answer> answers = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (int i = 0; i < questions.size(); i++) {
                String at = "questions[" + i + "]";
                if (questions.get(i) == null) throw fail("\"" + at + "\" is not an object");
                Answer a = answer(questions.get(i), at + ".");
                if (!seen.add(a.id())) throw fail("question " + a.id() + " appears twice");
                answers.add(a);
            }
            TotalJson total = present(r.total(), "total");
            double earned = number(total.earned(), "total.earned");
            double points = number(total.points(), "total.points");
            double share = share(total.share(), "total.share");
            double passMark = share(total.passMark(), "total.passMark");
            boolean passed = present(r.passed(), "passed");
            // From the points, not the share the file rounds to 4 decimals: 6 of 11 is 54.5%, not 54.6%.
            double exact = points > 0 ? earned / points : share;
            return new Result(file, assignment, title, student, answers, earned, points, exact, passMark, passed);
        }

        Answer answer(QuestionJson q, String path) {
            String id = present(q.id(), path + "id");
            String concept = present(q.concept(), path + "concept");
            String type = present(q.type(), path + "type");
            boolean answered = present(q.answered(), path + "answered");
            double score = share(q.score(), path + "score");
            double points = number(q.points(), path + "points");
            double earned = number(q.earned(), path + "earned");
            List<Object> ids = present(q.misconceptions(), path + "misconceptions");
            List<String> misconceptions = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                if (!(ids.get(i) instanceof String m)) throw fail("\"" + path + "misconceptions[" + i + "]\" is not a string");
                misconceptions.add(m);
            }
            List<Integer> picks = new ArrayList<>();
            int options = 0;
            if (ClassReport.CHOICE_TYPES.contains(type)) {
                options = options(present(q.options(), path + "options"), path);
                if (q.picks() == null) {
                    if (answered) throw fail("missing \"" + path + "picks\"");
                } else {
                    if (!(q.picks() instanceof List<?> given)) throw fail("\"" + path + "picks\" is not a list");
                    for (int i = 0; i < given.size(); i++) {
                        if (!(given.get(i) instanceof Integer p) || p < 0 || p >= options) {
                            throw fail("\"" + path + "picks[" + i + "]\" is not an option index below " + options);
                        }
                        if (!picks.contains(p)) picks.add(p);
                    }
                }
            }
            return new Answer(id, concept, type, answered, picks, options, score, points, earned, misconceptions);
        }

        private int options(Object value, String path) {
            if (!(value instanceof Integer n) || n < 1 || n > Question.MAX_PARTS) {
                throw fail("\"" + path + "options\" is not a whole number from 1 to " + Question.MAX_PARTS);
            }
            return n;
        }
    }
}
