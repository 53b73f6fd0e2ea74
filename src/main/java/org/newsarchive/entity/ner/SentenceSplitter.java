package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits tokens into sentences by rule: after {@code . ? !} or {@code ...} (and any closing
 * quotes or brackets right after it) when the next token starts like a sentence (capital, digit,
 * opening quote or bracket); at a blank line (a new paragraph); at a line break followed by a
 * capitalised token (a title line). Abbreviations never end a sentence here, because the tokenizer keeps their
 * period ({@code Mr.}, {@code U.S.}, {@code Corp.}) and only a lone {@code .} token counts; a
 * missed boundary after {@code Inc.} costs the recogniser little, a false one inside
 * {@code U.S. State Department} would cost a name. Sentences longer than {@link #MAX_TOKENS} are
 * cut, to bound the work on tables and lists. Stateless and thread-safe.
 */
public final class SentenceSplitter {

    /** Longest sentence handed to the tagger. */
    public static final int MAX_TOKENS = 250;

    private SentenceSplitter() {
    }

    /** The sentences of {@code tokens}, which were cut from {@code text}, as views of the list. */
    public static List<List<Token>> split(String text, List<Token> tokens) {
        List<List<Token>> sentences = new ArrayList<>();
        int start = 0;
        int n = tokens.size();
        for (int i = 0; i < n; i++) {
            Token token = tokens.get(i);
            boolean end = false;
            int last = i;
            if (isTerminal(token.text())) {
                // take closing quotes and brackets that touch the sentence end
                while (last + 1 < n && isCloser(tokens.get(last + 1).text())
                        && tokens.get(last + 1).start() == tokens.get(last).end()) {
                    last++;
                }
                end = last + 1 >= n || startsSentence(tokens.get(last + 1).text())
                        || lineBreaksBetween(text, tokens.get(last).end(), tokens.get(last + 1).start()) >= 2;
            } else if (i + 1 < n) {
                int breaks = lineBreaksBetween(text, token.end(), tokens.get(i + 1).start());
                end = breaks >= 2 || breaks == 1 && startsSentence(tokens.get(i + 1).text());
            }
            if (!end && last - start + 1 >= MAX_TOKENS) {
                end = true;
            }
            if (end) {
                sentences.add(tokens.subList(start, last + 1));
                start = last + 1;
                i = last;
            }
        }
        if (start < n) {
            sentences.add(tokens.subList(start, n));
        }
        return sentences;
    }

    private static boolean isTerminal(String token) {
        return token.equals(".") || token.equals("...") || token.charAt(0) == '?' || token.charAt(0) == '!';
    }

    private static boolean isCloser(String token) {
        return token.equals("\"") || token.equals("'") || token.equals(")") || token.equals("]");
    }

    private static boolean startsSentence(String token) {
        char c = token.charAt(0);
        return Character.isUpperCase(c) || Character.isDigit(c) || c == '"' || c == '(' || c == '[' || c == '\''
                || c == '-' || Character.isLetter(c) && !Character.isLowerCase(c);
    }

    /** Line breaks in {@code text[from, to)} (CRLF counts once). */
    private static int lineBreaksBetween(String text, int from, int to) {
        int breaks = 0;
        for (int k = from; k < to; k++) {
            char c = text.charAt(k);
            if (c == '\n' || c == '\u2028' || c == '\u2029' || c == '\r' && (k + 1 >= to || text.charAt(k + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }
}
