package org.quizcard.bank;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A fingerprint of what a question asks and accepts, so the review log can tell when a question
 * changed since it was last answered. Positions in the file do not count: moving a question is
 * not changing it.
 */
public final class ContentHash {
    private ContentHash() {
    }

    /** The first 16 hex digits of the SHA-256 of the question's content. */
    public static String of(Question q) {
        StringBuilder b = new StringBuilder();
        b.append(q.type().yamlName()).append('\u0000').append(q.prompt()).append('\u0000')
                .append(q.common().explanation()).append('\u0000');
        if (q instanceof Question.Choice c) {
            c.options().forEach(o -> {
                b.append(o.text()).append(o.correct()).append(o.misconception());
                // Added later than the rest: absent, it leaves every earlier hash as it was.
                if (o.explanation() != null) b.append('\u0003').append(o.explanation());
                b.append('\u0001');
            });
        } else if (q instanceof Question.TrueFalse t) {
            b.append(t.answer()).append(t.misconception());
        } else if (q instanceof Question.Text t) {
            b.append(t.answers()).append(t.regex());
            t.wrong().forEach(w -> b.append(w.answer()).append(w.misconception()).append('\u0001'));
        } else if (q instanceof Question.Numeric n) {
            b.append(n.answer()).append(n.tolerance()).append(n.unit());
        } else if (q instanceof Question.Order o) {
            b.append(o.items());
        } else if (q instanceof Question.Match m) {
            m.pairs().forEach(p -> b.append(p.left()).append('\u0002').append(p.right()).append('\u0001'));
        } else if (q instanceof Question.Cloze z) {
            b.append(z.text());
            z.blanks().forEach(bl -> {
                b.append(bl.answers());
                bl.wrong().forEach(w -> b.append(w.answer()).append(w.misconception()));
                b.append('\u0001');
            });
        } else if (q instanceof Question.Flashcard f) {
            b.append(f.back());
        }
        byte[] digest = sha256().digest(b.toString().getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest, 0, 8);
    }

    /** A new SHA-256 digest, the hash of every fingerprint and seed quizcard takes. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
