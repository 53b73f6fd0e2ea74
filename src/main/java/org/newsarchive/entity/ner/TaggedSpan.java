package org.newsarchive.entity.ner;

import java.util.Objects;

/**
 * A typed chunk of a sentence in token positions {@code [start, end)}: the unit that conlleval
 * counts, so gold and predicted names compare by plain equality.
 */
public record TaggedSpan(int start, int end, String type) {
    public TaggedSpan {
        Objects.requireNonNull(type, "type");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span [" + start + ", " + end + ")");
        }
    }

    /** Number of tokens covered. */
    public int length() {
        return end - start;
    }
}
