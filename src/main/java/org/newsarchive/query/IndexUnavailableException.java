package org.newsarchive.query;

import java.io.IOException;

/** There is no index to read at the given place, or it cannot be opened. */
public final class IndexUnavailableException extends IOException {
    public IndexUnavailableException(String message) {
        super(message);
    }

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
