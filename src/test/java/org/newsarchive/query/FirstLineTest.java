package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FirstLineTest {

    @Test
    void keepsTheFirstLineOfAMessageStripped() {
        assertEquals("Cannot parse 'a:': Encountered \"<EOF>\"",
                FirstLine.of("Cannot parse 'a:': Encountered \"<EOF>\" \nWas expecting one of:\n    <NOT> ...\n"));
        assertEquals("one line", FirstLine.of("one line"));
        assertEquals("after blank lines", FirstLine.of("\n\n  after blank lines\r\nsecond"));
    }

    @Test
    void noMessageIsEmpty() {
        assertEquals("", FirstLine.of(null));
        assertEquals("", FirstLine.of(" \n "));
    }
}
