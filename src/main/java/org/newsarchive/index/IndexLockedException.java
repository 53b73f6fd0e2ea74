package org.newsarchive.index;

import java.io.IOException;

/** Another process holds the index's write lock; only one writer may run at a time. */
public final class IndexLockedException extends IOException {
    public IndexLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
