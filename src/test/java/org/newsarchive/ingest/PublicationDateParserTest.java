package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PublicationDateParserTest {

    static PublicationDateParser.Valid valid(String token) {
        return assertInstanceOf(PublicationDateParser.Valid.class, PublicationDateParser.parse(token), token);
    }

    static PublicationDateParser.Invalid invalid(String token) {
        return assertInstanceOf(PublicationDateParser.Invalid.class, PublicationDateParser.parse(token), token);
    }

    @ParameterizedTest
    @CsvSource({
        "2023-12-22, 2023-12-22",
        "2023/12/22, 2023-12-22",
        "2023/1/5, 2023-01-05",
        "2023/01/5, 2023-01-05",
        "2023/1/05, 2023-01-05",
        "2023-1-5, 2023-01-05",
        "2024-02-29, 2024-02-29",
        "2000-02-29, 2000-02-29",
        "1987-02-26, 1987-02-26",
        "0001-01-01, 0001-01-01",
        "9999-12-31, 9999-12-31",
    })
    void plainDates(String token, String expected) {
        PublicationDateParser.Valid v = valid(token);
        assertEquals(LocalDate.parse(expected), v.date());
        assertNull(v.time());
    }

    @ParameterizedTest
    @CsvSource({
        "2023-12-22T08:30:00+01:00, 2023-12-22T08:30+01:00",
        "2023-12-22T08:30Z, 2023-12-22T08:30Z",
        "2023-12-22T08:30:00Z, 2023-12-22T08:30Z",
        "2023-12-22T08:30:00.123-05:00, 2023-12-22T08:30:00.123-05:00",
        "2023-12-22T08:30:00.123456789+05:30, 2023-12-22T08:30:00.123456789+05:30",
        "2023-12-22T00:00:00-00:00, 2023-12-22T00:00Z",
        "2023-12-22T23:59:59+14:00, 2023-12-22T23:59:59+14:00",
        "2023-12-22T08:30+05:45:30, 2023-12-22T08:30+05:45:30",
        "2023-12-22t08:30z, 2023-12-22T08:30Z",
        "2024-02-29T12:00Z, 2024-02-29T12:00Z",
    })
    void dateTimesWithOffset(String token, String expected) {
        PublicationDateParser.Valid v = valid(token);
        OffsetDateTime time = OffsetDateTime.parse(expected);
        assertEquals(time, v.time());
        assertEquals(time.toLocalDate(), v.date());
    }

    @Test
    void localDateOfADateTimeIsInItsOwnOffset() {
        PublicationDateParser.Valid v = valid("2023-12-31T23:30:00-05:00");
        assertEquals(LocalDate.of(2023, 12, 31), v.date());
        assertEquals(ZoneOffset.ofHours(-5), v.time().getOffset());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "2023-02-30", "2023-02-29", "2100-02-29", "2023-13-01", "2023-00-01", "2023-01-00", "2023-01-32", "2023-04-31",
        "2023/2/30", "2023/13/1", "0000-00-00", "2023-02-30T08:30Z", "2023-12-22T24:00Z", "2023-12-22T23:60Z",
        "2023-12-22T23:59:60Z", "2023-12-22T08:30+18:01", "2023-12-22T08:30+24:00", "2023-12-22T08:30+01:60",
    })
    void impossibleDates(String token) {
        PublicationDateParser.Invalid i = invalid(token);
        assertEquals(RejectReason.IMPOSSIBLE_DATE, i.reason());
        assertEquals("impossible date " + token, i.detail());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "yesterday", "22", "Dec", "2023-12-22T08:30", "2023-12-22T08:30:00", "2023-12-22T08:30:00.123",
        "2023-12/22", "2023/12-22", "23-12-22", "2023-12-22,", "(2023-12-22)", "2023.12.22", "20231222",
        "12/22/2023", "22/12/2023", "2023-123-1", "2023-1-123", "+2023-12-22", "-2023-12-22", "12023-12-22",
        "2023-12-22T08:30+0100", "2023-12-22T08:30+01", "2023-12-22T8:30Z", "2023-12-22T08:30:00.Z",
        "2023-12-22T08:30:00.1234567890Z", "2023-12-22 ", "2023-1-5T08:30Z", "2023/12/22T08:30Z",
        "2023-12-22T08:30[Europe/Paris]", "2023-12-22T08:30+01:00[Europe/Paris]", "٢٠٢٣-١٢-٢٢",
    })
    void unrecognisedTokens(String token) {
        PublicationDateParser.Invalid i = invalid(token);
        assertEquals(RejectReason.UNRECOGNISED_DATE, i.reason());
        assertEquals("unrecognised date '" + token
                + "' (expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset)", i.detail());
    }

    @Test
    void emptyToken() {
        PublicationDateParser.Invalid i = invalid("");
        assertEquals(RejectReason.UNRECOGNISED_DATE, i.reason());
        assertEquals("no date after the word 'date' (expected YYYY-MM-DD, YYYY/MM/DD or an ISO date-time with offset)",
                i.detail());
    }
}
