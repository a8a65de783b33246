package org.quizcard.srs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The lines of a UTF-8 text, one at a time and numbered from 1, as {@link BufferedReader#readLine} splits them. A
 * line that is not UTF-8 or is {@link #MAX_LINE_BYTES} long is reported at its number, after the lines before it.
 */
final class Utf8Lines {

    /** Longest line read, in bytes: a row is a few dozen bytes, and a longer line is not a review history. */
    static final int MAX_LINE_BYTES = 1 << 20;
    /**
     * What the decoder puts in place of bytes that are not UTF-8: a lone high surrogate, which no UTF-8 text
     * decodes to, so a line holds one exactly where its bytes were not UTF-8.
     */
    private static final char NOT_UTF8 = '\uD800';

    private final Bound bound;
    private final BufferedReader reader;
    private int number;

    /** The lines of {@code in}, which is not closed. */
    Utf8Lines(InputStream in) {
        bound = new Bound(in);
        reader = new BufferedReader(new InputStreamReader(bound, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(String.valueOf(NOT_UTF8))), 1 << 16);
    }

    /** The next line, without its line break, or {@code null} at the end of the text. */
    String next() throws IOException, ReviewCsv.BadRowException {
        String line = reader.readLine();
        number++;
        if (bound.tooLongLine == number) {
            throw new ReviewCsv.BadRowException(number,
                    "longer than " + (MAX_LINE_BYTES >> 20) + " MiB; not a review history");
        }
        if (line != null && !isUtf8(line)) {
            throw new ReviewCsv.BadRowException(number, "not valid UTF-8 text");
        }
        return line;
    }

    /** The number of the line {@link #next} returned last. */
    int number() {
        return number;
    }

    /** Whether the decoded line came from UTF-8 bytes: it has no {@link #NOT_UTF8} outside a surrogate pair. */
    private static boolean isUtf8(String line) {
        for (int i = line.indexOf(NOT_UTF8); i >= 0; i = line.indexOf(NOT_UTF8, i + 1)) {
            if (i + 1 == line.length() || !Character.isLowSurrogate(line.charAt(i + 1))) {
                return false;
            }
        }
        return true;
    }

    /**
     * The bytes, cut short at the first line that reaches {@link #MAX_LINE_BYTES} (counting a carriage return that
     * ends it): the reader then returns the lines before it, part of it and the end, and {@link #tooLongLine} names
     * it. Lines end at a line feed, a carriage return or both; no UTF-8 sequence holds either byte.
     */
    private static final class Bound extends InputStream {
        private final InputStream in;
        private int line = 1;
        private int length;
        private boolean afterCarriageReturn;
        /** The number of the line that was too long, or 0. */
        int tooLongLine;

        Bound(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] bytes, int offset, int count) throws IOException {
            if (tooLongLine > 0) {
                return -1;
            }
            int n = in.read(bytes, offset, count);
            for (int i = offset; i < offset + n; i++) {
                byte b = bytes[i];
                if (b == '\n') {
                    line += afterCarriageReturn ? 0 : 1;
                    length = 0;
                    afterCarriageReturn = false;
                    continue;
                }
                if (++length >= MAX_LINE_BYTES) {
                    tooLongLine = line;
                    return i > offset ? i - offset : -1;
                }
                afterCarriageReturn = b == '\r';
                if (afterCarriageReturn) {
                    line++;
                    length = 0;
                }
            }
            return n;
        }
    }
}
