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
 * @param suggestions  corrections for the query's words and entity filters that no article has,
 *                     looked for when the search finds fewer than {@link #SUGGEST_BELOW} articles
 * @param didYouMean   the query with the suggested words in place, or null
 */
public record SearchResult(String query, long total, OptionalLong partialTotal, long tookMs, List<SearchHit> hits,
        List<Suggestion> suggestions, String didYouMean) {

    /** A search with fewer complete matches than this looks for spelling suggestions. */
    public static final int SUGGEST_BELOW = 5;

    public SearchResult {
        hits = List.copyOf(hits);
        suggestions = List.copyOf(suggestions);
    }
}
