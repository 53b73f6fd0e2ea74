package org.newsarchive.query.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every measure on rankings small enough to work out by hand; the sums are in the comments. */
class MetricsTest {

    private static final double EPS = 1e-12;
    private static final double LOG2_3 = Math.log(3) / Math.log(2);

    /** Three relevant documents (d1, d2, d3), one judged not relevant (n1). */
    private static final Map<String, Integer> BINARY = Map.of("d1", 1, "d2", 1, "d3", 1, "n1", 0);

    /** d1 at rank 1, d2 at rank 3, d3 never retrieved. */
    private static final List<String> RANKING = List.of("d1", "x", "d2", "n1", "y");

    @Test
    void averagePrecisionDividesByEveryRelevantDocumentNotOnlyTheRetrieved() {
        // (1/1 + 2/3) / 3: d3 is relevant, never retrieved, and counts in the denominator
        assertEquals((1.0 + 2.0 / 3) / 3, Metrics.averagePrecision(RANKING, BINARY), EPS);
    }

    @Test
    void averagePrecisionIsOneForAPerfectRankingAndZeroForNothing() {
        assertEquals(1.0, Metrics.averagePrecision(List.of("d3", "d1", "d2", "x"), BINARY), EPS);
        assertEquals(0.0, Metrics.averagePrecision(List.of(), BINARY), EPS);
        assertEquals(0.0, Metrics.averagePrecision(List.of("x", "n1"), BINARY), EPS);
    }

    @Test
    void averagePrecisionOfLateHits() {
        // relevant at ranks 2 and 4 of 2 relevant: (1/2 + 2/4) / 2
        assertEquals(0.5, Metrics.averagePrecision(List.of("x", "d1", "y", "d2"), Map.of("d1", 1, "d2", 1)), EPS);
    }

    @Test
    void precisionAtTenDividesByTenEvenWhenFewerWereRetrieved() {
        assertEquals(0.2, Metrics.precisionAt(10, RANKING, BINARY), EPS);
        assertEquals(2.0 / 3, Metrics.precisionAt(3, RANKING, BINARY), EPS); // d1 and d2 in the first 3
        assertEquals(0.3, Metrics.precisionAt(10, List.of("d1", "d2", "d3"), BINARY), EPS);
    }

    @Test
    void recallAtAHundredCountsOnlyTheFirstHundred() {
        assertEquals(2.0 / 3, Metrics.recallAt(100, RANKING, BINARY), EPS);
        List<String> long150 = new ArrayList<>();
        for (int i = 1; i <= 150; i++) {
            long150.add(i == 50 ? "d1" : i == 120 ? "d2" : "x" + i);
        }
        assertEquals(0.5, Metrics.recallAt(100, long150, Map.of("d1", 1, "d2", 1)), EPS);
        assertEquals(1.0, Metrics.recallAt(150, long150, Map.of("d1", 1, "d2", 1)), EPS);
    }

    @Test
    void ndcgWithBinaryRelevance() {
        // DCG = 1/log2(2) + 1/log2(4) = 1.5; ideal = 1 + 1/log2(3) + 1/log2(4)
        assertEquals(1.5 / (1 + 1 / LOG2_3 + 0.5), Metrics.ndcgAt(10, RANKING, BINARY), EPS);
    }

    @Test
    void ndcgWithGradedRelevanceUsesExponentialGains() {
        Map<String, Integer> graded = Map.of("a", 2, "b", 1, "c", 0, "d", 1);
        // ranking b, c, a: DCG = (2^1-1)/log2(2) + 0 + (2^2-1)/log2(4) = 1 + 1.5
        // ideal a, b, d:   (2^2-1)/1 + 1/log2(3) + 1/log2(4) = 3 + 0.6309... + 0.5
        assertEquals(2.5 / (3 + 1 / LOG2_3 + 0.5), Metrics.ndcgAt(10, List.of("b", "c", "a"), graded), EPS);
        assertEquals(1.0, Metrics.ndcgAt(10, List.of("a", "b", "d"), graded), EPS);
        assertEquals(1.0, Metrics.ndcgAt(10, List.of("a", "d", "b"), graded), EPS);
    }

    @Test
    void ndcgCutsTheRankingAndTheIdealAtK() {
        Map<String, Integer> judged = Map.of("r1", 1, "r2", 1);
        // at k = 1: the ideal has one relevant document at rank 1; the ranking has none there
        assertEquals(0.0, Metrics.ndcgAt(1, List.of("x", "r1"), judged), EPS);
        assertEquals(1.0, Metrics.ndcgAt(1, List.of("r2", "x"), judged), EPS);
    }

    @Test
    void negativeRelevanceIsNotRelevantAndGainsNothing() {
        Map<String, Integer> judged = Map.of("bad", -1, "good", 1);
        assertEquals(1, Metrics.relevantCount(judged));
        assertEquals(0.5, Metrics.averagePrecision(List.of("bad", "good"), judged), EPS);
        assertEquals(1 / LOG2_3, Metrics.ndcgAt(10, List.of("bad", "good"), judged), EPS);
    }

    @Test
    void aTopicWithoutRelevantDocumentsScoresZeroEverywhere() {
        Map<String, Integer> none = Map.of("n1", 0);
        assertEquals(0.0, Metrics.averagePrecision(List.of("n1"), none), EPS);
        assertEquals(0.0, Metrics.ndcgAt(10, List.of("n1"), none), EPS);
        assertEquals(0.0, Metrics.recallAt(100, List.of("n1"), none), EPS);
        assertEquals(0.0, Metrics.precisionAt(10, List.of("n1"), none), EPS);
    }
}
