package org.newsarchive.query;

import java.util.Objects;
import java.util.Set;

/**
 * Which entities to count: those of the articles matching a query and date range, of some
 * types (or the articles' sources or authors), optionally only in articles that also mention
 * one given entity (co-occurrence).
 *
 * @param query the query ({@code *:*} for every article)
 * @param types what to count; empty for the four entity types
 * @param limit how many of the most frequent entities to return
 * @param with  a name (of any type) every counted article must mention, or null; the entity
 *              itself is left out of the counts
 */
public record EntityCountRequest(String query, DateRange dates, Set<CountedField> types, int limit, String with) {

    public EntityCountRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(dates, "dates");
        types = Set.copyOf(types);
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, not " + limit);
        }
    }
}
