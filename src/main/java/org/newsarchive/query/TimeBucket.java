package org.newsarchive.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

/**
 * The period a timeline counts articles by. Weeks are ISO weeks, starting on Monday, so a week
 * can straddle two years (2024-12-30 to 2025-01-05 is one week).
 */
public enum TimeBucket {
    DAY, WEEK, MONTH, YEAR;

    /** The first day of the period that holds {@code day}. */
    public LocalDate startOf(LocalDate day) {
        return switch (this) {
            case DAY -> day;
            case WEEK -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTH -> day.withDayOfMonth(1);
            case YEAR -> day.withDayOfYear(1);
        };
    }

    /** The first day of the period after the one starting on {@code start}. */
    public LocalDate next(LocalDate start) {
        return switch (this) {
            case DAY -> start.plusDays(1);
            case WEEK -> start.plusWeeks(1);
            case MONTH -> start.plusMonths(1);
            case YEAR -> start.plusYears(1);
        };
    }
}
