package org.quizcard.bank;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Lint's warnings about how items are written: the cues that let a learner pick the key, or see
 * through a true/false statement, without knowing the subject (Haladyna, Downing and Rodriguez,
 * "A review of multiple-choice item-writing guidelines", 2002). Each is a {@link LintRule} that a
 * question or concept can silence with a reason. The rules look at text only; they cannot tell
 * whether a key is right, only whether its form gives it away.
 */
final class ItemWriting {
    /** A key at least this many times as long as the longest distractor stands out. */
    static final double LONG_KEY_RATIO = 1.5;
    /** ...and at least this many characters longer, so short options are not flagged. */
    static final int LONG_KEY_MIN_EXCESS = 10;
    /** Share of single-choice questions in a concept whose key may be the longest option. */
    static final double LONGEST_KEY_SHARE = 0.40;
    /** Fewest single-choice questions in a concept before that share is checked. */
    static final int LONGEST_KEY_MIN_QUESTIONS = 3;
    /** Shortest prompt word that counts as distinctive when only the key repeats it. */
    static final int STEM_WORD_MIN_LENGTH = 5;

    static final Set<String> ABSOLUTE = Set.of("always", "never", "only", "all", "every", "none");

    private static final Set<String> COMMON_STEM_WORDS = Set.of("which", "where", "there", "their", "these",
            "those", "about", "would", "could", "should", "other", "while", "after", "before", "being", "under",
            "between", "through", "every", "linux", "following", "statement", "describes", "describe", "correct",
            "happens", "option", "answer", "because", "without", "within", "using", "given", "first", "second",
            "called", "something", "really", "exactly", "actually");

    private static final Pattern ALL_OF_THE_ABOVE = Pattern.compile(
            "(all|each|both) (of )?(the )?(above|these|them|options|answers)\\b.*");
    private static final Pattern NONE_OF_THE_ABOVE = Pattern.compile(
            "((none|neither) (of )?(the )?(above|these|them|options|answers|others)|neither|none)\\b.*");
    private static final Pattern COMBINED = Pattern.compile(
            "(both |either |only )?(options? )?([a-h]|[1-8])( ?(,|&|\\+|and|or) ?(options? )?([a-h]|[1-8]))+"
                    + "( (are|is|only|both|together)\\b.*)?");
    private static final Pattern NEGATIVE = Pattern.compile("\\b(not|except)\\b");
    /** A question that asks to pick among options: "Which …", "What …", "Select …". */
    private static final Pattern CHOOSING = Pattern.compile("(which|what|select|pick|choose)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSEEN_TEXT = Pattern.compile(
            "\\bthe (article|passage|excerpt|reading|author|text above|source text|source article)\\b|\\bas described above\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private final List<Problem> problems;
    private final Predicate<Question> sealed;

    ItemWriting(List<Problem> problems, Predicate<Question> sealed) {
        this.problems = problems;
        this.sealed = sealed;
    }

    void concept(Concept c) {
        for (Question q : c.questions()) {
            if (!sealed.test(q)) question(q);
        }
        longestKeys(c);
        trueFalse(c);
    }

    private void question(Question q) {
        unseenText(q);
        if (q instanceof Question.Single s) {
            choice(q, s.options());
            longKey(q, s.options());
            stemWordInKey(q, s.options());
        } else if (q instanceof Question.Multiple m) {
            choice(q, m.options());
        } else if (q instanceof Question.Text t) {
            typoNearWrong(q, t.answers(), t.wrong());
        } else if (q instanceof Question.Cloze z) {
            for (Question.Blank b : z.blanks()) typoNearWrong(q, b.answers(), b.wrong());
        }
    }

    /** The checks every choice question gets, single or multiple. */
    private void choice(Question q, List<Question.Option> options) {
        List<Question.Option> standalone = new ArrayList<>();
        for (Question.Option o : options) {
            String text = o.text().strip().toLowerCase(Locale.ROOT);
            if (ALL_OF_THE_ABOVE.matcher(text).matches()) {
                warn(q, LintRule.ALL_OF_THE_ABOVE, o.where(), "option '" + abbreviate(o.text())
                        + "' is all of the above: write options that each stand alone");
            } else if (NONE_OF_THE_ABOVE.matcher(text).matches()) {
                warn(q, LintRule.NONE_OF_THE_ABOVE, o.where(), "option '" + abbreviate(o.text())
                        + "' is none of the above: it tests no knowledge when wrong and cannot show it when right");
            } else if (COMBINED.matcher(text).matches()) {
                warn(q, LintRule.COMBINED_OPTION, o.where(), "option '" + abbreviate(o.text())
                        + "' combines other options: use a multiple-choice question instead");
            } else {
                standalone.add(o);
            }
        }
        absoluteWords(q, standalone);
        grammarCue(q, options);
        negativeStem(q);
    }

    private void longKey(Question q, List<Question.Option> options) {
        int key = options.stream().filter(Question.Option::correct).mapToInt(o -> o.text().length()).max().orElse(0);
        int longestDistractor = options.stream().filter(o -> !o.correct()).mapToInt(o -> o.text().length())
                .max().orElse(Integer.MAX_VALUE);
        if (key >= LONG_KEY_RATIO * longestDistractor && key - longestDistractor >= LONG_KEY_MIN_EXCESS) {
            warn(q, LintRule.LONG_KEY, q.common().where(), "the key (" + key + " characters) is much longer than every "
                    + "distractor (at most " + longestDistractor + "): length gives it away");
        }
    }

    private void absoluteWords(Question q, List<Question.Option> options) {
        boolean inKey = false;
        Question.Option distractor = null;
        for (Question.Option o : options) {
            if (!hasAbsolute(o.text())) continue;
            if (o.correct()) inKey = true;
            else if (distractor == null) distractor = o;
        }
        if (distractor != null && !inKey) {
            warn(q, LintRule.ABSOLUTE_WORDS, distractor.where(), "absolute words (" + String.join(", ",
                    absolutes(distractor.text())) + ") only in distractors mark them as wrong: "
                    + "reword, or give a key an absolute that is true");
        }
    }

    /** A stem ending in "a" or "an" that some distractor does not follow grammatically, while the key does. */
    private void grammarCue(Question q, List<Question.Option> options) {
        String stem = q.common().prompt().strip().replaceAll("[\\s_:.…]+$", "");
        int space = stem.lastIndexOf(' ');
        String article = (space < 0 ? stem : stem.substring(space + 1)).toLowerCase(Locale.ROOT);
        if (!article.equals("a") && !article.equals("an")) return;
        boolean an = article.equals("an");
        boolean keyFits = options.stream().filter(Question.Option::correct).allMatch(o -> startsWithVowelSound(o.text()) == an);
        Question.Option misfit = options.stream().filter(o -> !o.correct() && startsWithVowelSound(o.text()) != an)
                .findFirst().orElse(null);
        if (keyFits && misfit != null) {
            warn(q, LintRule.GRAMMAR_CUE, misfit.where(), "the stem ends in '" + article + "', which option '"
                    + abbreviate(misfit.text()) + "' does not follow: end the stem before the article");
        }
    }

    /** A distinctive word of the prompt that the key repeats and no distractor does ("clang association"). */
    private void stemWordInKey(Question q, List<Question.Option> options) {
        List<Set<String>> keys = new ArrayList<>();
        List<Set<String>> distractors = new ArrayList<>();
        for (Question.Option o : options) (o.correct() ? keys : distractors).add(stems(o.text()));
        if (keys.size() != 1) return;
        for (String word : WORDS.split(q.common().prompt().toLowerCase(Locale.ROOT))) {
            if (word.length() < STEM_WORD_MIN_LENGTH || COMMON_STEM_WORDS.contains(word)
                    || !word.chars().allMatch(Character::isLetter)) {
                continue;
            }
            String stem = stem(word);
            if (keys.get(0).contains(stem) && distractors.stream().noneMatch(d -> d.contains(stem))) {
                warn(q, LintRule.STEM_WORD_IN_KEY, q.common().where(), "only the key repeats the prompt's word '" + word
                        + "': a learner can match words instead of knowing the answer");
                return;
            }
        }
    }

    /** A negative question ("which is not …") whose negation is easy to miss in its last sentence. */
    private void negativeStem(Question q) {
        String prompt = q.common().prompt().strip();
        int sentence = Math.max(prompt.lastIndexOf(". "), prompt.lastIndexOf("? "));
        String question = sentence < 0 ? prompt : prompt.substring(sentence + 2);
        var m = NEGATIVE.matcher(question);
        if (CHOOSING.matcher(question).lookingAt() && m.find()) {
            warn(q, LintRule.NEGATIVE_STEM, q.common().where(), "the negative '" + m.group(1)
                    + "' is easy to miss: write it in capitals (" + m.group(1).toUpperCase(Locale.ROOT)
                    + "), or ask the question positively");
        }
    }

    private void unseenText(Question q) {
        List<String> shown = new ArrayList<>();
        shown.add(q.common().prompt());
        if (q.common().hint() != null) shown.add(q.common().hint());
        if (q instanceof Question.Choice c) c.options().forEach(o -> shown.add(o.text()));
        if (q instanceof Question.Order o) shown.addAll(o.items());
        if (q instanceof Question.Match m) m.pairs().forEach(p -> shown.add(p.left() + " " + p.right()));
        if (q instanceof Question.Cloze z) shown.addAll(z.parts());
        if (q instanceof Question.Flashcard f) shown.add(f.back());
        for (String text : shown) {
            // every phrase the pattern knows has "the " or "above" in it: the pattern only where it can match
            String lower = text.toLowerCase(Locale.ROOT);
            if (!lower.contains("the ") && !lower.contains("above")) continue;
            var m = UNSEEN_TEXT.matcher(text);
            if (m.find()) {
                warn(q, LintRule.UNSEEN_TEXT, q.common().where(), "'" + m.group() + "' refers to a text the learner "
                        + "has not been given: say what it says instead");
                return;
            }
        }
    }

    private void typoNearWrong(Question q, List<String> accepted, List<Question.WrongAnswer> wrong) {
        for (Question.WrongAnswer w : wrong) {
            String bad = Answers.normalise(w.answer());
            for (String a : accepted) {
                String good = Answers.normalise(a);
                if (!good.equals(bad) && Answers.withinOneEdit(good, bad)) {
                    warn(q, LintRule.TYPO_NEAR_WRONG, w.where(), "the wrong answer '" + w.answer()
                            + "' is one edit from the accepted '" + a + "': a slip of the finger decides the verdict");
                }
            }
        }
    }

    private void longestKeys(Concept c) {
        int singles = 0;
        int longest = 0;
        for (Question q : c.questions()) {
            if (q instanceof Question.Single s && !s.options().isEmpty() && !sealed.test(q)) {
                singles++;
                int key = s.options().stream().filter(Question.Option::correct)
                        .mapToInt(o -> o.text().length()).max().orElse(-1);
                if (s.options().stream().filter(o -> !o.correct()).allMatch(o -> o.text().length() < key)) longest++;
            }
        }
        if (singles >= LONGEST_KEY_MIN_QUESTIONS && longest > LONGEST_KEY_SHARE * singles) {
            warnConcept(c, LintRule.KEY_OFTEN_LONGEST, String.format(Locale.ROOT, "concept '%s': the right option is "
                    + "the longest in %d of %d single-choice questions (at most 40%% keeps length from giving answers "
                    + "away)", c.id(), longest, singles));
        }
    }

    /** True/false statements: balanced between true and false, and absolute words not a tell of the false ones. */
    private void trueFalse(Concept c) {
        int right = 0;
        int wrong = 0;
        int absoluteTrue = 0;
        int absoluteFalse = 0;
        for (Question q : c.questions()) {
            if (!(q instanceof Question.TrueFalse t) || sealed.test(q)) continue;
            boolean absolute = hasAbsolute(t.common().prompt());
            if (t.answer()) {
                right++;
                if (absolute) absoluteTrue++;
            } else {
                wrong++;
                if (absolute) absoluteFalse++;
            }
        }
        int n = right + wrong;
        if (n >= 2 && Math.abs(right - wrong) > Math.max(1, n / 5.0)) {
            warnConcept(c, LintRule.TRUEFALSE_BALANCE, "concept '" + c.id() + "': " + right + " of " + n
                    + " true/false statements are true; between 40% and 60% keeps 'guess " + (right > wrong ? "true" : "false")
                    + "' from paying");
        }
        double falseShare = wrong == 0 ? 0 : absoluteFalse / (double) wrong;
        double trueShare = right == 0 ? 0 : absoluteTrue / (double) right;
        if (absoluteFalse > 0 && falseShare > trueShare + 1 / 3.0) {
            warnConcept(c, LintRule.ABSOLUTE_WORDS_TRUEFALSE, "concept '" + c.id() + "': absolute words are in "
                    + absoluteFalse + " of " + wrong + " false statements but " + absoluteTrue + " of " + right
                    + " true ones, so they mark the false ones");
        }
    }

    static boolean hasAbsolute(String text) {
        return !absolutes(text).isEmpty();
    }

    private static List<String> absolutes(String text) {
        List<String> found = new ArrayList<>();
        String lower = text.toLowerCase(Locale.ROOT);
        // split into words only a text that holds one of the words somewhere
        if (ABSOLUTE.stream().noneMatch(lower::contains)) return found;
        for (String w : WORDS.split(lower)) {
            if (ABSOLUTE.contains(w) && !found.contains(w)) found.add(w);
        }
        return found;
    }

    /**
     * Whether a word is said with a vowel sound first, as "an" needs: acronyms by their first
     * letter's name ("an MMU", "a CPU"), words by their spelling with the common exceptions.
     */
    static boolean startsWithVowelSound(String text) {
        String[] words = text.strip().split("[\\s\\-/]+", 2);
        String w = words[0].replaceAll("^[^\\p{L}\\p{N}]+", "");
        if (w.isEmpty()) return false;
        char first = w.charAt(0);
        if (Character.isDigit(first)) return w.startsWith("8") || w.startsWith("11") || w.startsWith("18");
        if (w.length() >= 2 && w.equals(w.toUpperCase(Locale.ROOT)) && Character.isLetter(w.charAt(1))) {
            return "AEFHILMNORSX".indexOf(Character.toUpperCase(first)) >= 0;
        }
        String lower = w.toLowerCase(Locale.ROOT);
        if (Stream.of("uni", "use", "usu", "uti", "eu", "one", "once").anyMatch(lower::startsWith)) return false;
        return Stream.of("hour", "honest", "honor", "heir").anyMatch(lower::startsWith)
                || "aeiou".indexOf(lower.charAt(0)) >= 0;
    }

    private static Set<String> stems(String text) {
        Set<String> out = new HashSet<>();
        for (String w : WORDS.split(text.toLowerCase(Locale.ROOT))) {
            if (!w.isEmpty()) out.add(stem(w));
        }
        return out;
    }

    /** A crude stem: plural and common verb endings cut, so "limits", "limited" and "limit" meet. */
    private static String stem(String word) {
        for (String ending : new String[] {"ing", "ed", "es", "s"}) {
            if (word.length() - ending.length() >= 4 && word.endsWith(ending)) {
                return word.substring(0, word.length() - ending.length());
            }
        }
        return word;
    }

    void warn(Question q, LintRule rule, Position where, String message) {
        if (q.common().lintAllow().containsKey(rule.id())) return;
        problems.add(Problem.warning(where, "question '" + q.id() + "': " + message + " [" + rule.id() + "]"));
    }

    private void warnConcept(Concept c, LintRule rule, String message) {
        if (c.lintAllow().containsKey(rule.id())) return;
        problems.add(Problem.warning(c.where(), message + " [" + rule.id() + "]"));
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
