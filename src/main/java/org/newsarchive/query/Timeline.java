package org.newsarchive.query;

import java.util.List;

/**
 * Matching articles per period, every period from the first to the last present, empty ones
 * as zero: a gap in coverage must show as a gap, not disappear.
 *
 * @param total  matching articles in all the periods
 * @param tookMs time spent counting
 */
public record Timeline(String query, TimeBucket by, long total, long tookMs, List<TimelinePeriod> periods) {

    public Timeline {
        periods = List.copyOf(periods);
    }
}
