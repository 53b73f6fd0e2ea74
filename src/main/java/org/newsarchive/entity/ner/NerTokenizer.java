package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Rule-based tokenizer that splits English news text the way CoNLL-2003 (Penn Treebank style) is
 * split, so the model sees the token shapes it was trained on: punctuation apart, possessive and
 * clitic {@code 's}, {@code n't}, {@code 'll} apart, but {@code U.S.}, {@code Corp.}, {@code Mr.},
 * initials ({@code J.}), numbers ({@code 1,750}, {@code 6.4}, {@code 1996-08-22}, {@code 1/2}),
 * hyphenated words ({@code 60-day}, {@code Asia-Pacific}), {@code AT&T} and {@code O'Neill} kept
 * whole. Curly quotes and dashes become their straight CoNLL forms (see {@link Token}).
 *
 * <p>A single hand-written scan, no regular expressions: it runs on every article indexed.
 * Stateless and thread-safe.
 */
public final class NerTokenizer {

    /**
     * Words that keep a following period: titles, company forms, months, states and other
     * abbreviations common in news (lower case, without the period).
     */
    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "prof", "rev", "gen", "col", "lt", "capt", "cmdr", "adm", "maj", "sgt", "gov",
            "sen", "rep", "pres", "sr", "jr", "st", "mt", "ft", "hon", "messrs", "mme", "mlle",
            "corp", "inc", "ltd", "co", "cos", "bros", "plc", "llc", "dept", "univ", "assn", "intl",
            "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
            "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
            "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky",
            "la", "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn",
            "tex", "va", "vt", "wash", "wis", "wyo",
            "ave", "blvd", "rd", "fig", "vol");

    /** Abbreviations also written in lower case. */
    static final Set<String> LOWER_CASE_ABBREVIATIONS = Set.of("vs", "etc", "approx", "est", "fig", "vol", "pp");

    /** Abbreviations only before a number: {@code No. 2}, not {@code said no.} */
    static final Set<String> NUMBER_ABBREVIATIONS = Set.of("no", "nos");

    private NerTokenizer() {
    }

    /** Tokens of the whole text. */
    public static List<Token> tokenize(String text) {
        return tokenize(text, 0, text.length());
    }

    /** Tokens of {@code text[from, to)}, with offsets into {@code text}. */
    public static List<Token> tokenize(String text, int from, int to) {
        List<Token> tokens = new ArrayList<>(Math.max(16, (to - from) / 5));
        int i = from;
        while (i < to) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u200b' || c == '\ufeff') {
                i++;
            } else if (Character.isLetterOrDigit(c)) {
                i = word(text, i, to, tokens);
            } else if (isApostrophe(c)) {
                i = apostrophe(text, i, to, tokens);
            } else {
                i = punctuation(text, i, to, tokens);
            }
        }
        return tokens;
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '\u2019' || c == '\u2018' || c == '`';
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK;
    }

    /** A word or number starting at {@code start}; returns where scanning goes on. */
    private static int word(String text, int start, int to, List<Token> tokens) {
        int j = start;
        boolean internalPeriod = false;
        while (true) {
            while (j < to && isWordChar(text.charAt(j))) {
                j++;
            }
            if (j >= to) {
                break;
            }
            char c = text.charAt(j);
            boolean nextIsWord = j + 1 < to && isWordChar(text.charAt(j + 1));
            char before = text.charAt(j - 1);
            if ((c == '-' || c == '\u2010' || c == '\u2011') && nextIsWord) {
                j++;
            } else if (c == '.' && nextIsWord && (Character.isDigit(before) == Character.isDigit(text.charAt(j + 1)))) {
                internalPeriod = true;
                j++;
            } else if ((c == ',' || c == ':' || c == '/') && nextIsWord && Character.isDigit(before)
                    && Character.isDigit(text.charAt(j + 1))) {
                if (c == ',' && !threeDigits(text, j + 1, to)) {
                    break;
                }
                j++;
            } else if (c == '&' && nextIsWord && Character.isUpperCase(before) && Character.isUpperCase(text.charAt(j + 1))) {
                j++;
            } else if (isApostrophe(c) && nextIsWord) {
                int clitic = cliticLength(text, j, to);
                if (clitic > 0) {
                    // "don't": the word ends before the n of n't
                    if (Character.toLowerCase(before) == 'n' && clitic == 3 && j - 1 > start) {
                        add(tokens, text, start, j - 1);
                        tokens.add(new Token("n't", j - 1, j + 2));
                        return j + 2;
                    }
                    break;
                }
                j++; // O'Neill, d'Alema
            } else {
                break;
            }
        }
        // a period that belongs to the word: abbreviations, initials, U.S.
        if (j < to && text.charAt(j) == '.') {
            String word = text.substring(start, j);
            if (internalPeriod && !Character.isDigit(word.charAt(word.length() - 1))
                    || word.length() == 1 && Character.isUpperCase(word.charAt(0))
                    || isAbbreviation(word, text, j + 1, to)) {
                j++;
            }
        }
        add(tokens, text, start, j);
        return j;
    }

    /** {@code word} followed by a period at {@code afterPeriod - 1} is an abbreviation. */
    private static boolean isAbbreviation(String word, String text, int afterPeriod, int to) {
        String lower = word.toLowerCase(java.util.Locale.ROOT);
        if (Character.isUpperCase(word.charAt(0)) && ABBREVIATIONS.contains(lower)) {
            return true;
        }
        if (LOWER_CASE_ABBREVIATIONS.contains(lower)) {
            return true;
        }
        if (NUMBER_ABBREVIATIONS.contains(lower)) {
            int k = afterPeriod;
            while (k < to && text.charAt(k) == ' ') {
                k++;
            }
            return k < to && Character.isDigit(text.charAt(k));
        }
        return false;
    }

    private static boolean threeDigits(String text, int from, int to) {
        if (from + 3 > to) {
            return false;
        }
        for (int k = from; k < from + 3; k++) {
            if (!Character.isDigit(text.charAt(k))) {
                return false;
            }
        }
        return from + 3 == to || !Character.isDigit(text.charAt(from + 3));
    }

    /**
     * Length of the clitic starting with the apostrophe at {@code at} ('s 'S 'll 're 've 'd 'm, or
     * n't counted from the apostrophe as 3 when the word ends in n and t follows), else 0.
     */
    private static int cliticLength(String text, int at, int to) {
        int k = at + 1;
        while (k < to && Character.isLetter(text.charAt(k))) {
            k++;
        }
        if (k < to && isWordChar(text.charAt(k))) {
            return 0;
        }
        String tail = text.substring(at + 1, k).toLowerCase(java.util.Locale.ROOT);
        if (tail.equals("t") && at > 0 && Character.toLowerCase(text.charAt(at - 1)) == 'n') {
            return 3;
        }
        return switch (tail) {
            case "s", "ll", "re", "ve", "d", "m" -> k - at;
            default -> 0;
        };
    }

    /** An apostrophe where a token starts: a clitic ('s after a word), else a quote. */
    private static int apostrophe(String text, int start, int to, List<Token> tokens) {
        int clitic = cliticLength(text, start, to);
        boolean afterWord = start > 0 && isWordChar(text.charAt(start - 1));
        if (clitic > 0 && clitic != 3 && afterWord) {
            String form = "'" + text.substring(start + 1, start + clitic);
            tokens.add(new Token(form, start, start + clitic));
            return start + clitic;
        }
        char c = text.charAt(start);
        if (c == '`' && start + 1 < to && text.charAt(start + 1) == '`') {
            tokens.add(new Token("\"", start, start + 2));
            return start + 2;
        }
        if (c == '\'' && start + 1 < to && text.charAt(start + 1) == '\'') {
            tokens.add(new Token("\"", start, start + 2));
            return start + 2;
        }
        tokens.add(new Token("'", start, start + 1));
        return start + 1;
    }

    private static int punctuation(String text, int start, int to, List<Token> tokens) {
        char c = text.charAt(start);
        int j = start + 1;
        String form;
        switch (c) {
            case '.' -> {
                while (j < to && text.charAt(j) == '.') {
                    j++;
                }
                form = j - start > 1 ? "..." : ".";
            }
            case '-' -> {
                while (j < to && text.charAt(j) == '-') {
                    j++;
                }
                form = j - start > 1 ? "--" : "-";
            }
            case '\u2014', '\u2015' -> form = "--";
            case '\u2013', '\u2012', '\u2212' -> form = "-";
            case '\u2026' -> form = "...";
            case '\u201c', '\u201d', '\u201e', '\u201f', '\u00ab', '\u00bb' -> form = "\"";
            case '!', '?' -> {
                while (j < to && (text.charAt(j) == '!' || text.charAt(j) == '?')) {
                    j++;
                }
                form = text.substring(start, j);
            }
            default -> {
                if (Character.isHighSurrogate(c) && j < to) {
                    j++;
                }
                form = text.substring(start, j);
            }
        }
        tokens.add(new Token(form, start, j));
        return j;
    }

    private static void add(List<Token> tokens, String text, int start, int end) {
        String form = text.substring(start, end);
        if (form.indexOf('\u2019') >= 0 || form.indexOf('\u2010') >= 0 || form.indexOf('\u2011') >= 0) {
            form = form.replace('\u2019', '\'').replace('\u2010', '-').replace('\u2011', '-');
        }
        tokens.add(new Token(form, start, end));
    }
}
