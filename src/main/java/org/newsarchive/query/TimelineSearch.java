package org.newsarchive.query;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;

/** Answers {@link TimelineRequest}s and {@link TimelinesRequest}s: counts of matches per period. */
public final class TimelineSearch {

    private final RequestFilters filters;
    private final TimelineCounter counter;

    TimelineSearch(IndexSearcher searcher, RequestFilters filters) {
        this(new IndexDayCounts(searcher), filters);
    }

    /** Sums periods from {@code days}, parsing and filtering with {@code filters}. */
    public TimelineSearch(DayCounts days, RequestFilters filters) {
        this.filters = filters;
        this.counter = new TimelineCounter(days);
    }

    /**
     * How many articles match a query in each period, empty periods included. Counts the
     * articles with every word (the search's {@code total}), never partial matches.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public Timeline timeline(TimelineRequest request) throws IOException {
        long started = System.nanoTime();
        Query query = filters.apply(filters.parse(request.query()), request.dates());
        return counter.count(request.query(), query, request.dates(), request.by(), started);
    }

    /**
     * Timelines of several queries over the same periods, so that they can be drawn on one
     * chart or divided one by another (a query by {@code *:*} gives each period's share).
     * {@code by} null picks the period from the span ({@link TimeBucket#forSpan}).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    public List<Timeline> timelines(List<String> queries, DateRange dates, TimeBucket by) throws IOException {
        long started = System.nanoTime();
        List<Query> parsed = new ArrayList<>();
        for (String text : queries) {
            parsed.add(filters.apply(filters.parse(text), dates));
        }
        return counter.count(queries, parsed, dates, by, started);
    }

    /**
     * Timelines of the request's queries over the same periods, filtered alike, and with
     * {@code share} every article of those periods (over the queries' span, not the archive's).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    public TimelineSeries timelines(TimelinesRequest request) throws IOException {
        long started = System.nanoTime();
        List<Query> parsed = new ArrayList<>();
        for (String text : request.queries()) {
            parsed.add(filters.apply(filters.parse(text), request.dates(), request.entities(),
                    request.metadata()));
        }
        List<Timeline> series = counter.count(request.queries(), parsed, request.dates(),
                request.by(), started);
        Timeline all = null;
        List<TimelinePeriod> periods = series.get(0).periods();
        if (request.share() && !periods.isEmpty()) {
            DateRange dates = request.dates();
            LocalDate first = dates.from() != null ? dates.from() : periods.get(0).first();
            LocalDate last = dates.to() != null ? dates.to() : periods.get(periods.size() - 1).last();
            all = timelines(List.of("*:*"), new DateRange(first, last), series.get(0).by()).get(0);
        }
        return new TimelineSeries(series, all);
    }
}
