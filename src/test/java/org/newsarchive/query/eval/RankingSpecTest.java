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

    @ParameterizedTest
    @ValueSource(strings = {"k1", "k1=x", "b=2", "op=xor", "op=and,msm=2", "op=or,msm=many", "depth=3", "k1=1,k1=2", "slop=-1"})
    void badSpecsAreRefusedInOneLine(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RankingSpec.parse(text));
        assertTrue(e.getMessage().startsWith("ranking spec: "), e.getMessage());
        assertTrue(!e.getMessage().contains("\n"));
    }
}
