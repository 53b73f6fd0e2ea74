package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MinHashTest {

    private static final String STORY = "The central bank raised interest rates by half a point on Tuesday, "
            + "its third increase this year, saying inflation had not yet peaked and that wages were rising "
            + "faster than productivity in most industries across the country.";

    @Test
    void theSameWordsGiveTheSameSignatureWhateverCaseAndPunctuation() {
        assertArrayEquals(MinHash.of("Rates", STORY), MinHash.of("RATES", STORY.replace(",", " ;").toUpperCase()));
        assertEquals(1.0, MinHash.similarity(MinHash.of("Rates", STORY), MinHash.of("Rates", STORY)));
    }

    @Test
    void aReprintWithAFewWordsChangedStaysCloseAndAnotherStoryDoesNot() {
        int[] original = MinHash.of("Bank raises rates", STORY);
        int[] reprint = MinHash.of("Bank raises rates", STORY.replace("Tuesday", "Wednesday").replace("most ", ""));
        int[] other = MinHash.of("Harvest begins", "Farmers in Bahia started the cocoa harvest early this year "
                + "after heavy rains in the spring, traders in the port said on Monday.");
        assertTrue(MinHash.similarity(original, reprint) >= 0.6, "reprint: " + MinHash.similarity(original, reprint));
        assertTrue(MinHash.similarity(original, other) < 0.2, "other: " + MinHash.similarity(original, other));
        int sharedBands = 0;
        for (int band = 0; band < MinHash.BANDS; band++) {
            if (MinHash.bandKey(original, band) == MinHash.bandKey(reprint, band)) {
                sharedBands++;
            }
        }
        assertTrue(sharedBands > 0, "a reprint is a candidate: it shares a band");
    }

    @Test
    void shortAndEmptyTexts() {
        assertEquals(MinHash.SIZE, MinHash.of("").length);
        assertEquals(1.0, MinHash.similarity(MinHash.of("Flash"), MinHash.of("flash!")));
        assertTrue(MinHash.similarity(MinHash.of("Flash"), MinHash.of("Bulletin")) < 0.2);
    }
}
