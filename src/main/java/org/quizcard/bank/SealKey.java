package org.quizcard.bank;

import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.quizcard.QuizcardException;

/**
 * The 256-bit AES key that seals a bank's answers. Its text form, in a key file or in
 * {@code QUIZCARD_KEY}, is one line {@code quizcard-key-v1:<base64>}. Neither {@link #toString()}
 * nor any error message ever shows the key.
 */
public final class SealKey {
    /** What the text form of a key starts with. */
    public static final String PREFIX = "quizcard-key-v1:";
    /** Bytes in a key. */
    static final int BYTES = 32;

    private final byte[] bytes;

    private SealKey(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** A new random key. */
    public static SealKey generate(SecureRandom random) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        return new SealKey(bytes);
    }

    /** A new key from a fresh {@link SecureRandom}. */
    public static SealKey generate() {
        return generate(new SecureRandom());
    }

    /**
     * Reads a key's text form; surrounding white space (a final newline) is ignored. Fails with a
     * message that never repeats the text.
     */
    public static SealKey parse(String text) {
        String line = text.strip();
        if (line.isEmpty()) throw QuizcardException.badInput("the key is empty");
        if (line.lines().count() > 1) throw QuizcardException.badInput("the key must be one line");
        if (!line.startsWith(PREFIX)) {
            throw QuizcardException.badInput("not a quizcard key (expected one line '" + PREFIX + "<base64>')");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(line.substring(PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw QuizcardException.badInput("the key is not valid base64 after '" + PREFIX + "'");
        }
        if (bytes.length != BYTES) {
            throw QuizcardException.badInput("the key has " + bytes.length + " bytes; a quizcard key has " + BYTES);
        }
        return new SealKey(bytes);
    }

    /** The text form: {@code quizcard-key-v1:<base64>}, without a newline. */
    public String encode() {
        return PREFIX + Base64.getEncoder().encodeToString(bytes);
    }

    SecretKey secretKey() {
        return new SecretKeySpec(bytes, "AES");
    }

    @Override
    public String toString() {
        return "SealKey[hidden]";
    }
}
