package org.newsarchive.query;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

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

    /**
     * Periods a timeline chosen by {@link #forSpan} has at most: a chart of them fits a terminal
     * (one line each) and a page.
     */
    public static final int MAX_AUTO_PERIODS = 60;

    /**
     * The shortest period that splits {@code first} to {@code last} into at most
     * {@value #MAX_AUTO_PERIODS} periods (years when even months are too many).
     */
    public static TimeBucket forSpan(LocalDate first, LocalDate last) {
        for (TimeBucket by : new TimeBucket[] {DAY, WEEK, MONTH}) {
            if (by.periods(first, last) <= MAX_AUTO_PERIODS) {
                return by;
            }
        }
        return YEAR;
    }

    /** How many periods of this kind {@code first} to {@code last} touch. */
    long periods(LocalDate first, LocalDate last) {
        LocalDate a = startOf(first);
        LocalDate b = startOf(last);
        return switch (this) {
            case DAY -> ChronoUnit.DAYS.between(a, b) + 1;
            case WEEK -> ChronoUnit.WEEKS.between(a, b) + 1;
            case MONTH -> ChronoUnit.MONTHS.between(a, b) + 1;
            case YEAR -> ChronoUnit.YEARS.between(a, b) + 1;
        };
    }

    /**
     * The period starting on {@code start} as people write it: 2024-03-05, 2025-W01 (the ISO
     * week-based year, so the week of 2024-12-30 is 2025-W01), 2024-03, 2024.
     */
    public String label(LocalDate start) {
        return switch (this) {
            case DAY -> start.toString();
            case WEEK -> start.get(IsoFields.WEEK_BASED_YEAR) + "-W" + twoDigits(start.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTH -> start.getYear() + "-" + twoDigits(start.getMonthValue());
            case YEAR -> Integer.toString(start.getYear());
        };
    }

    /**
     * The period named {@code name} (any case), or null for {@code auto}: the one
     * {@link #forSpan} chooses.
     *
     * @throws IllegalArgumentException for any other name, saying which are known
     */
    public static TimeBucket named(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        if (lower.equals("auto")) {
            return null;
        }
        for (TimeBucket bucket : values()) {
            if (bucket.name().toLowerCase(Locale.ROOT).equals(lower)) {
                return bucket;
            }
        }
        throw new IllegalArgumentException("must be day, week, month, year or auto, not '" + name + "'");
    }

    /** Labels are made for every period of a timeline (thousands of weeks): no String.format. */
    private static String twoDigits(int value) {
        return value < 10 ? "0" + value : Integer.toString(value);
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
