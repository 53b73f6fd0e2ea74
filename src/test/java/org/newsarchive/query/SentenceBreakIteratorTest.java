package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.BreakIterator;
import java.text.StringCharacterIterator;
import org.junit.jupiter.api.Test;

class SentenceBreakIteratorTest {

    @Test
    void breaksAfterSentencesAndLines() {
        String text = "Oil rose. Prices fell! Why?\n\nThe U.S. Navy said so. Approx. five ships left.";
        int[] expected = {0, 10, 23, 27, 28, 29, 52, 76};
        assertArrayEquals(expected, SentenceBreakIterator.boundariesOf(text));
        assertEquals("The U.S. Navy said so. ", text.substring(29, 52));
    }

    @Test
    void initialsDecimalsAndLowerCaseContinuationsAreNotBoundaries() {
        String text = "J. Smith paid 3.5 dlrs. per share. Next.";
        assertArrayEquals(new int[] {0, 35, 40}, SentenceBreakIterator.boundariesOf(text));
        assertArrayEquals(new int[] {0, 22, 38},
                SentenceBreakIterator.boundariesOf("He said \"it is over.\" Then Mr Li left."));
    }

    @Test
    void emptyAndPunctuationOnlyTexts() {
        assertArrayEquals(new int[] {0}, SentenceBreakIterator.boundariesOf(""));
        assertArrayEquals(new int[] {0, 1}, SentenceBreakIterator.boundariesOf("."));
        assertArrayEquals(new int[] {0, 1, 2}, SentenceBreakIterator.boundariesOf("\n\n"));
    }

    @Test
    void navigationFollowsTheBreakIteratorContract() {
        BreakIterator it = new SentenceBreakIterator();
        it.setText("One. Two. Three.");
        assertEquals(0, it.first());
        assertEquals(5, it.next());
        assertEquals(10, it.next());
        assertEquals(16, it.next());
        assertEquals(BreakIterator.DONE, it.next());
        assertEquals(16, it.current());
        assertEquals(10, it.previous());
        assertEquals(16, it.last());
        assertEquals(5, it.following(0));
        assertEquals(10, it.following(5));
        assertEquals(10, it.following(7));
        assertEquals(BreakIterator.DONE, it.following(16));
        assertEquals(5, it.preceding(10));
        assertEquals(5, it.preceding(7));
        assertEquals(BreakIterator.DONE, it.preceding(0));
        assertEquals(0, it.current());
        assertEquals(16, it.next(3));
        assertEquals(BreakIterator.DONE, it.next(1));
    }

    @Test
    void aCharacterIteratorGivesTheSameBoundariesAsAString() {
        String text = "First line\nSecond one. Third.";
        BreakIterator fromString = new SentenceBreakIterator();
        fromString.setText(text);
        BreakIterator fromIterator = new SentenceBreakIterator();
        fromIterator.setText(new StringCharacterIterator(text));
        for (int b = fromString.first(), c = fromIterator.first(); b != BreakIterator.DONE;
                b = fromString.next(), c = fromIterator.next()) {
            assertEquals(b, c);
        }
        assertEquals(text.length(), fromIterator.last());
    }
}
