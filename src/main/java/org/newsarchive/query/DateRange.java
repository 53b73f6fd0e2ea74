package org.newsarchive.query;

import java.time.LocalDate;

/**
 * An inclusive range of publication dates; a null end is open.
 */
public record DateRange(LocalDate from, LocalDate to) {

    /** No restriction. */
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && from.isAfter(to)) {
            throw new InvalidDateException("the date range is empty: " + from + " is after " + to);
        }
    }

    /**
     * The range from the start of {@code from}'s period to the end of {@code to}'s, as typed
     * on the command line ({@code --from 2023 --to 2023-02}); either may be null.
     */
    public static DateRange of(String from, String to) {
        return new DateRange(
                from == null ? null : PartialDate.parse(from).first(),
                to == null ? null : PartialDate.parse(to).last());
    }

    public boolean isAll() {
        return from == null && to == null;
    }
}
