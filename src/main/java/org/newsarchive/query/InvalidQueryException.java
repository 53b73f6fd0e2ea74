package org.newsarchive.query;

/**
 * A query string that cannot run. The message is one line for the user: what is wrong and,
 * for syntax errors, at which column.
 */
public final class InvalidQueryException extends IllegalArgumentException {
    public InvalidQueryException(String message) {
        super(message);
    }

    public InvalidQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
