package org.quizcard.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizcard.bank.Question;

/**
 * Turns what a learner typed into a {@link Response}, or a short hint when it is not a valid
 * answer. Positions typed refer to the {@link Presentation} the learner saw.
 */
public final class ResponseParser {
    private ResponseParser() {
    }

    /**
     * The patterns answers are parsed with, compiled when the first answer is parsed: a question is drawn
     * (and {@link #letter} called) before that, and compiling them then would delay the first question.
     */
    private static final class Patterns {
        static final Pattern PAIR = Pattern.compile("(\\d+)\\s*[-:=]?\\s*([a-z])");
        static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    }

    /** A parsed answer, or the hint to show when the input was not one. */
    public record Parsed(Response response, String hint) {
        public static Parsed ok(Response response) {
            return new Parsed(response, null);
        }

        public static Parsed invalid(String hint) {
            return new Parsed(null, hint);
        }

        public boolean isValid() {
            return response != null;
        }
    }

    /** The letter shown for position {@code shown} (0-based): a, b, c, ... */
    public static char letter(int shown) {
        return (char) ('a' + shown);
    }

    /**
     * Longest answer read, in characters: far more than any answer needs, and short enough that
     * checking one (edit distances, patterns) stays well under a millisecond.
     */
    public static final int MAX_ANSWER_LENGTH = 500;

    private static final String TOO_LONG = "An answer is at most " + MAX_ANSWER_LENGTH + " characters.";

    /** Parses one line typed for a question that takes a single line (every type but cloze and flashcard). */
    public static Parsed parse(Question q, Presentation shown, String input) {
        String line = input == null ? "" : input.strip();
        if (line.length() > MAX_ANSWER_LENGTH) return Parsed.invalid(TOO_LONG);
        if (q instanceof Question.Single) return single(shown, line);
        if (q instanceof Question.Multiple) return multiple(shown, line);
        if (q instanceof Question.TrueFalse) return trueFalse(line);
        if (q instanceof Question.Text) {
            return line.isEmpty() ? Parsed.invalid("Type your answer (s to skip).") : Parsed.ok(new Response.Typed(line));
        }
        if (q instanceof Question.Numeric n) return number(n, line);
        if (q instanceof Question.Order) return order(shown, line);
        if (q instanceof Question.Match) return match(shown, line, true);
        if (q instanceof Question.Flashcard) return rating(line);
        throw new IllegalArgumentException("a " + q.type().yamlName() + " question is not answered in one line");
    }

    /** Parses the text typed into one blank of a cloze. */
    public static Parsed blank(String input) {
        String line = input == null ? "" : input.strip();
        if (line.length() > MAX_ANSWER_LENGTH) return Parsed.invalid(TOO_LONG);
        return line.isEmpty() ? Parsed.invalid("Type the word for this blank (s to skip the question).")
                : Parsed.ok(new Response.Typed(line));
    }

    /** Parses a self-rating 1 to 4. */
    public static Parsed rating(String input) {
        String line = input == null ? "" : input.strip();
        if (line.length() == 1 && line.charAt(0) >= '1' && line.charAt(0) <= '4') {
            return Parsed.ok(new Response.SelfRating(line.charAt(0) - '0'));
        }
        return Parsed.invalid("Rate your recall: 1 Again, 2 Hard, 3 Good, 4 Easy.");
    }

    private static Parsed single(Presentation shown, String line) {
        Integer position = position(line, shown.size());
        if (position == null) return Parsed.invalid(choiceHint(shown.size(), false));
        return Parsed.ok(new Response.Choice(List.of(shown.index(position))));
    }

    private static Parsed multiple(Presentation shown, String line) {
        List<String> tokens = tokens(line);
        if (tokens.isEmpty()) return Parsed.invalid(choiceHint(shown.size(), true));
        Set<Integer> picks = new LinkedHashSet<>();
        for (String t : tokens) {
            Integer position = position(t, shown.size());
            if (position == null) return Parsed.invalid(choiceHint(shown.size(), true));
            picks.add(shown.index(position));
        }
        return Parsed.ok(new Response.Choice(new ArrayList<>(picks)));
    }

    /** Splits "1 3", "1,3", "ac" or "a c" into single picks. */
    private static List<String> tokens(String line) {
        List<String> tokens = new ArrayList<>();
        for (String t : Patterns.SEPARATORS.split(line.toLowerCase(Locale.ROOT))) {
            if (t.isEmpty()) continue;
            if (t.chars().allMatch(Character::isLetter) && t.length() > 1) {
                t.chars().forEach(c -> tokens.add(String.valueOf((char) c)));
            } else {
                tokens.add(t);
            }
        }
        return tokens;
    }

    /** A 0-based position from "2" or "b", or null. */
    private static Integer position(String token, int size) {
        String t = token.toLowerCase(Locale.ROOT);
        int p = -1;
        if (t.matches("\\d{1,3}")) {
            p = Integer.parseInt(t) - 1;
        } else if (t.length() == 1 && t.charAt(0) >= 'a' && t.charAt(0) <= 'z') {
            p = t.charAt(0) - 'a';
        }
        return p >= 0 && p < size ? p : null;
    }

    private static String choiceHint(int size, boolean many) {
        String range = "1-" + size + " or a-" + letter(size - 1);
        return many ? "Pick one or more options (" + range + "), e.g. '1 3'." : "Pick one option (" + range + ").";
    }

    private static Parsed trueFalse(String line) {
        return switch (line.toLowerCase(Locale.ROOT)) {
            case "1", "t", "true", "a", "y", "yes" -> Parsed.ok(new Response.Bool(true));
            case "2", "f", "false", "b", "n", "no" -> Parsed.ok(new Response.Bool(false));
            default -> Parsed.invalid("Answer 1 (true) or 2 (false); t or f work too.");
        };
    }

    private static Parsed number(Question.Numeric q, String line) {
        if (Quantity.parse(line, Checker.labels(q)) instanceof Quantity.NotANumber) {
            return Parsed.invalid(line.contains("(") ? "Type the number alone, without a remark (a unit after it is fine)."
                    : "Type one number, e.g. 4096, 0x1000 or 2^12 (a unit after it is fine).");
        }
        return Parsed.ok(new Response.Number(line));
    }

    private static Parsed order(Presentation shown, String line) {
        int n = shown.size();
        String hint = "Type all " + n + " item numbers in order, e.g. '" + exampleOrder(n) + "'.";
        List<Integer> order = new ArrayList<>();
        Set<Integer> seen = new LinkedHashSet<>();
        for (String t : Patterns.SEPARATORS.split(line)) {
            if (t.isEmpty()) continue;
            if (!t.matches("\\d{1,3}")) return Parsed.invalid(hint);
            int p = Integer.parseInt(t) - 1;
            if (p < 0 || p >= n || !seen.add(p)) return Parsed.invalid(hint);
            order.add(shown.index(p));
        }
        return order.size() == n ? Parsed.ok(new Response.Sequence(order)) : Parsed.invalid(hint);
    }

    private static String exampleOrder(int n) {
        StringBuilder b = new StringBuilder();
        for (int i = n; i >= 1; i--) b.append(i).append(i > 1 ? " " : "");
        return b.toString();
    }

    /**
     * Like {@link #parse} for graded work, where an incomplete answer still earns its share: a
     * match may leave items unpaired (they count as wrong).
     */
    public static Parsed parseForGrading(Question q, Presentation shown, String input) {
        if (q instanceof Question.Match) return match(shown, input == null ? "" : input.strip(), false);
        return parse(q, shown, input);
    }

    private static Parsed match(Presentation shown, String line, boolean complete) {
        int n = shown.size();
        String hint = "Pair every left item with a letter, e.g. '1b 2a" + (n > 2 ? " 3c" : "") + "'.";
        Matcher m = Patterns.PAIR.matcher(line.toLowerCase(Locale.ROOT));
        Map<Integer, Integer> pairs = new LinkedHashMap<>();
        Set<Integer> rights = new LinkedHashSet<>();
        int end = 0;
        while (m.find()) {
            if (!line.substring(end, m.start()).matches("[\\s,;]*")) return Parsed.invalid(hint);
            end = m.end();
            int left = Integer.parseInt(m.group(1)) - 1;
            int right = m.group(2).charAt(0) - 'a';
            if (left < 0 || left >= n || right >= n || pairs.containsKey(left) || !rights.add(right)) {
                return Parsed.invalid(hint);
            }
            pairs.put(left, shown.index(right));
        }
        if (!line.substring(end).matches("[\\s,;]*") || pairs.isEmpty() || (complete && pairs.size() != n)) {
            return Parsed.invalid(hint);
        }
        return Parsed.ok(new Response.Pairs(pairs));
    }
}
