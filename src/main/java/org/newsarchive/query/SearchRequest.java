package org.newsarchive.query;

import java.util.List;
import java.util.Objects;

/**
 * One search: a query in the classic syntax, a date range, entity, source and author filters,
 * an order, a page, and how the query is matched and ranked.
 *
 * @param entities entities every hit must mention
 * @param metadata sources and authors every hit must have
 * @param limit    hits to return; 0 asks for the total only
 * @param offset   hits to skip, for paging
 * @param completeOnly only articles matching the whole query, never those with some of its words
 * @param expand   rank with pseudo-relevance feedback ({@link RelevanceFeedback}); matches are unchanged
 */
public record SearchRequest(String query, DateRange dates, List<EntityFilter> entities, List<MetadataFilter> metadata,
        SortOrder sort, int limit, int offset, boolean completeOnly, boolean expand) {

    public SearchRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(sort, "sort");
        entities = List.copyOf(entities);
        metadata = List.copyOf(metadata);
        if (limit < 0) {
            throw new IllegalArgumentException("limit must be 0 or more, not " + limit);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("offset must be 0 or more, not " + offset);
        }
    }

    /** The first ten hits by relevance, any date. */
    public static SearchRequest of(String query) {
        return new SearchRequest(query, DateRange.ALL, List.of(), List.of(), SortOrder.RELEVANCE, 10, 0, false, false);
    }

    public SearchRequest withDates(DateRange range) {
        return new SearchRequest(query, range, entities, metadata, sort, limit, offset, completeOnly, expand);
    }

    public SearchRequest withEntities(List<EntityFilter> filters) {
        return new SearchRequest(query, dates, filters, metadata, sort, limit, offset, completeOnly, expand);
    }

    public SearchRequest withSort(SortOrder order) {
        return new SearchRequest(query, dates, entities, metadata, order, limit, offset, completeOnly, expand);
    }

    public SearchRequest withExpand(boolean feedback) {
        return new SearchRequest(query, dates, entities, metadata, sort, limit, offset, completeOnly, feedback);
    }

    public SearchRequest withPage(int newLimit, int newOffset) {
        return new SearchRequest(query, dates, entities, metadata, sort, newLimit, newOffset, completeOnly, expand);
    }
}
