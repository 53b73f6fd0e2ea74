package org.newsarchive.ingest;

/**
 * Counts the words of a text, for statistics and for ranking hints.
 *
 * <p>A word is a whitespace-separated token holding at least one letter or digit, so stray
 * punctuation such as a dash between spaces or a lone "--" is not counted: word counts should
 * match what a reader would count.
 */
final class WordCounter {

    private static final boolean[] ASCII_WHITESPACE = new boolean[128];
    private static final boolean[] ASCII_WORD = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WHITESPACE[c] = Character.isWhitespace(c);
            ASCII_WORD[c] = Character.isLetterOrDigit(c);
        }
    }

    private WordCounter() {
    }

    /** The number of words in {@code text}. */
    static int count(CharSequence text) {
        int words = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
            char c = text.charAt(i);
            if (c < 128) {
                // ASCII, nearly every character of an English archive: decided without the
                // Unicode tables, which cost more than the rest of parsing an article together
                i++;
                if (ASCII_WHITESPACE[c]) {
                    if (inToken && tokenHasWordChar) {
                        words++;
                    }
                    inToken = false;
                    tokenHasWordChar = false;
                } else {
                    inToken = true;
                    tokenHasWordChar |= ASCII_WORD[c];
                }
                continue;
            }
            int cp = Character.codePointAt(text, i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                if (inToken && tokenHasWordChar) {
                    words++;
                }
                inToken = false;
                tokenHasWordChar = false;
            } else {
                inToken = true;
                tokenHasWordChar |= Character.isLetterOrDigit(cp);
            }
        }
        if (inToken && tokenHasWordChar) {
            words++;
        }
        return words;
    }
}
