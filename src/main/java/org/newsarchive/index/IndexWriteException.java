package org.newsarchive.index;

import java.io.IOException;

/**
 * Indexing stopped for a reason the user can act on (out of memory), said in words rather than
 * as an exception's class; the index holds its last commit.
 */
public final class IndexWriteException extends IOException {
    public IndexWriteException(String message, Throwable cause) {
        super(message, cause);
    }
}
