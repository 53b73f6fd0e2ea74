package org.newsarchive.entity.ner;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The {@link WordFeatures} of the words seen recently, so that each distinct word's features are
 * built and looked up once rather than at every occurrence. Bounded: when it holds
 * {@code capacity} words it starts again empty, which keeps memory flat over an archive of any
 * size (a news vocabulary's frequent words come back within a few articles) at the price of
 * rebuilding those words once. Not thread-safe: each tagger has its own.
 */
final class WordFeatureCache {

    private final int capacity;
    private final Function<String, WordFeatures> build;
    private final Map<String, WordFeatures> words;

    /** A cache of at most {@code capacity} words, whose features {@code build} makes. */
    WordFeatureCache(int capacity, Function<String, WordFeatures> build) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity " + capacity);
        }
        this.capacity = capacity;
        this.build = build;
        this.words = new HashMap<>(Math.min(capacity, 1 << 16) * 4 / 3 + 1);
    }

    /** The features of {@code token}, built now if the cache does not hold them. */
    WordFeatures get(String token) {
        WordFeatures word = words.get(token);
        if (word == null) {
            if (words.size() >= capacity) {
                words.clear();
            }
            word = build.apply(token);
            words.put(token, word);
        }
        return word;
    }

    /** Number of words held. */
    int size() {
        return words.size();
    }
}
