package org.newsarchive.query;

import java.time.LocalDate;

/**
 * One ranked article.
 *
 * @param published the date as the source gave it (date, or date-time with offset)
 * @param headline  the headline with matched words marked
 * @param snippet   the best passages of the body with matched words marked
 */
public record SearchHit(
        String id,
        LocalDate date,
        String published,
        Snippet headline,
        float score,
        Snippet snippet,
        String path) {
}
