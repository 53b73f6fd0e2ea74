package org.newsarchive.ingest;

import java.util.Optional;

/**
 * The date line that opens every article: where its date token is and where the article's text
 * begins.
 *
 * <p>The line is found by scanning characters rather than with a regular expression over the
 * whole text: only the first non-blank line matters, and a scan stops there without touching the
 * rest of a possibly large file.
 *
 * <p>The date word must be a whole word ({@code date}, any case, optionally followed by a colon)
 * so that a story that merely starts with "Dated ..." or "Dateline ..." is reported as having no
 * date line instead of being given a date from its own prose.
 *
 * @param token     the whitespace-free run after the date word (and colon), empty when the line
 *                  holds nothing after the word; not yet validated
 * @param textStart index in the text where the article's text begins (just after the token); it
 *                  may be on the date line itself or on the following lines
 */
record DateLine(String token, int textStart) {

    private static final String WORD = "date";

    /**
     * Finds the date line. The caller has checked that {@code text} is not blank.
     *
     * @return the date line, or empty when the first non-blank line does not start with the date
     *         word
     */
    static Optional<DateLine> find(String text) {
        int n = text.length();
        int i = skipWhitespace(text, 0, n, true);
        if (!text.regionMatches(true, i, WORD, 0, WORD.length())) {
            return Optional.empty();
        }
        i += WORD.length();
        if (i < n && text.charAt(i) == ':') {
            i++;
        } else if (i < n && !Character.isWhitespace(text.charAt(i))) {
            return Optional.empty(); // "dated", "dateline", "date-stamp": another word
        } else {
            int afterSpaces = skipWhitespace(text, i, n, false);
            if (afterSpaces < n && text.charAt(afterSpaces) == ':') {
                i = afterSpaces + 1; // "date : 2023-12-22"
            }
        }
        int tokenStart = skipWhitespace(text, i, n, false);
        int tokenEnd = tokenStart;
        while (tokenEnd < n && !Character.isWhitespace(text.charAt(tokenEnd))) {
            tokenEnd++;
        }
        return Optional.of(new DateLine(text.substring(tokenStart, tokenEnd), tokenEnd));
    }

    /** Skips whitespace from {@code i}; across line ends only when {@code crossLines}. */
    private static int skipWhitespace(String text, int i, int n, boolean crossLines) {
        while (i < n) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c) || (c == '\n' && !crossLines)) {
                break;
            }
            i++;
        }
        return i;
    }
}
