package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RecordDateParserTest {

    static RecordDateParser.Valid valid(String text) {
        RecordDateParser.Result result = RecordDateParser.parse(text);
        return assertInstanceOf(RecordDateParser.Valid.class, result, () -> text + " -> " + result);
    }

    static RecordDateParser.Invalid invalid(String text) {
        RecordDateParser.Result result = RecordDateParser.parse(text);
        return assertInstanceOf(RecordDateParser.Invalid.class, result, () -> text + " -> " + result);
    }

    @Test
    void isoDateHasNoTime() {
        RecordDateParser.Valid v = valid("2023-12-22");
        assertEquals(LocalDate.of(2023, 12, 22), v.date());
        assertNull(v.time());
        assertNull(v.localTime());
    }

    @Test
    void newsPleaseDateTimeKeepsItsTimeWithoutInventingAnOffset() {
        RecordDateParser.Valid v = valid("2023-12-22 08:30:05");
        assertEquals(LocalDate.of(2023, 12, 22), v.date());
        assertNull(v.time());
        assertEquals(LocalTime.of(8, 30, 5), v.localTime());
        assertEquals(LocalTime.of(8, 30), valid("2023-12-22T08:30").localTime());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "2023-12-22T08:30:00Z|2023-12-22T08:30Z",
        "2023-12-22T08:30:00.250Z|2023-12-22T08:30:00.250Z",
        "2023-12-22T23:30:00-05:00|2023-12-22T23:30-05:00",
        "2023-12-22T23:30:00+0530|2023-12-22T23:30+05:30",
        "2023-12-22 08:30:00 +01:00|2023-12-22T08:30+01:00",
        "2023-12-22 08:30:00 UTC|2023-12-22T08:30Z",
        "Fri, 22 Dec 2023 08:30:00 GMT|2023-12-22T08:30Z",
        "Fri, 22 Dec 2023 08:30:00 +0100|2023-12-22T08:30+01:00",
        "22 Dec 2023 08:30:00 -0800|2023-12-22T08:30-08:00",
    })
    void dateTimesWithOffsetsKeepThem(String text, String expected) {
        RecordDateParser.Valid v = valid(text);
        assertEquals(OffsetDateTime.parse(expected), v.time());
        assertEquals(v.time().toLocalDate(), v.date());
        assertNull(v.localTime());
    }

    @Test
    void theDateIsTheDayWhereTheArticleWasPublished() {
        // 23:30 in New York is already the next day in UTC; the archive files it on the 22nd.
        assertEquals(LocalDate.of(2023, 12, 22), valid("2023-12-22T23:30:00-05:00").date());
    }

    @Test
    void numbersAreSecondsOrMillisecondsSince1970InUtc() {
        OffsetDateTime expected = OffsetDateTime.of(2023, 12, 22, 8, 30, 0, 0, ZoneOffset.UTC);
        RecordDateParser.Valid seconds = assertInstanceOf(RecordDateParser.Valid.class, RecordDateParser.parse(1_703_233_800L));
        RecordDateParser.Valid millis = assertInstanceOf(RecordDateParser.Valid.class, RecordDateParser.parse(1_703_233_800_000L));
        assertEquals(expected, seconds.time());
        assertEquals(expected, millis.time());
        assertEquals(expected, valid("1703233800").time());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023-02-30", "2023-13-01", "2023-12-22 25:00:00", "2023-12-22T08:61:00Z",
        "Thu, 30 Feb 2023 08:30:00 GMT"})
    void impossibleValuesAreImpossibleNotUnrecognised(String text) {
        RecordDateParser.Invalid i = invalid(text);
        assertEquals(RejectReason.IMPOSSIBLE_DATE, i.reason());
        assertEquals("impossible date " + text, i.detail());
    }

    @Test
    void unknownFormsSayWhatIsExpected() {
        RecordDateParser.Invalid i = invalid("yesterday");
        assertEquals(RejectReason.UNRECOGNISED_DATE, i.reason());
        assertEquals("unrecognised date 'yesterday' (" + RecordDateParser.EXPECTED_FORMS + ")", i.detail());
        assertEquals(RejectReason.NO_DATE, invalid("  ").reason());
    }
}
