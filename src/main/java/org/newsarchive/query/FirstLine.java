package org.newsarchive.query;

/**
 * The first line of an exception's message. Lucene's query parser and CheckIndex explain
 * themselves over several lines (the grammar's expected tokens, a segment dump); every error
 * newsarchive prints is one line, on stderr or in an API answer. It lives here, in the package
 * that every layer that reports errors may use (query, eval, index, cli, server).
 */
public final class FirstLine {

    private FirstLine() {
    }

    /** The message's first non-blank line, stripped; empty for a null or blank message. */
    public static String of(String message) {
        String text = message == null ? "" : message.strip();
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline).strip();
    }
}
