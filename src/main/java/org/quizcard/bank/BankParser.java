package org.quizcard.bank;

import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns the YAML of one bank file into the model: a {@link Concept} from a concept file, or
 * {@link Misconception}s from {@code misconceptions.yaml}. Structural problems (missing fields,
 * wrong types, unknown fields) are collected, never thrown, so one run reports them all.
 *
 * <p>A question with a {@code sealed} field comes from a sealed bank: it holds only what may be
 * shown (no explanation, no right answers), and is bound with placeholders where the answers were;
 * its encrypted original is kept in {@link #sealed()}.
 */
final class BankParser {
    /** The shortest sealed payload: a 12-byte nonce and a 16-byte tag around an empty text. */
    static final int MIN_SEALED_BYTES = 28;

    private final List<Problem> problems;
    private final Map<String, String> sealed = new LinkedHashMap<>();

    BankParser(List<Problem> problems) {
        this.problems = problems;
    }

    /** The payloads of the sealed questions read so far, by ref. */
    Map<String, String> sealed() {
        return sealed;
    }

    Concept concept(YamlNode root) {
        Fields f = Fields.of(root, "a concept file", problems);
        if (f == null) return null;
        String id = f.string("id", true);
        String title = f.string("title", true);
        // a title heads a screen or a table row: one line, whatever the YAML folded into it
        if (title != null) title = title.strip().replaceAll("\\s+", " ");
        String summary = f.string("summary", true);
        List<String> sources = f.strings("sources", true);
        String concept = id == null ? "?" : id;
        List<Question> questions = f.list("questions", true, n -> question(n, concept));
        Map<String, String> lintAllow = f.stringMap("lint-allow", rule -> LintRule.allowProblem(rule, true));
        f.finish();
        return new Concept(concept, title == null ? concept : title, summary == null ? "" : summary,
                sources, questions, f.where(), lintAllow);
    }

    List<Misconception> misconceptions(YamlNode root) {
        Fields f = Fields.of(root, "the misconceptions file", problems);
        if (f == null) return List.of();
        List<Misconception> list = f.list("misconceptions", true, this::misconception);
        f.finish();
        return list;
    }

    /**
     * A misconception; one of a sealed catalogue has its claim and concepts readable, why it seems
     * right, its correction and its sources sealed (a correction often states a right answer).
     */
    private Misconception misconception(YamlNode node) {
        boolean isSealed = node instanceof YamlNode.YamlMap m && m.entries().containsKey("sealed");
        Fields f = Fields.of(node, isSealed ? "a sealed misconception" : "a misconception", problems);
        if (f == null) return null;
        String id = f.string("id", true);
        String claim = f.string("claim", true);
        String seemsRight = isSealed ? "" : f.string("seems_right", true);
        String correction = isSealed ? "" : f.string("correction", true);
        List<String> concepts = f.strings("concepts", true);
        List<String> sources = isSealed ? List.of() : f.strings("sources", true);
        String payload = isSealed ? f.string("sealed", true) : "";
        f.finish();
        if (id == null || claim == null || seemsRight == null || correction == null || payload == null) return null;
        if (isSealed) sealed.putIfAbsent(Bank.misconceptionKey(id), payload);
        return new Misconception(id, claim, seemsRight, correction, concepts, sources, f.where());
    }

    /** One question of {@code concept}; null when it cannot be bound. */
    Question question(YamlNode node, String concept) {
        boolean isSealed = node instanceof YamlNode.YamlMap m && m.entries().containsKey("sealed");
        Fields f = Fields.of(node, isSealed ? "a sealed question" : "a question", problems);
        if (f == null) return null;
        String id = f.string("id", true);
        String typeName = f.string("type", true);
        String prompt = f.string("prompt", true);
        String explanation = isSealed ? null : f.string("explanation", false);
        String hint = f.string("hint", false);
        List<String> tags = f.strings("tags", false);
        List<String> sources = f.strings("sources", false);
        Map<String, String> lintAllow = f.stringMap("lint-allow", rule -> LintRule.allowProblem(rule, false));
        Optional<QuestionType> type = Optional.ofNullable(typeName).flatMap(QuestionType::fromYaml);
        if (typeName != null && type.isEmpty()) {
            problems.add(Problem.error(f.node("type").where(), "unknown question type '" + typeName
                    + "' (one of single, multiple, truefalse, text, numeric, order, match, cloze, flashcard)"));
        }
        Question.Common common = new Question.Common(concept, id == null ? "?" : id, prompt == null ? "" : prompt,
                explanation == null ? "" : explanation, hint, tags, sources, f.where(), lintAllow);
        Question q = type.map(t -> typed(t, common, f, isSealed)).orElse(null);
        if (type.isEmpty()) {
            f.allow("options", "answer", "misconception", "answers", "regex", "wrong", "tolerance", "unit",
                    "items", "pairs", "text", "blanks", "back", "explanation");
        }
        if (isSealed) {
            String payload = sealedPayload(f, common.id());
            if (payload != null) sealed.putIfAbsent(common.ref(), payload);
        }
        f.finish();
        return id == null || prompt == null ? null : q;
    }

    /**
     * The base64 payload of a sealed question, checked for its form only (the key checks the rest).
     * A malformed one is reported but still returned, so the question counts as sealed.
     */
    private String sealedPayload(Fields f, String id) {
        String payload = f.string("sealed", true);
        if (payload == null) return "";
        try {
            if (Base64.getDecoder().decode(payload).length >= MIN_SEALED_BYTES) return payload;
        } catch (IllegalArgumentException e) {
            // reported below
        }
        problems.add(Problem.error(f.node("sealed").where(), "question '" + id
                + "': 'sealed' is not sealed data (base64 of a nonce and a ciphertext)"));
        return payload;
    }

    /**
     * The answers of a question of {@code type}; a sealed question holds only what a learner may
     * see, and gets placeholders for the rest.
     */
    private Question typed(QuestionType type, Question.Common c, Fields f, boolean sealed) {
        return switch (type) {
            case SINGLE -> new Question.Single(c, f.list("options", true, n -> option(n, sealed)));
            case MULTIPLE -> new Question.Multiple(c, f.list("options", true, n -> option(n, sealed)));
            case TRUEFALSE -> {
                Boolean answer = sealed ? null : f.bool("answer", true);
                yield new Question.TrueFalse(c, answer != null && answer,
                        sealed ? null : f.string("misconception", false));
            }
            case TEXT -> sealed ? new Question.Text(c, List.of(), null, List.of())
                    : new Question.Text(c, f.strings("answers", true), f.string("regex", false),
                            f.list("wrong", false, this::wrongAnswer));
            case NUMERIC -> {
                Double answer = sealed ? null : f.number("answer", true);
                Double tolerance = sealed ? null : f.number("tolerance", false);
                yield new Question.Numeric(c, answer == null ? 0 : answer, tolerance == null ? 0 : tolerance,
                        f.string("unit", false));
            }
            case ORDER -> new Question.Order(c, f.strings("items", true));
            case MATCH -> new Question.Match(c, f.list("pairs", true, this::pair));
            case CLOZE -> {
                String text = f.string("text", true);
                yield new Question.Cloze(c, text == null ? "" : text, f.list("blanks", true, n -> blank(n, sealed)));
            }
            case FLASHCARD -> {
                String back = sealed ? "" : f.string("back", true);
                yield new Question.Flashcard(c, back == null ? "" : back);
            }
        };
    }

    private Question.Option option(YamlNode node, boolean sealed) {
        Fields f = Fields.of(node, sealed ? "an option of a sealed question" : "an option", problems);
        if (f == null) return null;
        String text = f.has("text") ? f.text(f.node("text"), "text") : null;
        if (!f.has("text")) problems.add(Problem.error(f.where(), "an option needs 'text'"));
        if (sealed) {
            f.finish();
            return text == null ? null : new Question.Option(text, false, null, f.where());
        }
        Boolean correct = f.bool("correct", false);
        String misconception = f.string("misconception", false);
        String explanation = f.string("explanation", false);
        f.finish();
        return text == null ? null
                : new Question.Option(text, correct != null && correct, misconception, explanation, f.where());
    }

    private Question.WrongAnswer wrongAnswer(YamlNode node) {
        Fields f = Fields.of(node, "a wrong answer", problems);
        if (f == null) return null;
        String answer = f.has("answer") ? f.text(f.node("answer"), "answer") : null;
        if (!f.has("answer")) problems.add(Problem.error(f.where(), "a wrong answer needs 'answer'"));
        String misconception = f.string("misconception", true);
        f.finish();
        return answer == null ? null : new Question.WrongAnswer(answer, misconception, f.where());
    }

    private Question.Pair pair(YamlNode node) {
        Fields f = Fields.of(node, "a pair", problems);
        if (f == null) return null;
        String left = f.string("left", true);
        String right = f.string("right", true);
        f.finish();
        return left == null || right == null ? null : new Question.Pair(left, right, f.where());
    }

    private Question.Blank blank(YamlNode node, boolean sealed) {
        Fields f = Fields.of(node, sealed ? "a blank of a sealed question" : "a blank", problems);
        if (f == null) return null;
        List<String> answers = sealed ? List.of() : f.strings("answers", false);
        List<Question.WrongAnswer> wrong = sealed ? List.of() : f.list("wrong", false, this::wrongAnswer);
        f.finish();
        return new Question.Blank(answers, wrong, f.where());
    }
}
