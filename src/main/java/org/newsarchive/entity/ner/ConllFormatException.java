package org.newsarchive.entity.ner;

import java.io.IOException;

/** A CoNLL file that cannot be read as one; the message is {@code file:line: what}. */
public final class ConllFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public ConllFormatException(String message) {
        super(message);
    }
}
