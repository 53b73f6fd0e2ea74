package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BylineTest {

    @Test
    void sourceAndAuthorsEitherOrBothOrNeither() {
        assertEquals("", Byline.of(null, List.of()));
        assertEquals("reuters.com", Byline.of("reuters.com", List.of()));
        assertEquals("by Jane Doe", Byline.of(null, List.of("Jane Doe")));
        assertEquals("reuters.com, by Jane Doe, John Roe", Byline.of("reuters.com", List.of("Jane Doe", "John Roe")));
    }

    @Test
    void beyondThreeAuthorsTheRestIsACount() {
        assertEquals("by A, B, C", Byline.of(null, List.of("A", "B", "C")));
        assertEquals("bbc.co.uk, by A, B, C and 2 more", Byline.of("bbc.co.uk", List.of("A", "B", "C", "D", "E")));
    }
}
