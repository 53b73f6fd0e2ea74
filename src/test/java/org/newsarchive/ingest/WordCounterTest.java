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
    void theAsciiShortcutAgreesWithTheUnicodeDefinition() {
        java.util.Random random = new java.util.Random(7);
        char[] alphabet = "ab Z9-.,\t\n\u001c\u001f\u00a0\u2003\u00e9\u65e5".toCharArray();
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(12); i > 0; i--) {
                text.append(random.nextInt(3) == 0 ? (char) random.nextInt(128) : alphabet[random.nextInt(alphabet.length)]);
            }
            assertEquals(byCodePoints(text.toString()), WordCounter.count(text.toString()), () -> "text: " + text);
        }
    }

    /** The definition, code point by code point through the Unicode tables. */
    private static int byCodePoints(String text) {
        int words = 0;
        boolean inToken = false;
        boolean hasWordChar = false;
        for (int cp : text.codePoints().toArray()) {
            if (Character.isWhitespace(cp)) {
                words += inToken && hasWordChar ? 1 : 0;
                inToken = false;
                hasWordChar = false;
            } else {
                inToken = true;
                hasWordChar |= Character.isLetterOrDigit(cp);
            }
        }
        return words + (inToken && hasWordChar ? 1 : 0);
    }

    @Test
    void anyWhitespaceSeparatesWords() {
        assertEquals(5, WordCounter.count("one\ttwo\nthree\r\nfour\u000Bfive"));
    }
}
