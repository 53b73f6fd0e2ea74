package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextDecoderTest {

    static String decode(int... bytes) {
        return TextDecoder.decode(ArticleParserTest.bytes(bytes));
    }

    @Test
    void asciiIsUnchanged() {
        assertEquals("date 2023-12-22 x", TextDecoder.decode("date 2023-12-22 x".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void utf8IsDecoded() {
        assertEquals("é “x” — 5€ 日本", TextDecoder.decode("é “x” — 5€ 日本".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void fourByteUtf8IsDecoded() {
        assertEquals("a😀b", TextDecoder.decode("a😀b".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void leadingBomIsDropped() {
        assertEquals("ab", decode(0xEF, 0xBB, 0xBF, 'a', 'b'));
        assertEquals("", decode(0xEF, 0xBB, 0xBF));
    }

    @Test
    void onlyALeadingBomIsDropped() {
        assertEquals("a\uFEFFb", decode('a', 0xEF, 0xBB, 0xBF, 'b'));
    }

    @Test
    void bomFollowedByWindows1252IsDroppedToo() {
        assertEquals("é", decode(0xEF, 0xBB, 0xBF, 0xE9));
    }

    @Test
    void invalidUtf8FallsBackToWindows1252() {
        assertEquals("é", decode(0xE9));
        assertEquals("“quoted”", decode(0x93, 'q', 'u', 'o', 't', 'e', 'd', 0x94));
        assertEquals("‘’–—€™", decode(0x91, 0x92, 0x96, 0x97, 0x80, 0x99));
        assertEquals("Ã©", decode(0xC3, 0xA9, 0xFF).substring(0, 2));
    }

    @Test
    void truncatedUtf8SequenceFallsBackToWindows1252() {
        assertEquals("abâ‚", decode('a', 'b', 0xE2, 0x82)); // "€" missing its last byte
    }

    @Test
    void overlongAndSurrogateEncodingsAreNotUtf8() {
        assertEquals("À¯", decode(0xC0, 0xAF));
        assertEquals("í\u00A0€", decode(0xED, 0xA0, 0x80));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a\\r\\nb|a\\nb",
        "a\\rb|a\\nb",
        "a\\r\\rb|a\\n\\nb",
        "a\\r\\n\\r\\nb|a\\n\\nb",
        "a\\n\\rb|a\\n\\nb",
        "\\r|\\n",
        "a\\r|a\\n",
        "a\\nb|a\\nb",
    })
    void lineEndsBecomeLf(String input, String expected) {
        String in = input.replace("\\r", "\r").replace("\\n", "\n");
        String out = expected.replace("\\n", "\n");
        assertEquals(out, TextDecoder.decode(in.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void textWithoutCrIsReturnedAsIs() {
        String text = "no carriage return\n";
        assertSame(text, TextDecoder.normaliseLineEnds(text));
    }
}
