package org.quizcard.bank;

/** Where something stands in a source file: a 1-based line and column. */
public record Position(String file, int line, int column) {
    /** A position for a whole file, when no line is known. */
    public static Position ofFile(String file) {
        return new Position(file, 0, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }
}
