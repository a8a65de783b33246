package org.quizcard.check;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quizcard.bank.Solution;

/**
 * A number typed for a numeric question, with the unit typed after it, and the rules that compare
 * it with the question's answer in the question's unit.
 *
 * <p>Numbers may be written as decimals ({@code 0.5}, {@code 4,096}, {@code 4_096}, {@code 1e6}),
 * in hex ({@code 0x1000}), as powers ({@code 2^12}, {@code 2**12}), as fractions ({@code 3/4}),
 * or in words up to ninety-nine ({@code two}, {@code forty-eight}).
 * Units of data size, time and frequency convert within their dimension; {@code %} takes
 * fractions; any other unit (such as {@code CPUs}) is a count, matched by its word in the singular
 * or plural.
 */
public record Quantity(double value, String unit, boolean fraction) {

    /** What parsing typed text found. */
    public sealed interface Parse {
    }

    /** One number, with its unit (null when none was typed). */
    public record One(Quantity quantity) implements Parse { }

    /** More than one number, such as "137 or 138": an answer must commit to one. */
    public record Several(String typed) implements Parse { }

    /** No number at all, or words that are not a unit. */
    public record NotANumber() implements Parse { }

    private static final class Patterns {
        static final String DECIMAL = "(?:\\d{1,3}(?:[,_]\\d{3})+|\\d+)(?:\\.\\d+)?(?:e[-+]?\\d+)?|\\.\\d+";
        static final Pattern QUANTITY = Pattern.compile(
                "([-+]?)(?:(0x[0-9a-f]+)|(\\d+)\\s*(?:\\^|\\*\\*)\\s*(\\d+)|(\\d+)\\s*/\\s*(\\d+)|(" + DECIMAL + "))"
                        + "\\s*([^\\d\\s][^\\d]*)?");
    }

    /** A unit that converts: its dimension and its size in the dimension's base unit. */
    private record Unit(String dimension, double size) { }

    private static final double KI = 1024;
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("bit", new Unit("data", 1 / 8.0)),
            Map.entry("b", new Unit("data", 1)), Map.entry("byte", new Unit("data", 1)),
            Map.entry("kib", new Unit("data", KI)), Map.entry("mib", new Unit("data", KI * KI)),
            Map.entry("gib", new Unit("data", KI * KI * KI)), Map.entry("tib", new Unit("data", KI * KI * KI * KI)),
            Map.entry("pib", new Unit("data", KI * KI * KI * KI * KI)),
            // Bare K, M, G, T after a size are binary, as in ls -h and free -h.
            Map.entry("k", new Unit("data", KI)), Map.entry("m", new Unit("data", KI * KI)),
            Map.entry("g", new Unit("data", KI * KI * KI)), Map.entry("t", new Unit("data", KI * KI * KI * KI)),
            Map.entry("kb", new Unit("data", 1e3)), Map.entry("mb", new Unit("data", 1e6)),
            Map.entry("gb", new Unit("data", 1e9)), Map.entry("tb", new Unit("data", 1e12)),
            Map.entry("pb", new Unit("data", 1e15)),
            Map.entry("ns", new Unit("time", 1e-9)), Map.entry("nanosecond", new Unit("time", 1e-9)),
            Map.entry("µs", new Unit("time", 1e-6)), Map.entry("us", new Unit("time", 1e-6)),
            Map.entry("microsecond", new Unit("time", 1e-6)),
            Map.entry("ms", new Unit("time", 1e-3)), Map.entry("millisecond", new Unit("time", 1e-3)),
            Map.entry("s", new Unit("time", 1)), Map.entry("sec", new Unit("time", 1)),
            Map.entry("second", new Unit("time", 1)),
            Map.entry("min", new Unit("time", 60)), Map.entry("minute", new Unit("time", 60)),
            Map.entry("h", new Unit("time", 3600)), Map.entry("hour", new Unit("time", 3600)),
            Map.entry("day", new Unit("time", 86_400)),
            Map.entry("hz", new Unit("frequency", 1)), Map.entry("khz", new Unit("frequency", 1e3)),
            Map.entry("mhz", new Unit("frequency", 1e6)), Map.entry("ghz", new Unit("frequency", 1e9)),
            Map.entry("%", new Unit("ratio", 0.01)), Map.entry("percent", new Unit("ratio", 0.01)));

    /** Numbers a learner may spell out ("two CPUs", "forty-eight"): words up to ninety-nine, and a hundred. */
    private static final List<String> ONES = List.of("zero", "one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
            "eighteen", "nineteen");
    private static final List<String> TENS = List.of("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy",
            "eighty", "ninety");

    /** The value of a spelled-out number ("48" for "forty-eight"), or null. */
    static Integer spelled(String word) {
        if (word.equals("hundred")) return 100;
        if (ONES.contains(word)) return ONES.indexOf(word);
        int hyphen = word.indexOf('-');
        String tens = hyphen < 0 ? word : word.substring(0, hyphen);
        int t = TENS.indexOf(tens);
        if (t < 2) return null;
        if (hyphen < 0) return 10 * t;
        int one = ONES.indexOf(word.substring(hyphen + 1));
        return one >= 1 && one <= 9 ? 10 * t + one : null;
    }

    /** Words that never label a number: a number after one of them is not the answer itself ("not 3"). */
    private static final Set<String> NOT_LABELS = Set.of("not", "no", "never", "about", "around", "maybe", "perhaps",
            "approximately", "roughly", "over", "under", "above", "below", "less", "more", "than", "at", "least",
            "most", "nearly", "almost", "up", "to", "or", "and", "either");

    /**
     * Parses what a learner typed. One word before the number is allowed when it is one of
     * {@code labels} (words of the question, such as "ring" or "PID": "ring 3", "PID 1"). A remark
     * ("1 (the host's kernel)") is not a number: it could say anything, right or wrong, and only
     * the number is judged, so the learner is asked for it alone.
     */
    public static Parse parse(String typed, Set<String> labels) {
        String original = typed.strip();
        if (original.startsWith("~") || original.startsWith("≈")) original = original.substring(1).strip();
        String s = original.toLowerCase(Locale.ROOT);
        String[] words = s.split("\\s+", 2);
        if (words.length == 2 && labels.contains(words[0]) && !NOT_LABELS.contains(words[0])) {
            original = original.substring(original.indexOf(' ') + 1).strip();
            s = words[1];
            words = s.split("\\s+", 2);
        }
        Integer spelled = spelled(words[0]);
        if (spelled != null) {
            s = spelled + (words.length > 1 ? " " + words[1] : "");
            original = s;
        }
        Matcher m = Patterns.QUANTITY.matcher(s);
        if (!m.matches()) return severalNumbers(s) ? new Several(typed.strip()) : new NotANumber();
        String unit = m.group(8) == null ? null
                : (s.length() == original.length() ? original.substring(m.start(8), m.end(8)) : m.group(8)).strip();
        if (unit != null && (unit.isEmpty() || unit.split("\\s+").length > 2)) return new NotANumber();
        double sign = m.group(1).equals("-") ? -1 : 1;
        double value;
        boolean fraction = false;
        try {
            if (m.group(2) != null) {
                value = Long.parseUnsignedLong(m.group(2).substring(2), 16);
            } else if (m.group(3) != null) {
                value = Math.pow(Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)));
            } else if (m.group(5) != null) {
                double denominator = Double.parseDouble(m.group(6));
                if (denominator == 0) return new NotANumber();
                value = Double.parseDouble(m.group(5)) / denominator;
                fraction = true;
            } else {
                value = new BigDecimal(m.group(7).replace(",", "").replace("_", "")).doubleValue();
            }
        } catch (NumberFormatException e) {
            return new NotANumber();
        }
        if (!Double.isFinite(value)) return new NotANumber();
        return new One(new Quantity(sign * value, unit, fraction));
    }

    /** Whether words of {@code s} are numbers, more than one: "137 or 138", "2 3". */
    private static boolean severalNumbers(String s) {
        int numbers = 0;
        for (String word : s.split("\\s+")) {
            if (Patterns.QUANTITY.matcher(word).matches() || spelled(word) != null) numbers++;
        }
        return numbers > 1;
    }

    /**
     * The value in the question's unit ({@code questionUnit}, null when it has none), or a note
     * saying why this quantity cannot be one: a unit of another dimension or another count.
     */
    public record InUnit(double value, String note) { }

    public InUnit in(String questionUnit) {
        Unit target = questionUnit == null ? null : unit(questionUnit);
        Unit typed = unit == null ? null : unit(unit);
        if (unit == null) {
            boolean percentOfFraction = fraction && target != null && target.dimension.equals("ratio");
            return new InUnit(percentOfFraction ? value / target.size : value, null);
        }
        if (typed != null && target != null && typed.dimension.equals(target.dimension)) {
            double converted = value * typed.size / target.size;
            return new InUnit(converted, sameUnit(unit, questionUnit) ? null
                    : "Read as " + Solution.number(round(converted)) + " " + questionUnit + ".");
        }
        if (typed == null && target == null && questionUnit != null && sameUnit(unit, questionUnit)) {
            return new InUnit(value, null);
        }
        if (questionUnit == null) {
            return typed == null ? new InUnit(value, null)
                    : new InUnit(Double.NaN, "The answer is a plain number; '" + unit + "' measures " + typed.dimension + ".");
        }
        String wanted = target == null ? "a number of " + questionUnit : "in " + questionUnit + " (" + target.dimension + ")";
        String got = typed == null ? "'" + unit + "' is not that unit" : "'" + unit + "' measures " + typed.dimension;
        return new InUnit(Double.NaN, "The answer is " + wanted + "; " + got + ".");
    }

    /** The conversion table's entry for a unit as typed, trying its singular too. */
    private static Unit unit(String typed) {
        String u = typed.strip();
        Unit exact = UNITS.get(u.toLowerCase(Locale.ROOT));
        if (exact != null) return exact;
        String singular = singular(u.toLowerCase(Locale.ROOT));
        return singular.length() > 2 ? UNITS.get(singular) : null;
    }

    /** The same count word, singular or plural, alone or after one qualifier ("1 Linux kernel" for kernels). */
    private static boolean sameUnit(String a, String b) {
        String x = a.strip().toLowerCase(Locale.ROOT);
        String y = b.strip().toLowerCase(Locale.ROOT);
        if (x.equals(y) || singular(x).equals(singular(y))) return true;
        int space = x.lastIndexOf(' ');
        return space > 0 && !y.contains(" ") && singular(x.substring(space + 1)).equals(singular(y));
    }

    private static String singular(String word) {
        if (word.endsWith("'s") || word.endsWith("s'")) word = word.substring(0, word.length() - 2);
        return word.length() > 3 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word;
    }

    /** Rounds a converted value for a note to at most four decimals. */
    private static double round(double v) {
        return Math.abs(v) >= 1e12 ? v : Math.round(v * 1e4) / 1e4;
    }
}
