package org.newsarchive.entity;

import java.util.List;

/**
 * Finds the names in a text. Implementations are thread-safe: the indexer calls one shared
 * instance from all its workers.
 */
public interface MentionRecognizer {

    /**
     * The mentions of {@code text}, in text order, not overlapping. {@code text} is one whole
     * document (an article's headline and body), so an implementation may use what it learns in
     * one sentence to tag the next consistently.
     */
    List<Mention> recognize(String text);

    /** Identifies the model, recorded with the index: two recognisers with one version tag alike. */
    default String version() {
        return getClass().getSimpleName();
    }
}
