package org.quizcard.store.anki;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;

/**
 * Reads the protocol-buffer messages Anki keeps beside its SQL (a package's {@code meta}, a note
 * type's or a deck's config blob), field by field: the few fields an import needs are read by
 * number, every other one skipped. Wire types: 0 varint, 1 fixed 64-bit, 2 length-delimited, 5
 * fixed 32-bit (groups, 3 and 4, are refused: Anki's messages have none). A message that ends
 * mid-field or names an impossible length is an {@link IllegalArgumentException}.
 */
public final class Protobuf {
    private final byte[] data;
    private final int end;
    private int at;
    private int wireType = -1;

    public Protobuf(byte[] data) {
        this(data, 0, data.length);
    }

    private Protobuf(byte[] data, int from, int end) {
        this.data = data;
        this.at = from;
        this.end = end;
    }

    /**
     * The varint field {@code field} of {@code message} (its last value when repeated), or 0 when
     * absent.
     */
    public static long numberField(byte[] message, int field) {
        Protobuf p = new Protobuf(message);
        long value = 0;
        for (int f = p.next(); f != 0; f = p.next()) {
            if (f == field) value = p.number();
            else p.skip();
        }
        return value;
    }

    /** The number of the next field, or 0 at the end of the message. */
    public int next() {
        if (at >= end) return 0;
        long key = varint();
        wireType = (int) (key & 7);
        long field = key >>> 3;
        if (field < 1 || field > (1 << 29) - 1) throw new IllegalArgumentException("field number " + field);
        if (wireType != 0 && wireType != 1 && wireType != 2 && wireType != 5) {
            throw new IllegalArgumentException("wire type " + wireType);
        }
        return (int) field;
    }

    /** The current field's value as a varint (wire type 0). */
    public long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (at >= end) throw new IllegalArgumentException("the message ends inside a number");
            byte b = data[at++];
            value |= (long) (b & 0x7f) << shift;
            if (b >= 0) return value;
        }
        throw new IllegalArgumentException("a number longer than ten bytes");
    }

    /** The current field's value, which must be a varint. */
    public long number() {
        expect(0);
        return varint();
    }

    /** The current field's value, which must be length-delimited, as UTF-8 text. */
    public String string() {
        int[] span = span();
        try {
            // a new decoder reports malformed input rather than replacing it
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data, span[0], span[1] - span[0]))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("text that is not UTF-8", e);
        }
    }

    /** The current field's value, which must be length-delimited, as a message of its own. */
    public Protobuf message() {
        int[] span = span();
        return new Protobuf(data, span[0], span[1]);
    }

    /** Skips the current field's value. */
    public void skip() {
        switch (wireType) {
            case 0 -> varint();
            case 1 -> advance(8);
            case 2 -> span();
            case 5 -> advance(4);
            default -> throw new IllegalStateException("no field read");
        }
    }

    private int[] span() {
        expect(2);
        long length = varint();
        if (length < 0 || length > end - at) throw new IllegalArgumentException("a length past the end of the message");
        int from = at;
        at += (int) length;
        return new int[] {from, at};
    }

    private void advance(int bytes) {
        if (end - at < bytes) throw new IllegalArgumentException("the message ends inside a field");
        at += bytes;
    }

    private void expect(int type) {
        if (wireType != type) throw new IllegalArgumentException("wire type " + wireType + " where " + type + " belongs");
    }
}
