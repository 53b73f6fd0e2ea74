package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.Bits;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.SignatureFieldDef;

/**
 * Near-duplicate articles (a wire story reprinted with small edits), from the MinHash signature
 * each article gets at indexing: two articles are copies when they share a band (a candidate)
 * and their signatures agree in at least {@link #MIN_SIMILARITY} of their positions. Clusters
 * are the groups of articles joined by such pairs, worked out when asked rather than stored, so
 * that adding or removing one article never leaves another with a stale cluster.
 */
final class NearDuplicates {

    /**
     * Estimated Jaccard similarity of word pairs from which two articles are copies. On planted
     * reprints of Reuters articles (docs/near-duplicates.md) it finds 99.8% of copies with two
     * words changed and 92% with six, with no copy joined to the wrong article.
     */
    static final double MIN_SIMILARITY = 0.6;

    private final IndexSearcher searcher;

    NearDuplicates(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** A copy: its index-wide doc id and its estimated similarity to the article. */
    record Copy(int doc, double similarity) {
    }

    /** The copies of the document {@code doc} (itself excluded), in doc order. */
    List<Copy> copiesOf(int doc) throws IOException {
        IndexReader reader = searcher.getIndexReader();
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        int[] signature = ArticleFields.DUPLICATES.read(leaf.reader(), doc - leaf.docBase);
        if (signature == null) {
            return List.of();
        }
        List<Copy> copies = new ArrayList<>();
        searcher.search(ArticleFields.DUPLICATES.candidates(signature), new SimpleCollector() {
            private LeafReaderContext context;

            @Override
            protected void doSetNextReader(LeafReaderContext context) {
                this.context = context;
            }

            @Override
            public void collect(int candidate) throws IOException {
                int global = context.docBase + candidate;
                if (global != doc) {
                    int[] other = ArticleFields.DUPLICATES.read(context.reader(), candidate);
                    double similarity = other == null ? 0 : SignatureFieldDef.similarity(signature, other);
                    if (similarity >= MIN_SIMILARITY) {
                        copies.add(new Copy(global, similarity));
                    }
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return copies;
    }

    /**
     * How many clusters of two or more copies the index holds. Reads every signature once (about
     * 270 bytes per article in memory), then per band sorts the articles by band key and joins
     * the copies among those that share one.
     */
    long clustersWithCopies() throws IOException {
        List<int[]> signatures = new ArrayList<>();
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    int[] signature = ArticleFields.DUPLICATES.read(leaf.reader(), doc);
                    if (signature != null) {
                        signatures.add(signature);
                    }
                }
            }
        }
        int n = signatures.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        long[] keyed = new long[n];
        for (int band = 0; band < SignatureFieldDef.BAND_COUNT; band++) {
            // the band key's top 40 bits and the article's number in the low 24: equal prefixes
            // group the candidates (a rare prefix collision costs one comparison, nothing else)
            for (int i = 0; i < n; i++) {
                keyed[i] = (SignatureFieldDef.bandKey(signatures.get(i), band) & ~0xFF_FFFFL) | i;
            }
            Arrays.sort(keyed);
            for (int start = 0; start < n; ) {
                int end = start + 1;
                while (end < n && (keyed[end] & ~0xFF_FFFFL) == (keyed[start] & ~0xFF_FFFFL)) {
                    end++;
                }
                for (int a = start; a < end; a++) {
                    for (int b = a + 1; b < end; b++) {
                        int x = (int) (keyed[a] & 0xFF_FFFFL);
                        int y = (int) (keyed[b] & 0xFF_FFFFL);
                        if (find(parent, x) != find(parent, y)
                                && SignatureFieldDef.similarity(signatures.get(x), signatures.get(y)) >= MIN_SIMILARITY) {
                            parent[find(parent, x)] = find(parent, y);
                        }
                    }
                }
                start = end;
            }
        }
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[find(parent, i)]++;
        }
        return Arrays.stream(size).filter(s -> s > 1).count();
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }
}
