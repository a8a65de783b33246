package org.quizcard.exchange;

import org.quizcard.bank.Printable;

/**
 * Something an import or export could not carry over, item by item: {@code where} names the
 * file and the item ({@code deck.apkg: note 1596 "What is a page?"}), {@code what} says what was
 * left out and why ({@code image cat.png: banks hold text only}); {@code dropped} when the whole
 * item was left out rather than a part of it. Both are one printable line, whatever text from the
 * file they quote, since commands list them on a terminal.
 */
public record Loss(String where, String what, boolean dropped) {
    public Loss {
        where = Printable.line(where);
        what = Printable.line(what);
    }

    /** A part of an item left out; the item itself was carried. */
    public static Loss part(String where, String what) {
        return new Loss(where, what, false);
    }

    /** A whole item left out. */
    public static Loss item(String where, String what) {
        return new Loss(where, what, true);
    }

    @Override
    public String toString() {
        return where + ": " + (dropped ? "left out: " : "") + what;
    }
}
