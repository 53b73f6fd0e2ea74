package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private static List<List<String>> sentences(String text) {
        return SentenceSplitter.split(text, NerTokenizer.tokenize(text)).stream()
                .map(sentence -> sentence.stream().map(Token::text).toList()).toList();
    }

    @Test
    void splitsAfterTerminalsButNotAfterAbbreviations() {
        assertEquals(List.of(
                        List.of("Mr.", "Smith", "went", "to", "the", "U.S.", "State", "Department", "."),
                        List.of("He", "said", ":", "\"", "No", ".", "\""),
                        List.of("Then", "he", "left", "!"),
                        List.of("3", "people", "stayed", "in", "St.", "Louis", "..."),
                        List.of("(", "Or", "not", "?", ")")),
                sentences("Mr. Smith went to the U.S. State Department. He said: \"No.\" Then he left! "
                        + "3 people stayed in St. Louis... (Or not?)"));
    }

    @Test
    void lowerCaseAfterPeriodContinuesTheSentence() {
        assertEquals(List.of(List.of("At", "5", "p.m.", "on", "Monday", "it", "ended", ".")),
                sentences("At 5 p.m. on Monday it ended."));
    }

    @Test
    void blankLinesAndLineBreaksBeforeACapitalEndSentences() {
        assertEquals(List.of(List.of("CHINA", "AND", "US", "RESUME", "TALKS"), List.of("Beijing", "said", "so", "."),
                        List.of("and", "more", "again", "said", "Reuters", ".")),
                sentences("CHINA AND US RESUME TALKS\nBeijing said so.\n\nand more\nagain said Reuters."));
    }

    @Test
    void longSentencesAreCut() {
        String text = "word ".repeat(SentenceSplitter.MAX_TOKENS + 10);
        List<List<String>> split = sentences(text);
        assertEquals(2, split.size());
        assertEquals(SentenceSplitter.MAX_TOKENS, split.get(0).size());
    }
}
