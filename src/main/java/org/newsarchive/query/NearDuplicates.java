package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.util.ArrayUtil;
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

    /** See {@link CopyFinder#MIN_SIMILARITY}. */
    static final double MIN_SIMILARITY = CopyFinder.MIN_SIMILARITY;

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
     * How many clusters of two or more copies the index holds. The index has grouped the articles
     * by band already: a band term's postings are the articles that share it. So the terms are
     * walked in order, and only those held by two or more live articles (one term in a hundred at
     * a million synthetic articles) make a candidate group, whose signatures are then read and
     * compared. Per article only {@link CopyClusters}' 4 bytes are kept: all signatures in memory
     * took about 270 bytes each, more than the 256 MB heap of short commands at a million
     * articles. Copies are the ones {@link #copiesOf} finds (a shared band term, then the
     * similarity), so a cluster is the closure of what {@code show} lists.
     */
    long clustersWithCopies() throws IOException {
        IndexReader reader = searcher.getIndexReader();
        Terms bands = ArticleFields.DUPLICATES.bandTerms(reader);
        if (bands == null) {
            return 0;
        }
        List<LeafReaderContext> leaves = reader.leaves();
        CopyClusters clusters = new CopyClusters(reader.maxDoc(), doc -> {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            return ArticleFields.DUPLICATES.read(leaf.reader(), doc - leaf.docBase);
        });
        Bits live = MultiBits.getLiveDocs(reader);
        TermsEnum band = bands.iterator();
        PostingsEnum docs = null;
        int[] group = new int[16];
        while (band.next() != null) {
            if (band.docFreq() < 2) {
                continue;
            }
            docs = band.postings(docs, PostingsEnum.NONE);
            int count = 0;
            for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                if (live == null || live.get(doc)) {
                    group = ArrayUtil.grow(group, count + 1);
                    group[count++] = doc;
                }
            }
            clusters.joinCopies(group, count);
        }
        return clusters.withCopies();
    }
}
