package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParagraphTest {

    @Test
    void blankLinesSeparateParagraphs() {
        assertEquals(List.of(new Paragraph("a", 1), new Paragraph("b", 1)), Paragraph.split("a\n\nb", 0));
    }

    @Test
    void linesOfAParagraphAreStrippedAndJoinedWithOneSpace() {
        assertEquals(List.of(new Paragraph("one two three", 3)), Paragraph.split("  one  \n\ttwo\n three \t", 0));
    }

    @Test
    void spacesInsideALineAreKept() {
        assertEquals(List.of(new Paragraph("a  b\tc", 1)), Paragraph.split("a  b\tc", 0));
    }

    @Test
    void whitespaceOnlyLinesAreBlankAndRunsOfThemMakeNoEmptyParagraphs() {
        assertEquals(List.of(new Paragraph("a", 1), new Paragraph("b c", 2), new Paragraph("d", 1)),
                Paragraph.split("\n\n  \na\n \t \n\n\u2003\nb\nc\n\n\n\nd\n\n \n", 0));
    }

    @Test
    void splittingStartsAtTheGivenIndex() {
        String text = "date 2023-12-22 Title here\n\nBody";
        assertEquals(List.of(new Paragraph("Title here", 1), new Paragraph("Body", 1)), Paragraph.split(text, 15));
        assertEquals(List.of(new Paragraph("Body", 1)), Paragraph.split(text, 26));
    }

    @Test
    void nothingButBlanksGivesNoParagraphs() {
        assertEquals(List.of(), Paragraph.split("", 0));
        assertEquals(List.of(), Paragraph.split(" \n\t\n\n", 0));
        assertEquals(List.of(), Paragraph.split("abc", 3));
    }

    @Test
    void restOfTheDateLineWithTextStartsTheFirstParagraph() {
        assertEquals(List.of(new Paragraph("first second", 2), new Paragraph("third", 1)),
                Paragraph.split(" first\nsecond\n\nthird", 0));
    }
}
