package org.newsarchive.query;

/** A date or date range a user typed does not make sense; the message says why. */
public final class InvalidDateException extends IllegalArgumentException {
    public InvalidDateException(String message) {
        super(message);
    }
}
