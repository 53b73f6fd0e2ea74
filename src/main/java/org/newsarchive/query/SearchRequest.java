package org.newsarchive.query;

import java.util.Objects;

/**
 * One search: a query in the classic syntax, a date range, an order and a page.
 *
 * @param limit  hits to return; 0 asks for the total only
 * @param offset hits to skip, for paging
 */
public record SearchRequest(String query, DateRange dates, SortOrder sort, int limit, int offset) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(sort, "sort");
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
    }

    /** The first ten hits by relevance, any date. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, DateRange.ALL, SortOrder.RELEVANCE, 10, 0);
    }

    public SearchRequest withDates(DateRange range) {
        return new SearchRequest(query, range, sort, limit, offset);
    }

    public SearchRequest withSort(SortOrder order) {
        return new SearchRequest(query, dates, order, limit, offset);
    }

    public SearchRequest withPage(int newLimit, int newOffset) {
        return new SearchRequest(query, dates, sort, newLimit, newOffset);
    }
}
