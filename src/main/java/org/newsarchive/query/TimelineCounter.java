package org.newsarchive.query;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.Query;

/**
 * Counts matching articles per day ({@link DayCounts}: the local index's date doc values, or a
 * SolrCloud range facet), into one counter per day of the archive's span, then sums the days into
 * periods. A day array of a few tens of thousands of counters makes each document one array
 * increment: the whole of a 200,000-article archive is counted in a few milliseconds, and any
 * period size is a sum over days afterwards, the same sums on every back-end.
 */
final class TimelineCounter {

    /** More periods than this is a mistake (by day over centuries), not a chart. */
    static final int MAX_PERIODS = 100_000;

    private final DayCounts days;

    TimelineCounter(DayCounts days) {
        this.days = days;
    }

    Timeline count(String text, Query query, DateRange dates, TimeBucket by, long started) throws IOException {
        return count(List.of(text), List.of(query), dates, by, started).get(0);
    }

    /**
     * Timelines of several queries over the same periods: from the first to the last day any of
     * them has an article (or the given dates), by {@code by}, or when it is null by the period
     * {@link TimeBucket#forSpan} picks for that span.
     */
    List<Timeline> count(List<String> texts, List<Query> queries, DateRange dates, TimeBucket by, long started)
            throws IOException {
        long[] extent = days.extentDays();
        if (extent == null) {
            TimeBucket chosen = by != null ? by : TimeBucket.MONTH;
            return texts.stream().map(text -> new Timeline(text, chosen, 0, elapsed(started), List.of())).toList();
        }
        long firstDay = extent[0];
        int dayCount = Math.toIntExact(extent[1] - firstDay + 1);
        List<int[]> perDay = new ArrayList<>();
        long[] totals = new long[queries.size()];
        LocalDate earliest = null;
        LocalDate latest = null;
        for (int q = 0; q < queries.size(); q++) {
            int[] counts = new int[dayCount];
            totals[q] = days.countDays(queries.get(q), counts, firstDay);
            perDay.add(counts);
            LocalDate first = firstWithArticles(counts, firstDay, true);
            LocalDate last = firstWithArticles(counts, firstDay, false);
            if (first != null) {
                earliest = earliest == null || first.isBefore(earliest) ? first : earliest;
                latest = latest == null || last.isAfter(latest) ? last : latest;
            }
        }
        LocalDate from = dates.from() != null ? dates.from() : earliest;
        LocalDate to = dates.to() != null ? dates.to() : latest;
        TimeBucket chosen = by != null ? by : from == null ? TimeBucket.MONTH : TimeBucket.forSpan(from, to);
        List<Timeline> timelines = new ArrayList<>();
        for (int q = 0; q < queries.size(); q++) {
            List<TimelinePeriod> periods = new ArrayList<>();
            if (from != null && to != null) {
                for (LocalDate start = chosen.startOf(from); !start.isAfter(to); start = chosen.next(start)) {
                    if (periods.size() == MAX_PERIODS) {
                        throw new InvalidQueryException("invalid timeline: more than " + MAX_PERIODS + " periods from "
                                + from + " to " + to + "; count by a longer period or narrow the dates");
                    }
                    LocalDate end = chosen.next(start).minusDays(1);
                    periods.add(new TimelinePeriod(start, end, sum(perDay.get(q), firstDay, start, end)));
                }
            }
            timelines.add(new Timeline(texts.get(q), chosen, totals[q], elapsed(started), periods));
        }
        return timelines;
    }

    private static LocalDate firstWithArticles(int[] perDay, long firstDay, boolean earliest) {
        for (int i = 0; i < perDay.length; i++) {
            int day = earliest ? i : perDay.length - 1 - i;
            if (perDay[day] > 0) {
                return LocalDate.ofEpochDay(firstDay + day);
            }
        }
        return null;
    }

    private static long sum(int[] perDay, long firstDay, LocalDate first, LocalDate last) {
        long from = Math.max(0, first.toEpochDay() - firstDay);
        long to = Math.min(perDay.length - 1L, last.toEpochDay() - firstDay);
        long sum = 0;
        for (long day = from; day <= to; day++) {
            sum += perDay[(int) day];
        }
        return sum;
    }

    private static long elapsed(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
