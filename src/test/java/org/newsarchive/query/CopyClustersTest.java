package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Clusters joined from candidate groups, with hand-made signatures: exact counts. */
class CopyClustersTest {

    /** 2^24: past this article number the clustering once packed numbers into 24 bits and went wrong. */
    private static final int TWO_TO_24 = 16_777_216;

    private final Map<Integer, int[]> signatures = new HashMap<>();

    private int unused = 100_000;

    /** A signature of the 64 values from {@code from}: unlike any other base. */
    private static int[] base(int from) {
        int[] values = new int[64];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /** {@code signature} with {@code count} positions from {@code start} given values no other has: similarity 1 - count/64 to it. */
    private int[] edit(int[] signature, int start, int count) {
        int[] values = signature.clone();
        for (int i = start; i < start + count; i++) {
            values[i] = unused++;
        }
        return values;
    }

    private CopyClusters clusters(int articles) {
        return new CopyClusters(articles, signatures::get);
    }

    private static void join(CopyClusters clusters, int... candidates) throws IOException {
        clusters.joinCopies(candidates, candidates.length);
    }

    @Test
    void articleNumbersStraddlingTwoToThe24thAreKeptApart() throws IOException {
        // numbers 2^24 + k and k were one article under 24-bit packing
        signatures.put(0, base(0));
        signatures.put(TWO_TO_24, edit(base(0), 0, 10));          // a copy of article 0 (similarity 0.84)
        signatures.put(1, base(1_000));
        signatures.put(TWO_TO_24 + 1, base(2_000));               // unrelated to article 1
        signatures.put(TWO_TO_24 - 1, base(3_000));
        signatures.put(TWO_TO_24 + 2, edit(base(3_000), 0, 20));  // a copy of 2^24 - 1 (similarity 0.69)
        signatures.put(2, edit(base(3_000), 30, 5));              // of both (0.92 and 0.61)
        CopyClusters clusters = clusters(TWO_TO_24 + 3);
        join(clusters, 0, TWO_TO_24);
        assertEquals(1, clusters.withCopies());
        join(clusters, 1, TWO_TO_24 + 1);
        assertEquals(1, clusters.withCopies());
        join(clusters, TWO_TO_24 - 1, TWO_TO_24 + 2);
        assertEquals(2, clusters.withCopies());
        join(clusters, 2, TWO_TO_24 + 2);
        assertEquals(2, clusters.withCopies());
        join(clusters, 2, TWO_TO_24 + 2, TWO_TO_24 - 1, 0); // 0 is not like them: still two clusters
        assertEquals(2, clusters.withCopies());
    }

    @Test
    void copiesJoinThroughAThirdArticleButNotBelowTheThreshold() throws IOException {
        signatures.put(0, base(0));
        signatures.put(1, edit(signatures.get(0), 0, 20));   // 0.69 to article 0
        signatures.put(2, edit(signatures.get(1), 20, 20));  // 0.69 to article 1, 0.38 to article 0
        signatures.put(3, edit(signatures.get(0), 0, 26));   // 0.59 to article 0: below 0.6
        signatures.put(4, base(500));
        signatures.put(5, edit(base(500), 0, 1));
        CopyClusters clusters = clusters(7);
        join(clusters, 0, 2, 3);
        assertEquals(0, clusters.withCopies());
        join(clusters, 1, 2);
        join(clusters, 0, 1);
        assertEquals(1, clusters.withCopies());
        join(clusters, 4, 5, 6); // article 6 has no signature: never a copy
        assertEquals(2, clusters.withCopies());
        join(clusters, 2, 5);
        assertEquals(2, clusters.withCopies());
    }

    @Test
    void aGroupOfIdenticalArticlesIsOneCluster() throws IOException {
        int[] group = new int[50];
        for (int i = 0; i < group.length; i++) {
            group[i] = 2 * i;
            signatures.put(2 * i, edit(base(7), 0, i % 3));
        }
        CopyClusters clusters = clusters(100);
        clusters.joinCopies(group, 30);
        assertEquals(1, clusters.withCopies());
        clusters.joinCopies(group, group.length);
        assertEquals(1, clusters.withCopies());
    }

    @Test
    void aGroupReadsEachSignatureOnce() throws IOException {
        signatures.put(3, base(0));
        signatures.put(5, base(100));
        signatures.put(9, base(200));
        Map<Integer, Integer> reads = new HashMap<>();
        CopyClusters clusters = new CopyClusters(10, article -> {
            reads.merge(article, 1, Integer::sum);
            return signatures.get(article);
        });
        join(clusters, 3, 5, 9);
        assertEquals(Map.of(3, 1, 5, 1, 9, 1), reads);
        assertEquals(0, clusters.withCopies());
    }

    @Test
    void aGroupTooLargeToKeepItsSignaturesStillJoinsItsCopies() throws IOException {
        int[] group = new int[4_100];
        for (int i = 0; i < group.length; i++) {
            group[i] = i;
            signatures.put(i, edit(base(i % 2 == 0 ? 0 : 1_000), 0, i % 4)); // two stories, alternating
        }
        CopyClusters clusters = clusters(group.length);
        join(clusters, group);
        assertEquals(2, clusters.withCopies());
    }
}
