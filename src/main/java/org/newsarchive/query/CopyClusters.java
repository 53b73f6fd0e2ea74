package org.newsarchive.query;

import java.io.IOException;
import java.util.Arrays;
import org.newsarchive.schema.SignatureFieldDef;

/**
 * The clusters that near-duplicate copies form: articles, by number (an index-wide doc id, a full
 * int), are joined one candidate group at a time, and a cluster is a set of articles joined
 * through copies. The only state is one int per article (its parent in a disjoint-set forest, or
 * for a cluster's root minus the cluster's size), so memory is 4 bytes per article whatever the
 * archive's size; signatures are read when a candidate group is compared, since candidates are
 * few.
 */
final class CopyClusters {

    /** An article's near-duplicate signature, read when needed; null when it has none. */
    @FunctionalInterface
    interface Signatures {
        int[] of(int article) throws IOException;
    }

    private final int[] parents;
    private final Signatures signatures;

    /** No copies yet among the articles numbered 0 to {@code articles - 1}. */
    CopyClusters(int articles, Signatures signatures) {
        this.parents = new int[articles];
        Arrays.fill(parents, -1);
        this.signatures = signatures;
    }

    /**
     * Joins the copies among the first {@code count} of {@code candidates}: articles that share a
     * band, each pair compared unless the two are in one cluster already. A group's signatures
     * are read once and kept while it is compared (at most {@value #KEPT_SIGNATURES}, about 1 MB:
     * a larger group, such as thousands of articles with no text, reads them per pair instead).
     */
    void joinCopies(int[] candidates, int count) throws IOException {
        int[][] kept = count <= KEPT_SIGNATURES ? new int[count][] : null;
        for (int i = 0; i < count - 1; i++) {
            int[] first = null;
            for (int j = i + 1; j < count; j++) {
                if (root(candidates[i]) == root(candidates[j])) {
                    continue;
                }
                if (first == null && (first = signature(candidates, i, kept)) == null) {
                    break;
                }
                int[] second = signature(candidates, j, kept);
                if (second != null && SignatureFieldDef.similarity(first, second) >= NearDuplicates.MIN_SIMILARITY) {
                    join(candidates[i], candidates[j]);
                }
            }
        }
    }

    private static final int KEPT_SIGNATURES = 4096;

    private int[] signature(int[] candidates, int k, int[][] kept) throws IOException {
        if (kept == null) {
            return signatures.of(candidates[k]);
        }
        if (kept[k] == null) {
            kept[k] = signatures.of(candidates[k]);
        }
        return kept[k];
    }

    /** How many clusters hold two or more articles. */
    long withCopies() {
        long clusters = 0;
        for (int parent : parents) {
            if (parent < -1) {
                clusters++;
            }
        }
        return clusters;
    }

    private void join(int a, int b) {
        int x = root(a);
        int y = root(b);
        if (x == y) {
            return;
        }
        if (parents[x] > parents[y]) { // x is the smaller cluster: it goes under y
            int swap = x;
            x = y;
            y = swap;
        }
        parents[x] += parents[y];
        parents[y] = x;
    }

    private int root(int article) {
        int i = article;
        while (parents[i] >= 0) {
            int parent = parents[i];
            if (parents[parent] >= 0) {
                parents[i] = parents[parent]; // path halving
            }
            i = parents[i];
        }
        return i;
    }
}
