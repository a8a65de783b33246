package org.quizcard.bank;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The semantic checks of a bank: what the YAML structure alone cannot tell, such as duplicate
 * ids, questions without a right answer, references to unknown misconceptions and
 * misconceptions no question probes. Sealed questions hide their answers, so only their structure
 * is checked: ids, option and item counts, repeats, and blanks against {@code ___} marks.
 */
public final class Lint {
    /** Ids are lower-case words joined by hyphens, so {@code concept/id} is safe everywhere. */
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final Bank bank;
    private final List<Problem> problems = new ArrayList<>();
    private final ItemWriting itemWriting = new ItemWriting(problems, this::isSealed);

    private Lint(Bank bank) {
        this.bank = bank;
    }

    /**
     * Checks a loaded bank. {@code withCatalogue} says whether a misconception catalogue was part
     * of it; only then can unprobed misconceptions be reported.
     */
    public static List<Problem> check(Bank bank, boolean withCatalogue) {
        Lint lint = new Lint(bank);
        lint.concepts();
        if (withCatalogue) lint.misconceptions();
        return lint.problems;
    }

    /**
     * Fewest questions in a bank before its concepts are checked on several threads: below it
     * (every shipped bank) starting them costs more than it saves.
     */
    static final int PARALLEL_MIN_QUESTIONS = 5_000;

    /**
     * Checks every concept, each on its own (in parallel when the bank is large: concepts share
     * nothing but the read-only bank), and collects their problems in concept order, so the result
     * is the same either way.
     */
    private void concepts() {
        List<Concept> concepts = bank.concepts();
        List<Concept> earlier = earlierWithSameId(concepts);
        IntStream indexes = IntStream.range(0, concepts.size());
        if (bank.questions().count() >= PARALLEL_MIN_QUESTIONS) indexes = indexes.parallel();
        indexes.mapToObj(i -> new Lint(bank).concept(concepts.get(i), earlier.get(i)))
                .toList()
                .forEach(problems::addAll);
    }

    /** For each concept, the first concept before it with the same id, or null. */
    private static List<Concept> earlierWithSameId(List<Concept> concepts) {
        Map<String, Concept> seen = new HashMap<>();
        List<Concept> earlier = new ArrayList<>(concepts.size());
        for (Concept c : concepts) earlier.add(seen.putIfAbsent(c.id(), c));
        return earlier;
    }

    /** The problems of one concept; {@code first} is an earlier concept with its id, if any. */
    private List<Problem> concept(Concept c, Concept first) {
        if (first != null) {
            error(c.where(), "duplicate concept id '" + c.id() + "' (also in " + first.where().file() + ")");
        }
        if (!ID.matcher(c.id()).matches()) {
            error(c.where(), "concept id '" + c.id() + "' must be lower-case words joined by hyphens");
        }
        String stem = BankFile.stem(c.where().file());
        if (!stem.equals(c.id()) && !c.id().equals("?")) {
            error(c.where(), "concept id '" + c.id() + "' must match the file name '" + stem + ".yaml'");
        }
        Map<String, Question> ids = new HashMap<>();
        for (Question q : c.questions()) {
            Question prior = ids.putIfAbsent(q.id(), q);
            if (prior != null) {
                error(q.common().where(), "duplicate question id '" + q.id() + "' (first at line "
                        + prior.common().where().line() + ")");
            }
            question(q);
        }
        itemWriting.concept(c);
        return problems;
    }

    /** A question's checks; of a sealed question, only what it shows: its shape, not its answers. */
    private void question(Question q) {
        Question.Common c = q.common();
        boolean sealed = isSealed(q);
        if (!ID.matcher(c.id()).matches() && !c.id().equals("?")) {
            error(c.where(), "question id '" + c.id() + "' must be lower-case words joined by hyphens");
        }
        if (!sealed && !(q instanceof Question.Flashcard) && c.explanation().isBlank()) {
            itemWriting.warn(q, LintRule.NO_EXPLANATION, c.where(),
                    "no explanation: a learner who gets it wrong is told the answer, not why");
        }
        if (q instanceof Question.Choice choice) {
            options(choice, sealed);
        } else if (q instanceof Question.Order || q instanceof Question.Match) {
            itemsAndPairs(q);
        } else if (q instanceof Question.Cloze z) {
            cloze(z, sealed);
        } else if (!sealed && q instanceof Question.TrueFalse t) {
            if (t.misconception() == null) {
                itemWriting.warn(q, LintRule.NO_MISCONCEPTION, c.where(), "the wrong answer names no misconception");
            } else {
                reference(c.where(), t.misconception());
            }
        } else if (!sealed && q instanceof Question.Text t) {
            text(t);
        } else if (!sealed && q instanceof Question.Numeric n && n.tolerance() < 0) {
            error(c.where(), "question '" + c.id() + "': tolerance must not be negative");
        }
    }

    /** Order items and match pairs: at least two, none repeated. Sealed banks show these too. */
    private void itemsAndPairs(Question q) {
        Question.Common c = q.common();
        if (q instanceof Question.Order o) {
            if (o.items().size() < 2) error(c.where(), "question '" + c.id() + "': an order needs at least 2 items");
            tooMany(c, o.items().size(), "items");
            duplicates(c, o.items(), "item");
        } else if (q instanceof Question.Match m) {
            if (m.pairs().size() < 2) error(c.where(), "question '" + c.id() + "': a match needs at least 2 pairs");
            tooMany(c, m.pairs().size(), "pairs");
            duplicates(c, m.pairs().stream().map(Question.Pair::left).toList(), "left item");
            duplicates(c, m.pairs().stream().map(Question.Pair::right).toList(), "right item");
        }
    }

    private boolean isSealed(Question q) {
        return bank.sealed().containsKey(q.ref());
    }

    /** The options of a choice question; of a sealed one, only their number and repeats. */
    private void options(Question.Choice q, boolean sealed) {
        Question.Common c = q.common();
        List<Question.Option> options = q.options();
        if (options.size() < 2) {
            error(c.where(), "question '" + c.id() + "' has fewer than 2 options");
        }
        tooMany(c, options.size(), "options");
        long right = options.stream().filter(Question.Option::correct).count();
        if (!sealed && right == 0) {
            error(c.where(), "question '" + c.id() + "' has no right option (mark one with 'correct: true')");
        } else if (!sealed && q instanceof Question.Single && right > 1) {
            error(c.where(), "question '" + c.id() + "' is ambiguous: " + right
                    + " options are marked correct in a single-choice question");
        }
        duplicates(c, options.stream().map(Question.Option::text).toList(), "option");
        if (sealed) return;
        for (Question.Option o : options) {
            if (o.correct() && o.misconception() != null) {
                error(o.where(), "a right option cannot reveal a misconception");
            } else if (!o.correct() && o.misconception() == null) {
                itemWriting.warn(q, LintRule.NO_MISCONCEPTION, o.where(),
                        "wrong option '" + ItemWriting.abbreviate(o.text()) + "' names no misconception");
            } else if (o.misconception() != null) {
                reference(o.where(), o.misconception());
            }
        }
    }

    private void text(Question.Text t) {
        Question.Common c = t.common();
        if (t.answers().isEmpty() && t.regex() == null) {
            error(c.where(), "question '" + c.id() + "' accepts no answer");
        }
        String regexProblem = t.regex() == null ? null : AnswerPattern.problem(t.regex());
        if (regexProblem != null) error(c.where(), "question '" + c.id() + "': " + regexProblem);
        wrongAnswers(c, t.answers(), t.wrong());
    }

    /** The blanks of a cloze against its text; of a sealed one, only their number. */
    private void cloze(Question.Cloze z, boolean sealed) {
        Question.Common c = z.common();
        int blanks = z.parts().size() - 1;
        tooMany(c, blanks, "blanks");
        if (blanks == 0) {
            error(c.where(), "question '" + c.id() + "': the text has no blank (write " + Question.Cloze.BLANK + ")");
        } else if (blanks != z.blanks().size()) {
            error(c.where(), "question '" + c.id() + "': the text has " + blanks + " blanks but "
                    + z.blanks().size() + " are described");
        }
        if (sealed) return;
        for (int i = 0; i < z.blanks().size(); i++) {
            Question.Blank b = z.blanks().get(i);
            if (b.answers().isEmpty()) {
                error(b.where(), "blank " + (i + 1) + " of question '" + c.id() + "' has no answers");
            }
            wrongAnswers(c, b.answers(), b.wrong());
        }
    }

    private void wrongAnswers(Question.Common c, List<String> accepted, List<Question.WrongAnswer> wrong) {
        Set<String> right = new HashSet<>();
        accepted.forEach(a -> right.add(Answers.normalise(a)));
        for (Question.WrongAnswer w : wrong) {
            if (right.contains(Answers.normalise(w.answer()))) {
                error(w.where(), "'" + w.answer() + "' of question '" + c.id() + "' is both accepted and wrong");
            }
            if (w.misconception() != null) reference(w.where(), w.misconception());
        }
    }

    private void misconceptions() {
        Map<String, Integer> probes = bank.probeCounts();
        for (Misconception m : bank.misconceptions().values()) {
            if (!ID.matcher(m.id()).matches()) {
                error(m.where(), "misconception id '" + m.id() + "' must be lower-case words joined by hyphens");
            }
            // Sealed questions hide which misconceptions they probe.
            if (probes.getOrDefault(m.id(), 0) == 0 && !bank.isSealed()) {
                error(m.where(), "misconception '" + m.id() + "' is probed by no question");
            }
        }
    }

    private void reference(Position where, String misconception) {
        if (!bank.misconceptions().containsKey(misconception)) {
            error(where, "unknown misconception '" + misconception + "'");
        }
    }

    /** More parts than any way of answering can name. */
    private void tooMany(Question.Common c, int count, String what) {
        if (count > Question.MAX_PARTS) {
            error(c.where(), "question '" + c.id() + "' has " + count + " " + what + "; at most " + Question.MAX_PARTS
                    + " can be answered (letters a to z)");
        }
    }

    private void duplicates(Question.Common c, List<String> values, String what) {
        Set<String> seen = new HashSet<>();
        for (String v : values) {
            if (!seen.add(Answers.normalise(v))) {
                error(c.where(), "question '" + c.id() + "' has the " + what + " '" + ItemWriting.abbreviate(v) + "' twice");
            }
        }
    }

    private void error(Position where, String message) {
        problems.add(Problem.error(where, message));
    }
}
