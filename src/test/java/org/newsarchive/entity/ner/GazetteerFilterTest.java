package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GazetteerFilterTest {

    /** Casing buckets as the lexicon builder computes them: 0..4, absent = unknown. */
    private static final Map<String, Integer> CASING = Map.of(
            "will", 0, "may", 1, "the", 0, "valley", 1, "of", 0, "man", 0,
            "isle", 3, "paris", 4, "buenos", 4, "june", 2);

    private final GazetteerFilter filter = new GazetteerFilter(word -> CASING.getOrDefault(word, -1));

    private GazetteerFilter.Decision decide(String phrase) {
        return filter.decide(phrase);
    }

    @Test
    void dropsAOneWordEntryThatIsMostlyLowerCase() {
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_CASING, "will"), decide("Will"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_CASING, "may"), decide("May"));
    }

    @Test
    void keepsCapitalisedAndUnknownWords() {
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "june"), decide("June"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "paris"), decide("Paris"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "ouagadougou"), decide("Ouagadougou"));
    }

    @Test
    void dropsAMultiWordEntryOnlyWhenAllItsWordsAreMostlyLowerCase() {
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_CASING, "the valley"),
                decide("The Valley"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "isle of man"), decide("Isle of Man"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "the hague"), decide("The Hague"),
                "hague is unknown");
        // punctuation tokens are not words: only "Man" is judged
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_CASING, "man ,"), decide("Man,"));
    }

    @Test
    void keysAreTheLowerCasedTokensAndLengthIsOneToSixTokens() {
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "saint john 's"), decide("Saint John's"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "washington , d.c."),
                decide("Washington,  D.C."));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.KEPT, "a b c d e f"), decide("A B C D E F"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_LENGTH, "a b c d e f g"),
                decide("A B C D E F G"));
        assertEquals(new GazetteerFilter.Decision(GazetteerFilter.Verdict.DROPPED_BY_LENGTH, ""), decide("\u200b"));
    }

    @Test
    void addsTheKeptEntriesAndCountsPerCategory() {
        NerLexicon.Builder builder = new NerLexicon.Builder();
        List<GazetteerCounts> counts = filter.addTo(builder, List.of(
                new GazetteerEntry("first", "Will"),
                new GazetteerEntry("first", "June"),
                new GazetteerEntry("city", "Paris"),
                new GazetteerEntry("city", "Buenos Aires"),
                new GazetteerEntry("city", "A B C D E F G"),
                new GazetteerEntry("city", "The Valley"),
                new GazetteerEntry("country", "PARIS")));
        assertEquals(List.of(
                new GazetteerCounts("city", 4, 1, 1, 2),
                new GazetteerCounts("country", 1, 0, 0, 1),
                new GazetteerCounts("first", 2, 1, 0, 1)), counts);
        NerLexicon lexicon = builder.build();
        assertEquals(3, lexicon.gazetteerPhrases());
        assertArrayEquals(new String[] {"city", "country"}, lexicon.gazetteer("paris"));
        assertArrayEquals(new String[] {"city"}, lexicon.gazetteer("buenos aires"));
        assertArrayEquals(new String[] {"first"}, lexicon.gazetteer("june"));
        assertNull(lexicon.gazetteer("will"));
        assertEquals(2, lexicon.maxPhraseLength());
    }
}
