package org.quizcard;

/**
 * A failure the user can act on: carries a one-line message and the process exit code the
 * command line reports for it. Anything else that escapes a command is a bug.
 */
public class QuizcardException extends RuntimeException {
    /** Exit code for a job that ran and failed (lint errors, a failed grade). */
    public static final int FAILED = 1;
    /** Exit code for bad usage or unreadable input. */
    public static final int BAD_INPUT = 2;

    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public QuizcardException(String message, int exitCode) {
        super(message);
        this.exitCode = exitCode;
    }

    public QuizcardException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** Bad input: an unreadable file, a malformed value, an unknown id. */
    public static QuizcardException badInput(String message) {
        return new QuizcardException(message, BAD_INPUT);
    }

    public int exitCode() {
        return exitCode;
    }
}
