package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class PartialDateTest {

    @ParameterizedTest
    @CsvSource({
        "2023, 2023-01-01, 2023-12-31",
        "2023-02, 2023-02-01, 2023-02-28",
        "2024-02, 2024-02-01, 2024-02-29",
        "2023-12-22, 2023-12-22, 2023-12-22",
        "2023-1-5, 2023-01-05, 2023-01-05",
        "' 2023-06 ', 2023-06-01, 2023-06-30",
    })
    void periodsRunFromFirstToLastDay(String text, String first, String last) {
        PartialDate date = PartialDate.parse(text);
        assertEquals(LocalDate.parse(first), date.first());
        assertEquals(LocalDate.parse(last), date.last());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "23", "2023-13", "2023-02-30", "2023/01/01", "yesterday", "2023-01-01T10:00"})
    void rejectsWhatIsNotADate(String text) {
        InvalidDateException e = assertThrows(InvalidDateException.class, () -> PartialDate.parse(text));
        assertTrue(e.getMessage().startsWith("invalid date '" + text.strip() + "'"), e.getMessage());
    }

    @Test
    void rangeFromPartialDatesIsInclusive() {
        DateRange range = DateRange.of("2023", "2023-02");
        assertEquals(new DateRange(LocalDate.of(2023, 1, 1), LocalDate.of(2023, 2, 28)), range);
        assertEquals(DateRange.ALL, DateRange.of(null, null));
    }

    @Test
    void emptyRangeIsAnError() {
        InvalidDateException e = assertThrows(InvalidDateException.class, () -> DateRange.of("2024", "2023"));
        assertEquals("the date range is empty: 2024-01-01 is after 2023-12-31", e.getMessage());
    }
}
