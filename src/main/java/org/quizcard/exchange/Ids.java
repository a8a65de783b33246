package org.quizcard.exchange;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Ids for imported concepts and questions: lower-case words joined by hyphens, as banks need,
 * made from a name or a question's first words, and kept unique by a number when two would be
 * the same.
 */
public final class Ids {
    /** Longest id made from text; the first words of a prompt are enough to find it again. */
    static final int MAX_LENGTH = 40;

    private final Set<String> taken = new HashSet<>();

    /** An id from {@code text}, or from {@code fallback} when the text has no letter or digit; never one given before. */
    public String unique(String text, String fallback) {
        String base = slug(text);
        if (base.isEmpty()) base = slug(fallback);
        if (base.isEmpty()) base = "item";
        String id = base;
        for (int n = 2; !taken.add(id); n++) id = base + "-" + n;
        return id;
    }

    /** Whether {@code id} is lower-case words (letters and digits) joined by single hyphens, as lint requires. */
    public static boolean valid(String id) {
        if (id.isEmpty() || id.startsWith("-") || id.endsWith("-") || id.contains("--")) return false;
        return id.chars().allMatch(ch -> (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-');
    }

    /** Marks {@code id} as taken, so {@link #unique} never gives it; false when it already was. */
    public boolean take(String id) {
        return taken.add(id);
    }

    /**
     * Text as an id: accents dropped, letters and digits kept in lower case, every other run of
     * characters one hyphen, and no longer than about {@link #MAX_LENGTH} characters.
     */
    public static String slug(String text) {
        if (text == null) return "";
        String plain = Normalizer.normalize(text, Normalizer.Form.NFKD).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder();
        boolean gap = false;
        for (int i = 0; i < plain.length(); i++) {
            char ch = plain.charAt(i);
            if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) {
                boolean hyphen = gap && b.length() > 0;
                if (b.length() + (hyphen ? 2 : 1) > MAX_LENGTH) break;
                if (hyphen) b.append('-');
                b.append(ch);
                gap = false;
            } else if (Character.getType(ch) != Character.NON_SPACING_MARK) {
                gap = true;
            }
        }
        return b.toString();
    }
}
