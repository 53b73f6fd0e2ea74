package org.newsarchive.schema;

import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSelector;

/**
 * A publication date-time as seconds since 1970-01-01T00:00 in the article's own local time. A
 * Lucene {@link LongField} indexes it both as a point (fast range filters, min and max for stats
 * from the points' metadata) and as sorted-numeric doc values (sorting by date, timelines), so one
 * field owns filtering and sorting. Local time, not UTC, because date filters mean the calendar
 * day the archive gives the article. Not stored: the display form is a field of its own.
 */
public final class DateFieldDef implements RangeQueryable, Sortable {

    private static final long SECONDS_PER_DAY = 86_400L;

    private final String name;

    DateFieldDef(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return false;
    }

    /** Indexes a value made by {@link #valueOf}. */
    void add(Document doc, long value) {
        doc.add(new LongField(name, value, Field.Store.NO));
    }

    @Override
    public Query rangeQuery(LocalDate from, LocalDate to) {
        long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long upper = to == null ? Long.MAX_VALUE : to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
        return LongField.newRangeQuery(name, lower, upper);
    }

    @Override
    public SortField sortField(boolean newestFirst) {
        return LongField.newSortField(name, newestFirst, SortedNumericSelector.Type.MIN);
    }

    /** Per-document values of a segment, for counting by period. */
    public SortedNumericDocValues values(LeafReader segment) throws IOException {
        return DocValues.getSortedNumeric(segment, name);
    }

    /**
     * The smallest and largest values of a segment, from its points' metadata (nothing is read per
     * document), or null when the segment has no dated article.
     */
    public long[] extent(LeafReader segment) throws IOException {
        PointValues points = segment.getPointValues(name);
        if (points == null || points.size() == 0) {
            return null;
        }
        return new long[] {LongPoint.decodeDimension(points.getMinPackedValue(), 0),
            LongPoint.decodeDimension(points.getMaxPackedValue(), 0)};
    }

    /**
     * The indexed value of a publication date: seconds since the epoch in local time. A date
     * without a time sorts at the start of its day; a time with an offset counts by its own clock.
     */
    public static long valueOf(LocalDate date, OffsetDateTime time, LocalTime localTime) {
        LocalTime clock = time != null ? time.toLocalTime() : localTime == null ? LocalTime.MIDNIGHT : localTime;
        return LocalDateTime.of(date, clock).toEpochSecond(ZoneOffset.UTC);
    }

    /** The day of an indexed value, in days since 1970-01-01. */
    public static long epochDayOf(long value) {
        return Math.floorDiv(value, SECONDS_PER_DAY);
    }

    /** The date of an indexed value. */
    public static LocalDate dateOf(long value) {
        return LocalDate.ofEpochDay(epochDayOf(value));
    }
}
