package org.newsarchive.query;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What "did you mean" asks of the archive, wherever it is kept: how many articles have a term,
 * the closest term within two edits that some have, and the text of the article that has a term
 * best. {@link SpellingSuggester} makes the suggestions from these the same way on every back-end.
 */
public interface SpellingSource {

    /** A term and how many articles have it. */
    record Closest(String term, int articles) {
    }

    /** Articles with {@code term} in {@code field}. */
    int docFreq(String field, String term) throws IOException;

    /** The closest term of {@code field} within two edits of {@code term} (Lucene's DirectSpellChecker), or null. */
    Closest closest(String field, String term) throws IOException;

    /**
     * The stored values of {@code fields} of the article where {@code term} of {@code field}
     * scores best (ties by the back-end's own order); empty when no article has it.
     */
    Map<String, List<String>> bestWith(String field, String term, Set<String> fields) throws IOException;
}
