package org.newsarchive.query;

import java.util.List;
import java.util.OptionalLong;

/**
 * The answer to a {@link SearchRequest}.
 *
 * @param total        exact number of articles matching the whole query, whatever the page
 * @param partialTotal exact number of articles with only some of the query's words, counted
 *                     when the page reached past the complete matches (and the query has words
 *                     to relax); those articles follow the complete ones in {@code hits}
 * @param tookMs       time spent searching, highlighting included
 */
public record SearchResult(String query, long total, OptionalLong partialTotal, long tookMs, List<SearchHit> hits) {
    public SearchResult {
        hits = List.copyOf(hits);
    }
}
