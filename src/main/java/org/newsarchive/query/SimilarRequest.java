package org.newsarchive.query;

import java.util.Objects;

/**
 * The articles most like one article ({@code similar ID}).
 *
 * @param limit  how many similar articles, 1 or more
 * @param dates  only articles within these dates
 * @param thread list them by date, oldest first, with the article itself among them: its story
 */
public record SimilarRequest(String id, int limit, DateRange dates, boolean thread) {

    public SimilarRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(dates, "dates");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be 1 or more, not " + limit);
        }
    }
}
