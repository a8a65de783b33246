package org.quizcard.bank;

/** One finding about a bank file: an error that makes it unusable, or a warning about its quality. */
public record Problem(Severity severity, Position where, String message) implements Comparable<Problem> {
    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public static Problem error(Position where, String message) {
        return new Problem(Severity.ERROR, where, message);
    }

    public static Problem warning(Position where, String message) {
        return new Problem(Severity.WARNING, where, message);
    }

    /**
     * Bad input naming the first error of {@code problems} (by file and position) and how many
     * more there are; nothing when they hold only warnings: how a file read whole refuses itself.
     */
    public static void failOnErrors(java.util.List<Problem> problems) {
        java.util.List<Problem> errors = problems.stream().filter(Problem::isError).sorted().toList();
        if (errors.isEmpty()) return;
        String more = errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "";
        throw org.quizcard.QuizcardException.badInput(errors.get(0).format() + more);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line form every tool prints: {@code path:line:column: message}. */
    public String format() {
        // control characters (an escape sequence from a file's text) become U+FFFD: a message cannot drive a terminal
        return Printable.line(where + ": " + (isError() ? "" : "warning: ") + message);
    }

    @Override
    public int compareTo(Problem o) {
        int c = where.file().compareTo(o.where.file());
        if (c == 0) c = Integer.compare(where.line(), o.where.line());
        if (c == 0) c = Integer.compare(where.column(), o.where.column());
        return c != 0 ? c : message.compareTo(o.message);
    }
}
