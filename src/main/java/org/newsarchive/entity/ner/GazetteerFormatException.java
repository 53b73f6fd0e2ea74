package org.newsarchive.entity.ner;

import java.io.IOException;

/** A gazetteer file that cannot be read as one; the message is {@code file:line: what}. */
public final class GazetteerFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    public GazetteerFormatException(String message) {
        super(message);
    }
}
