package org.newsarchive.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RankingSpecTest {

    @Test
    void keysLeftOutKeepTheShippedValues() {
        RankingSpec spec = RankingSpec.parse("k1=0.9, b=0.4");
        assertEquals(0.9f, spec.k1());
        assertEquals(0.4f, spec.b());
        assertEquals(RankingSpec.SHIPPED.headline(), spec.headline());
        assertEquals(RankingSpec.SHIPPED.op(), spec.op());
        assertEquals(RankingSpec.SHIPPED.phrase(), spec.phrase());
        assertEquals(RankingSpec.Operator.AND_OR, RankingSpec.parse("op=AND-OR").op());
    }

    @ParameterizedTest
    @CsvSource({
        // msm, words, how many must match
        "2, 5, 2",
        "2, 1, 1",
        "-1, 5, 4",
        "-1, 1, 1",
        "50%, 5, 2",
        "-25%, 5, 4",
        "2<-1, 2, 2",
        "2<-1, 3, 2",
        "2<50%, 1, 1",
        "2<50%, 6, 3",
    })
    void minimumShouldMatchAsSolrHasIt(String msm, int words, int expected) {
        assertEquals(expected, RankingSpec.parse("op=or,msm=" + msm).minimumMatch(words));
    }

    @Test
    void andNeedsEveryWordAndOrOne() {
        assertEquals(3, RankingSpec.parse("op=and").minimumMatch(3));
        assertEquals(1, RankingSpec.parse("op=or").minimumMatch(3));
    }

    @Test
    void proximityLengthAndFeedbackKeys() {
        RankingSpec spec = RankingSpec.parse("pairs=0.3,near=0.1,window=6,allfirst=3,rm3=0.5,fbdocs=5,fbterms=20");
        assertEquals(0.3f, spec.pairs());
        assertEquals(0.1f, spec.near());
        assertEquals(6, spec.window());
        assertEquals(3, spec.allFirst());
        assertEquals(0.5f, spec.rm3());
        assertEquals(5, spec.fbDocs());
        assertEquals(20, spec.fbTerms());
        RankingSpec shipped = RankingSpec.SHIPPED;
        assertEquals(0.2f, shipped.pairs());
        assertEquals(0f, shipped.rm3());
        assertEquals(0, shipped.allFirst());
    }

    @ParameterizedTest
    @ValueSource(strings = {"rm3=2", "window=0", "fbdocs=0", "k1", "k1=x", "b=2", "op=xor", "op=and,msm=2", "op=or,msm=many", "depth=3", "k1=1,k1=2", "slop=-1"})
    void badSpecsAreRefusedInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RankingSpec.parse(text));
        assertTrue(e.getMessage().startsWith("ranking spec: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
