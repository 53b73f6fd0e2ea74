package org.newsarchive.index;

import java.io.IOException;

/** The index location cannot hold an index: it is a file, or the folder cannot be created. */
public final class IndexLocationException extends IOException {
    public IndexLocationException(String message) {
        super(message);
    }

    public IndexLocationException(String message, Throwable cause) {
        super(message, cause);
    }
}
