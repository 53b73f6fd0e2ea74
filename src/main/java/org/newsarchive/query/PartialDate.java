package org.newsarchive.query;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date given as {@code YYYY}, {@code YYYY-MM} or {@code YYYY-MM-DD}: the period it names runs
 * from {@link #first()} to {@link #last()}. "From 2023" means 2023-01-01 and "to 2023-02" means
 * 2023-02-28, which is what people mean when they type a partial date.
 */
public record PartialDate(LocalDate first, LocalDate last) {

    private static final Pattern FORM = Pattern.compile("(\\d{4})(?:-(\\d{1,2})(?:-(\\d{1,2}))?)?");

    /**
     * Parses a partial date.
     *
     * @throws InvalidDateException when the text is not one of the three forms or names a day
     *                              the calendar does not have
     */
    public static PartialDate parse(String text) {
        String trimmed = text == null ? "" : text.strip();
        Matcher m = FORM.matcher(trimmed);
        if (!m.matches()) {
            throw new InvalidDateException(
                    "invalid date '" + trimmed + "': expected YYYY, YYYY-MM or YYYY-MM-DD");
        }
        int year = Integer.parseInt(m.group(1));
        try {
            if (m.group(2) == null) {
                return new PartialDate(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            YearMonth month = YearMonth.of(year, Integer.parseInt(m.group(2)));
            if (m.group(3) == null) {
                return new PartialDate(month.atDay(1), month.atEndOfMonth());
            }
            LocalDate day = month.atDay(Integer.parseInt(m.group(3)));
            return new PartialDate(day, day);
        } catch (DateTimeException e) {
            throw new InvalidDateException("invalid date '" + trimmed + "': not a date in the calendar");
        }
    }
}
