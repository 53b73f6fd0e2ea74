package org.newsarchive.ingest;

/**
 * Counts the words of a text, for statistics and for ranking hints.
 *
 * <p>A word is a whitespace-separated token holding at least one letter or digit, so stray
 * punctuation such as a dash between spaces or a lone "--" is not counted: word counts should
 * match what a reader would count.
 */
final class WordCounter {

    private WordCounter() {
    }

    /** The number of words in {@code text}. */
    static int count(CharSequence text) {
        int words = 0;
        boolean inToken = false;
        boolean tokenHasWordChar = false;
        int n = text.length();
        for (int i = 0; i < n; ) {
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
