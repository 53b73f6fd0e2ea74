package org.newsarchive.entity.ner;

/** Small, allocation-light helpers about how a token is written, shared by the feature code. */
final class WordShapes {

    private WordShapes() {
    }

    /**
     * The token's shape with runs collapsed: upper-case letters become X, lower-case x, digits
     * d, other characters stay; {@code McDonald's} is {@code XxXx'x}, {@code 1,750} is
     * {@code d,d}.
     */
    static String shape(String token) {
        StringBuilder shape = new StringBuilder(Math.min(token.length(), 12));
        char last = 0;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            char mapped;
            if (Character.isUpperCase(c)) {
                mapped = 'X';
            } else if (Character.isLowerCase(c)) {
                mapped = 'x';
            } else if (Character.isDigit(c)) {
                mapped = 'd';
            } else if (Character.isLetter(c)) {
                mapped = 'l';
            } else {
                mapped = c;
            }
            if (mapped != last) {
                shape.append(mapped);
                last = mapped;
            }
        }
        return shape.toString();
    }

    /** Starts with an upper-case letter. */
    static boolean isCapitalized(String token) {
        return !token.isEmpty() && Character.isUpperCase(token.charAt(0));
    }

    /** Has letters and none of them lower-case. */
    static boolean isAllCaps(String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /** Has at least one letter and all its letters lower-case. */
    static boolean isLowerCase(String token) {
        boolean letter = false;
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (Character.isUpperCase(c)) {
                return false;
            }
            letter |= Character.isLetter(c);
        }
        return letter;
    }

    /**
     * A sentence written in capitals (a Reuters headline, a dateline): there capitals say
     * nothing about names. True when no word of two or more letters has a lower-case letter
     * and there is at least one such word.
     */
    static boolean isAllCapsSentence(String[] tokens) {
        int capsWords = 0;
        for (String token : tokens) {
            int letters = 0;
            for (int i = 0; i < token.length(); i++) {
                char c = token.charAt(i);
                if (Character.isLowerCase(c)) {
                    if (token.length() > 1) {
                        return false;
                    }
                }
                if (Character.isLetter(c)) {
                    letters++;
                }
            }
            if (letters >= 2) {
                capsWords++;
            }
        }
        return capsWords > 0;
    }

    /** The token with only its first letter upper-case: {@code CHINA} becomes {@code China}. */
    static String titleCase(String token) {
        if (token.isEmpty()) {
            return token;
        }
        return token.substring(0, 1) + token.substring(1).toLowerCase(java.util.Locale.ROOT);
    }
}
