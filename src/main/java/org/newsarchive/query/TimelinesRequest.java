package org.newsarchive.query;

import java.util.List;
import java.util.Objects;

/**
 * Timelines of one or more queries over the same periods, as the {@code timeline} command and
 * the HTTP API ask for them.
 *
 * @param queries  the queries, the first one the main series ({@code --compare} adds a second)
 * @param entities entities every counted article must mention
 * @param metadata sources and authors every counted article must have
 * @param by       the period, or null to choose it from the span ({@link TimeBucket#forSpan})
 * @param share    also count every article of each period, so that each period's matches can be
 *                 shown as a share of all its articles
 */
public record TimelinesRequest(List<String> queries, DateRange dates, List<EntityFilter> entities,
        List<MetadataFilter> metadata, TimeBucket by, boolean share) {

    public TimelinesRequest {
        queries = List.copyOf(queries);
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("a timeline needs a query");
        }
        Objects.requireNonNull(dates, "dates");
        entities = List.copyOf(entities);
        metadata = List.copyOf(metadata);
    }
}
