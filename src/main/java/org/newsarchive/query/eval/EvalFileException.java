package org.newsarchive.query.eval;

/**
 * A topics or qrels file that cannot be used as it is. The message is one line for the user,
 * starting with {@code FILE:LINE:} when the problem is on one line.
 */
public final class EvalFileException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A problem with the file as a whole (missing, unreadable, empty). */
    public EvalFileException(String file, String message) {
        super(file + ": " + message);
    }

    /** A problem on one line, counted from 1. */
    public EvalFileException(String file, int line, String message) {
        super(file + ":" + line + ": " + message);
    }
}
