package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class HeadlineExtractorTest {

    static List<Paragraph> paragraphs(String first, int lines, String... rest) {
        List<Paragraph> list = new ArrayList<>();
        list.add(new Paragraph(first, lines));
        for (String r : rest) {
            list.add(new Paragraph(r, 1));
        }
        return list;
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BAHIA COCOA REVIEW",
        "REAGAN SAYS TRADE BILL BAD FOR U.S.",
        "U.S. SAYS NO!",
        "WHY?",
        "Markets rally on rate hopes",
        "Markets rally: what next",
        "He said \"no\"",
        "1987 RESULTS.",
        "12.5 PCT.",
    })
    void titles(String first) {
        assertTrue(HeadlineExtractor.isTitleLine(paragraphs(first, 1, "Body.")), first);
        assertEquals(new HeadlineExtractor.Headline(first, true), HeadlineExtractor.extract(paragraphs(first, 1, "Body.")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Markets rallied today.",
        "Will rates fall?",
        "They won!",
        "He said \"no.\"",
        "He said “no!”",
        "(Markets rallied.)",
        "Cocoa REVIEW.",
    })
    void sentencesAreNotTitles(String first) {
        assertFalse(HeadlineExtractor.isTitleLine(paragraphs(first, 1, "Body.")), first);
    }

    @Test
    void aTitleNeedsOneLineAtMost200CharactersAndMoreText() {
        assertFalse(HeadlineExtractor.isTitleLine(paragraphs("TITLE", 2, "Body.")));
        assertFalse(HeadlineExtractor.isTitleLine(paragraphs("TITLE", 1)));
        assertTrue(HeadlineExtractor.isTitleLine(paragraphs("T".repeat(200), 1, "Body.")));
        assertFalse(HeadlineExtractor.isTitleLine(paragraphs("T".repeat(201), 1, "Body.")));
    }

    @Test
    void extractWithoutTitleUsesTheFirstSentence() {
        assertEquals(new HeadlineExtractor.Headline("Stocks rose.", false),
                HeadlineExtractor.extract(paragraphs("Stocks rose. Bonds fell.", 1, "More.")));
        assertEquals(new HeadlineExtractor.Headline("MARKETS RALLY", false),
                HeadlineExtractor.extract(paragraphs("MARKETS RALLY", 1)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Stocks rose. Bonds fell.|Stocks rose.",
        "Stocks rose! Bonds fell.|Stocks rose!",
        "Did stocks rise? Yes.|Did stocks rise?",
        "No sentence end here|No sentence end here",
        "Ends at the end.|Ends at the end.",
        "Mr. Smith went to Washington. He stayed.|Mr. Smith went to Washington.",
        "Mrs. Ms. Dr. Prof. Sen. Rep. Gov. Gen. Col. Lt. Sgt. St. Jr. Sr. all here. Next.|Mrs. Ms. Dr. Prof. Sen. Rep. Gov. Gen. Col. Lt. Sgt. St. Jr. Sr. all here.",
        "Acme Inc. and Beta Corp. and Gamma Co. and Delta Ltd. merged. Next.|Acme Inc. and Beta Corp. and Gamma Co. and Delta Ltd. merged.",
        "Item No. 5 vs. item No. 6 etc. were sold. Next.|Item No. 5 vs. item No. 6 etc. were sold.",
        "On Jan. 5, Feb. 6, Mar. 7, Apr. 8, Jun. 9, Jul. 1, Aug. 2, Sep. 3, Sept. 4, Oct. 5, Nov. 6, Dec. 7 it rained. Next.|On Jan. 5, Feb. 6, Mar. 7, Apr. 8, Jun. 9, Jul. 1, Aug. 2, Sep. 3, Sept. 4, Oct. 5, Nov. 6, Dec. 7 it rained.",
        "Some fruit, e.g. apples, i.e. food. Next.|Some fruit, e.g. apples, i.e. food.",
        "The U.S. economy grew. Next.|The U.S. economy grew.",
        "J. R. R. Tolkien wrote it. Next.|J. R. R. Tolkien wrote it.",
        "Washington D.C. is hot. Next.|Washington D.C. is hot.",
        "THE U.S.A. AND MR. SMITH MET. NEXT.|THE U.S.A. AND MR. SMITH MET.",
        "Prices rose 3.5 pct. Next.|Prices rose 3.5 pct.",
        "He said \"stop.\" Then left.|He said \"stop.\"",
        "He said “stop!” Then left.|He said “stop!”",
        "(Mr. Smith left.) Then more.|(Mr. Smith left.)",
        "It was at www.example.com today. Next.|It was at www.example.com today.",
        "Really?! Yes.|Really?!",
        "Wait... what? Yes.|Wait...",
        "Ask the AP. Next.|Ask the AP.",
        "The mr. was here. Next.|The mr.",
        "Plan A. Plan B.|Plan A. Plan B.",
    })
    void firstSentence(String paragraph, String expected) {
        assertEquals(expected, HeadlineExtractor.firstSentence(paragraph));
    }

    @Test
    void shortSentencesAreNotShortened() {
        String s = "x".repeat(160);
        assertEquals(s, HeadlineExtractor.shorten(s));
    }

    @Test
    void longSentenceIsCutAtTheLastWordBoundaryAtOrBefore160() {
        // 159 characters of words, then a space at index 159, then a word running past 160.
        String head = "word ".repeat(31) + "abcd"; // 155 + 4 = 159 characters
        assertEquals(159, head.length());
        String sentence = head + " overflowing words.";
        assertEquals(head + "…", HeadlineExtractor.shorten(sentence));
    }

    @Test
    void boundaryExactlyAt160KeepsAll160Characters() {
        String head = "a".repeat(155) + " bcde"; // 160 characters, index 160 is the space below
        assertEquals(160, head.length());
        assertEquals(head + "…", HeadlineExtractor.shorten(head + " more"));
    }

    @Test
    void oneWordLongerThan160IsCutInsideTheWord() {
        assertEquals("x".repeat(160) + "…", HeadlineExtractor.shorten("x".repeat(300)));
    }

    @Test
    void surrogatePairsAreNotSplitByAHardCut() {
        String s = "x".repeat(159) + "😀" + "y".repeat(10); // the emoji occupies indexes 159 and 160
        assertEquals("x".repeat(159) + "…", HeadlineExtractor.shorten(s));
    }

    @Test
    void trailingSpacesBeforeTheCutAreDropped() {
        String s = "a".repeat(150) + "     " + "b".repeat(20);
        assertEquals("a".repeat(150) + "…", HeadlineExtractor.shorten(s));
    }

    @Test
    void headlineOfALongFirstSentenceIsCut() {
        String sentence = ("word ".repeat(40)).trim() + ".";
        HeadlineExtractor.Headline h = HeadlineExtractor.extract(paragraphs(sentence + " Next.", 1, "More."));
        assertFalse(h.titleLine());
        assertEquals(("word ".repeat(32)).trim() + "…", h.text());
    }
}
