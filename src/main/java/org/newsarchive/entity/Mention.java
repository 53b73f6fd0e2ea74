package org.newsarchive.entity;

import java.util.Objects;

/**
 * A name as the recogniser found it in a text, before normalisation: its type, its exact
 * surface text, and its character offsets {@code [start, end)} in the text it came from.
 */
public record Mention(EntityType type, String text, int start, int end) {
    public Mention {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(text, "text");
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad offsets [" + start + ", " + end + ")");
        }
    }
}
