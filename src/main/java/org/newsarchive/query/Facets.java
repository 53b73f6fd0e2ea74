package org.newsarchive.query;

import java.util.Map;

/**
 * The counts beside a page of results: per counted field, its most frequent values among the
 * articles with every word. Each field's counts apply every filter of the search but that
 * field's own, so that choosing one person does not make every other person's count zero.
 */
public record Facets(String query, long tookMs, Map<CountedField, EntityCounts> counts) {

    public Facets {
        counts = Map.copyOf(counts);
    }
}
