package org.quizcard.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.quizcard.bank.AnswerPattern;
import org.quizcard.bank.Answers;
import org.quizcard.bank.Question;

/**
 * How one typed answer fares against the answers a question accepts and the wrong ones it
 * knows. After {@link Answers#normalise normalising}, an answer is right when it says the words
 * of an accepted answer or matches the question's pattern, and shows a misconception when it says
 * the words of a listed wrong answer. A typo is forgiven only where it cannot turn one term into
 * another: one edit in one word of at least {@value #MIN_TYPO_WORD} letters, never on a digit,
 * never when the word typed is another term the question knows, and never when the answer is
 * then as near to a listed wrong answer.
 */
final class TypedAnswers {
    /** Words shorter than this must be spelled exactly: one edit turns them into other words too easily. */
    static final int MIN_TYPO_WORD = 5;

    private TypedAnswers() {
    }

    /** Right or not, a note saying what was accepted or rejected (or null), and a misconception shown. */
    record Result(boolean right, String note, String misconception) { }

    static Result judge(String typed, List<String> accepted, String regex, List<Question.WrongAnswer> wrong) {
        String answer = Answers.normalise(typed);
        for (String a : accepted) {
            if (Answers.sameWords(Answers.normalise(a), answer)) return new Result(true, null, null);
        }
        for (Question.WrongAnswer w : wrong) {
            if (Answers.sameWords(Answers.normalise(w.answer()), answer)) {
                return new Result(false, null, w.misconception());
            }
        }
        if (regex != null && AnswerPattern.matches(regex, answer)) return new Result(true, null, null);

        Set<String> known = knownWords(accepted, wrong);
        String rejection = null;
        for (String a : accepted) {
            Typo t = typo(answer, Answers.normalise(a), known);
            if (t.kind == Typo.Kind.FORGIVEN) {
                Question.WrongAnswer near = nearWrong(answer, wrong);
                if (near == null) return new Result(true, "Accepted with a typo: the spelling is '" + a + "'.", null);
                return new Result(false, "Not accepted: '" + typed.strip() + "' is as near to '" + near.answer()
                        + "', a wrong answer, as to '" + a + "'.", null);
            }
            if (rejection == null && t.kind != Typo.Kind.NONE) rejection = t.rejection(typed.strip(), a);
        }
        Question.WrongAnswer near = nearWrong(answer, wrong);
        if (near != null && typo(answer, Answers.normalise(near.answer()), known).kind == Typo.Kind.FORGIVEN) {
            return new Result(false, rejection, near.misconception());
        }
        return new Result(false, rejection, null);
    }

    /** The first listed wrong answer within one edit of {@code answer}, or null. */
    private static Question.WrongAnswer nearWrong(String answer, List<Question.WrongAnswer> wrong) {
        for (Question.WrongAnswer w : wrong) {
            if (Answers.withinOneEdit(answer, Answers.normalise(w.answer()))) return w;
        }
        return null;
    }

    /** Every word (run of letters and digits) of the question's accepted and wrong answers. */
    private static Set<String> knownWords(List<String> accepted, List<Question.WrongAnswer> wrong) {
        Set<String> words = new HashSet<>();
        for (String a : accepted) words.addAll(Segments.of(Answers.normalise(a)).words);
        for (Question.WrongAnswer w : wrong) words.addAll(Segments.of(Answers.normalise(w.answer())).words);
        return words;
    }

    /** What one edit between a typed and an expected answer amounts to. */
    record Typo(Kind kind, String typedWord, String expectedWord) {
        enum Kind { NONE, FORGIVEN, NUMBER, SHORT_WORD, OTHER_TERM }

        static final Typo NONE = new Typo(Kind.NONE, null, null);

        String rejection(String typed, String expected) {
            return switch (kind) {
                case NUMBER -> "Not accepted: '" + typed + "' differs from '" + expected
                        + "' in a number, and a different number is never a typo.";
                case SHORT_WORD -> "Not accepted: '" + typed + "' is not '" + expected + "'; words under "
                        + MIN_TYPO_WORD + " letters must be spelled exactly.";
                case OTHER_TERM -> "Not accepted: '" + typedWord + "' is another term, not a misspelling of '"
                        + expectedWord + "'.";
                default -> null;
            };
        }
    }

    /** Whether {@code typed} is one forgivable typo away from {@code expected} (both normalised). */
    static Typo typo(String typed, String expected, Set<String> known) {
        if (typed.equals(expected) || !Answers.withinOneEdit(typed, expected)) return Typo.NONE;
        Segments t = Segments.of(typed);
        Segments e = Segments.of(expected);
        if (t.words.size() != e.words.size()) return Typo.NONE;
        if (!t.gaps.equals(e.gaps)) {
            // Only punctuation or spacing inside the answer differs ("cpu max" for "cpu.max").
            return t.words.equals(e.words) ? new Typo(Typo.Kind.FORGIVEN, null, null) : Typo.NONE;
        }
        int differing = -1;
        for (int i = 0; i < t.words.size(); i++) {
            if (!t.words.get(i).equals(e.words.get(i))) differing = i;
        }
        String tw = t.words.get(differing);
        String ew = e.words.get(differing);
        if (hasDigit(tw) || hasDigit(ew)) return new Typo(Typo.Kind.NUMBER, tw, ew);
        if (ew.length() < MIN_TYPO_WORD) return new Typo(Typo.Kind.SHORT_WORD, tw, ew);
        if (known.contains(tw)) return new Typo(Typo.Kind.OTHER_TERM, tw, ew);
        return new Typo(Typo.Kind.FORGIVEN, tw, ew);
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) return true;
        }
        return false;
    }

    /**
     * An answer split into its words (runs of letters and digits) and the gaps around them:
     * {@code gaps} has one more entry than {@code words}, the first before the first word.
     */
    private record Segments(List<String> words, List<String> gaps) {
        static Segments of(String s) {
            List<String> words = new ArrayList<>();
            List<String> gaps = new ArrayList<>();
            int gapStart = 0;
            int i = 0;
            while (i < s.length()) {
                if (!Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                    continue;
                }
                gaps.add(s.substring(gapStart, i));
                int start = i;
                while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) i++;
                words.add(s.substring(start, i));
                gapStart = i;
            }
            gaps.add(s.substring(gapStart));
            return new Segments(words, gaps);
        }
    }
}
