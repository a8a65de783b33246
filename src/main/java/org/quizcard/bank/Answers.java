package org.quizcard.bank;

import java.text.Normalizer;
import java.util.Locale;

/** How typed answers are compared: Unicode NFC, case folded, spacing collapsed, edges trimmed. */
public final class Answers {
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");

    private Answers() {
    }

    /** The canonical form of a typed answer. */
    public static String normalise(String answer) {
        String nfc = Normalizer.normalize(answer, Normalizer.Form.NFC);
        return SPACES.matcher(nfc.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
