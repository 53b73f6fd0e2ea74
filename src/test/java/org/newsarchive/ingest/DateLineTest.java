package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateLineTest {

    static DateLine find(String text) {
        Optional<DateLine> line = DateLine.find(text);
        assertTrue(line.isPresent(), () -> "no date line in " + text);
        return line.get();
    }

    @Test
    void tokenAndTextStartOnTheDateLine() {
        String text = " date 2023-12-22 A senior officer";
        DateLine line = find(text);
        assertEquals("2023-12-22", line.token());
        assertEquals(16, line.textStart());
        assertEquals(" A senior officer", text.substring(line.textStart()));
    }

    @Test
    void textOnTheNextLine() {
        String text = "\n\n  Date: 2023/1/5\nBody";
        DateLine line = find(text);
        assertEquals("2023/1/5", line.token());
        assertEquals("\nBody", text.substring(line.textStart()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"date x", "Date x", "DATE x", "date: x", "Date:x", "date :x", "date\t:\tx", "\t date x",
        "\n \n\tdate x", "date x\nmore"})
    void dateWordForms(String text) {
        assertEquals("x", find(text).token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"date", "date ", "date:", "date :", "date\n2023-12-22", "date:\n2023-12-22", "date \t \nx"})
    void nothingAfterTheWordGivesAnEmptyToken(String text) {
        assertEquals("", find(text).token());
    }

    @ParameterizedTest
    @ValueSource(strings = {"dated 2023-12-22", "Dateline x", "dates", "date-2023-12-22", "date_x", "date2023-12-22",
        "data 2023-12-22", "dat", "x\ndate 2023-12-22", "the date 2023-12-22", "\"date\" 2023-12-22", "::date x",
        "\u00A0date 2023-12-22"})
    void notADateLine(String text) {
        assertTrue(DateLine.find(text).isEmpty(), text);
    }

    @Test
    void tokenEndsAtAnyWhitespace() {
        assertEquals("2023-12-22", find("date 2023-12-22\tTitle").token());
        assertEquals("2023-12-22,", find("date 2023-12-22, Title").token());
    }
}
