package org.quizcard.exchange;

import org.quizcard.bank.Bank;
import org.quizcard.bank.Misconception;

/**
 * How quizcard writes an option's feedback into a format that has per-answer feedback (Moodle,
 * GIFT, QTI) and reads it back: the option's own explanation, then, for a wrong option that
 * reveals a misconception, a last paragraph naming it by id with its refutation:
 *
 * <pre>
 * Misconception (container-is-lightweight-vm): "A container is a lightweight VM." What is true: ...
 * </pre>
 *
 * A learner in an LMS reads the refutation; an import that knows the id ({@link Catalogue}) tags
 * the option with it again, and gives the explanation back exactly.
 */
public final class Feedback {
    private static final String MARK = "Misconception (";

    private Feedback() {
    }

    /** An option's explanation and misconception, as the text of its feedback; null when it has neither. */
    public static String write(String explanation, Misconception misconception) {
        String refutation = misconception == null ? null : MARK + misconception.id() + "): \"" + misconception.claim()
                + "\" What is true: " + misconception.correctionLine();
        if (refutation == null) return explanation;
        return explanation == null ? refutation : explanation + "\n\n" + refutation;
    }

    /** {@link #write(String, Misconception)}, the misconception named by its id in {@code bank} (or null). */
    public static String write(String explanation, String misconception, Bank bank) {
        Misconception m = misconception == null ? null : bank.misconception(misconception).orElse(null);
        return write(explanation, m);
    }

    /** What feedback text says: an explanation (or null) and the id of a misconception the catalogue knows (or null). */
    public record Read(String explanation, String misconception) { }

    /** Reads feedback text back into an explanation and, when its last paragraph names one the catalogue knows, a misconception. */
    public static Read read(String text, Catalogue catalogue) {
        if (text == null || text.isBlank()) return new Read(null, null);
        String body = text.strip();
        int at = body.lastIndexOf(MARK);
        if (at >= 0 && (at == 0 || body.startsWith("\n\n", at - 2))) {
            int close = body.indexOf("): ", at);
            String id = close < 0 ? null : body.substring(at + MARK.length(), close);
            if (id != null && catalogue.find(id).isPresent()) {
                String explanation = body.substring(0, at).strip();
                return new Read(explanation.isEmpty() ? null : explanation, id);
            }
        }
        return new Read(body, null);
    }
}
