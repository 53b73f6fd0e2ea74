package org.newsarchive.entity;

/** An alias file that cannot be used; the message names the file and line. */
public final class AliasFileException extends IllegalArgumentException {
    public AliasFileException(String message) {
        super(message);
    }
}
