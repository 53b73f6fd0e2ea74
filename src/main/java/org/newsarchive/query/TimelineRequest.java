package org.newsarchive.query;

import java.util.Objects;

/**
 * A timeline: how many articles match {@code query} in each period of {@code by}, within
 * {@code dates}.
 */
public record TimelineRequest(String query, DateRange dates, TimeBucket by) {

    public TimelineRequest {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(dates, "dates");
        Objects.requireNonNull(by, "by");
    }
}
