package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WordCounterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|0",
        "'   '|0",
        "one|1",
        "one two|2",
        "'  one   two  '|2",
        "-- , . ... — –|0",
        "a - b|2",
        "5%|1",
        "U.S.|1",
        "\"quoted\"|1",
        "$1,000 (yes)|2",
        "état déjà vu|3",
        "日本 語|2",
        "😀 ok|1",
        "one\u2003two|2",
    })
    void counts(String text, int expected) {
        assertEquals(expected, WordCounter.count(text));
    }

    @Test
    void anyWhitespaceSeparatesWords() {
        assertEquals(5, WordCounter.count("one\ttwo\nthree\r\nfour\u000Bfive"));
    }
}
