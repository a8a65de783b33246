package org.quizcard.bank;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One question of a bank. Each type is its own record; what every question shares lives in
 * {@link Common}.
 */
public sealed interface Question {
    /**
     * Most options of a choice question, items of an order, pairs of a match and blanks of a
     * cloze: every way of answering can name them, by a letter from a to z or a number.
     */
    int MAX_PARTS = 26;

    /**
     * What every question has, whatever its type. {@code lintAllow} maps the ids of lint rules
     * the author silenced on this question to the reason given.
     */
    record Common(String concept, String id, String prompt, String explanation, String hint,
                  List<String> tags, List<String> sources, Position where, Map<String, String> lintAllow) {
        public Common {
            tags = List.copyOf(tags);
            sources = List.copyOf(sources);
            lintAllow = Map.copyOf(lintAllow);
        }

        /** A question that silences no lint rule. */
        public Common(String concept, String id, String prompt, String explanation, String hint,
                      List<String> tags, List<String> sources, Position where) {
            this(concept, id, prompt, explanation, hint, tags, sources, where, Map.of());
        }

        /** The global id, {@code concept/id}. */
        public String ref() {
            return concept + "/" + id;
        }
    }

    /**
     * An option of a choice question; a wrong one may name the misconception picking it reveals.
     * {@code explanation}, when there is one, is shown to a learner who picked it (an LMS's
     * per-answer feedback).
     */
    record Option(String text, boolean correct, String misconception, String explanation, Position where) {
        /** An option without an explanation of its own. */
        public Option(String text, boolean correct, String misconception, Position where) {
            this(text, correct, misconception, null, where);
        }
    }

    /** A known wrong typed answer and the misconception it reveals. */
    record WrongAnswer(String answer, String misconception, Position where) { }

    /** One blank of a cloze: the answers it accepts and the known wrong ones. */
    record Blank(List<String> answers, List<WrongAnswer> wrong, Position where) {
        public Blank {
            answers = List.copyOf(answers);
            wrong = List.copyOf(wrong);
        }
    }

    /** One pair of a match question. */
    record Pair(String left, String right, Position where) { }

    /** A question answered by picking options: {@link Single} or {@link Multiple}. */
    sealed interface Choice extends Question {
        List<Option> options();
    }

    /** One right option among several. */
    record Single(Common common, List<Option> options) implements Choice {
        public Single {
            options = List.copyOf(options);
        }
    }

    /** Select all that apply. */
    record Multiple(Common common, List<Option> options) implements Choice {
        public Multiple {
            options = List.copyOf(options);
        }
    }

    /** A statement that is true or false; answering wrongly may reveal a misconception. */
    record TrueFalse(Common common, boolean answer, String misconception) implements Question { }

    /** A typed answer, normalised before comparison; an optional regex accepts variants. */
    record Text(Common common, List<String> answers, String regex, List<WrongAnswer> wrong) implements Question {
        public Text {
            answers = List.copyOf(answers);
            wrong = List.copyOf(wrong);
        }
    }

    /** A number within a tolerance, with an optional unit. */
    record Numeric(Common common, double answer, double tolerance, String unit) implements Question { }

    /** Items to put in order; {@code items} is the right order. */
    record Order(Common common, List<String> items) implements Question {
        public Order {
            items = List.copyOf(items);
        }
    }

    /** Left items to pair with right items; {@code pairs} are the right pairs. */
    record Match(Common common, List<Pair> pairs) implements Question {
        public Match {
            pairs = List.copyOf(pairs);
        }
    }

    /** A sentence with blanks written {@code ___}, filled blank by blank. */
    record Cloze(Common common, String text, List<Blank> blanks) implements Question {
        /** How a blank is written in the text. */
        public static final String BLANK = "___";

        public Cloze {
            blanks = List.copyOf(blanks);
        }

        /** The text split around its blanks: one more part than there are blanks. */
        public List<String> parts() {
            List<String> parts = new ArrayList<>();
            int from = 0;
            int at;
            while ((at = text.indexOf(BLANK, from)) >= 0) {
                parts.add(text.substring(from, at));
                from = at + BLANK.length();
            }
            parts.add(text.substring(from));
            return parts;
        }
    }

    /** A card the learner recalls and rates; the prompt is its front. */
    record Flashcard(Common common, String back) implements Question { }

    Common common();

    /** The same question with other common fields (another id, say); its answers are kept. */
    default Question with(Common c) {
        return switch (type()) {
            case SINGLE -> new Single(c, ((Single) this).options());
            case MULTIPLE -> new Multiple(c, ((Multiple) this).options());
            case TRUEFALSE -> new TrueFalse(c, ((TrueFalse) this).answer(), ((TrueFalse) this).misconception());
            case TEXT -> new Text(c, ((Text) this).answers(), ((Text) this).regex(), ((Text) this).wrong());
            case NUMERIC -> new Numeric(c, ((Numeric) this).answer(), ((Numeric) this).tolerance(), ((Numeric) this).unit());
            case ORDER -> new Order(c, ((Order) this).items());
            case MATCH -> new Match(c, ((Match) this).pairs());
            case CLOZE -> new Cloze(c, ((Cloze) this).text(), ((Cloze) this).blanks());
            case FLASHCARD -> new Flashcard(c, ((Flashcard) this).back());
        };
    }

    default String id() {
        return common().id();
    }

    default String concept() {
        return common().concept();
    }

    default String ref() {
        return common().ref();
    }

    default String prompt() {
        return common().prompt();
    }

    /** The question's type: each record is named as its type is. */
    default QuestionType type() {
        return QuestionType.ofRecord(getClass());
    }

    /** Every misconception id a response to this question can reveal, in the order named. */
    default Set<String> probes() {
        Set<String> ids = new LinkedHashSet<>();
        if (this instanceof Choice c) c.options().forEach(o -> ids.add(o.misconception()));
        if (this instanceof TrueFalse t) ids.add(t.misconception());
        if (this instanceof Text t) t.wrong().forEach(w -> ids.add(w.misconception()));
        if (this instanceof Cloze z) {
            z.blanks().forEach(b -> b.wrong().forEach(w -> ids.add(w.misconception())));
        }
        ids.remove(null);
        return ids;
    }
}
