package org.newsarchive.entity.ner;

import java.util.Objects;

/**
 * A token of raw text: its form as the model sees it and its character offsets {@code [start,
 * end)} in the text. The form can differ from the text it covers: curly quotes and dashes are
 * given the straight forms of the CoNLL training data ({@code ’s} becomes {@code 's}, an em dash
 * {@code --}), so the model meets the spellings it learnt from.
 */
public record Token(String text, int start, int end) {
    public Token {
        Objects.requireNonNull(text, "text");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
        }
    }
}
