package org.newsarchive.query;

import java.io.IOException;
import org.apache.lucene.search.Query;

/**
 * Matches counted per calendar day: what a timeline is summed from, whatever keeps the articles
 * (the local index, a SolrCloud collection). Periods of any size are sums over days, so that
 * every back-end buckets alike, by the article's own calendar date.
 */
public interface DayCounts {

    /** The archive's first and last day (days since 1970-01-01), or null when it holds no article. */
    long[] extentDays() throws IOException;

    /**
     * Adds each article {@code query} matches to its day's counter, {@code perDay[day - firstDay]}.
     *
     * @return how many articles matched
     */
    long countDays(Query query, int[] perDay, long firstDay) throws IOException;
}
