package org.newsarchive.query;

import java.util.List;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total  exact number of matching articles, whatever the page
 * @param tookMs time spent searching, highlighting included
 */
public record SearchResult(String query, long total, long tookMs, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
