package org.newsarchive.query;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TwoPhaseIterator;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.Weight;

/**
 * Adds the scores of a query's headline and word-pair clauses
 * ({@link ArticleQueryParser.TieredQuery#rescoring}) to the best {@value #WINDOW} hits of a tier,
 * and sorts them again: a second pass over a few articles, as Solr's re-rank query and
 * Elasticsearch's rescore do. As clauses of the query, the pairs had a phrase checked in every
 * article with the words, and the light headline clause kept block-max skipping from pruning
 * (it adds too little to raise the bar a hit must pass): on the 200,000-article benchmark
 * archive a two-word search took twice as long and a ten-word question four times
 * (docs/benchmarks.md). On the best hits only they cost a fraction of a millisecond.
 *
 * <p>Below the window the order is the tier's own. {@code eval} ranks through the same code, so
 * the figures in docs/ranking.md are those of this two-pass ranking.
 */
public final class BestHitsRescorer {

    /**
     * Hits of each tier that are scored again: the first three pages. On the development
     * collections (docs/ranking.md) 30 ranks as well as 100 or the whole ranking (mean MAP ratio
     * to bare BM25 1.027, against 1.028; nDCG@10 the same), 10 and 20 a little worse (1.024,
     * 1.026), and collecting 100 hits instead of 10 cost a multi-word search about a millisecond.
     */
    public static final int WINDOW = 30;

    private BestHitsRescorer() {
    }

    /**
     * Adds to each of the first {@value #WINDOW} {@code hits} the score {@code rescoring} gives
     * it, and sorts them again by {@code order}: the new score, then the order's other fields.
     *
     * @param hits      {@link FieldDoc}s of a search sorted by {@code order}, whose first field is the score
     * @param rescoring null for none: the hits are left as they are
     */
    public static void rescore(IndexSearcher searcher, Query rescoring, Sort order, ScoreDoc[] hits) throws IOException {
        int window = Math.min(WINDOW, hits.length);
        if (rescoring == null || window == 0) {
            return;
        }
        for (int i = 0; i < window; i++) {
            // a search sorted by fields may leave the score to the sort value alone
            if (Float.isNaN(hits[i].score) && hits[i] instanceof FieldDoc fieldDoc && fieldDoc.fields[0] instanceof Float score) {
                hits[i].score = score;
            }
        }
        ScoreDoc[] byDoc = Arrays.copyOf(hits, window);
        Arrays.sort(byDoc, Comparator.comparingInt(hit -> hit.doc));
        Weight weight = searcher.createWeight(searcher.rewrite(rescoring), ScoreMode.COMPLETE, 1f);
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        int leafIndex = -1;
        LeafReaderContext leaf = null;
        Scorer scorer = null;
        for (ScoreDoc hit : byDoc) {
            int index = ReaderUtil.subIndex(hit.doc, leaves);
            if (index != leafIndex) {
                leafIndex = index;
                leaf = leaves.get(index);
                scorer = weight.scorer(leaf);
            }
            if (scorer == null) {
                continue;
            }
            int target = hit.doc - leaf.docBase;
            // a phrase is two-phase: its iterator would scan on to the next article where the
            // words stand side by side; the approximation stops at the hit, and matches() says
            // whether they do there
            TwoPhaseIterator twoPhase = scorer.twoPhaseIterator();
            DocIdSetIterator docs = twoPhase == null ? scorer.iterator() : twoPhase.approximation();
            int at = docs.docID() < target ? docs.advance(target) : docs.docID();
            if (at == target && (twoPhase == null || twoPhase.matches())) {
                hit.score += scorer.score();
                if (hit instanceof FieldDoc fieldDoc) {
                    fieldDoc.fields[0] = hit.score;
                }
            }
        }
        Arrays.sort(hits, 0, window, comparator(order));
    }

    /** Score first, highest first, then the order's other fields as the order sorts them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparator<ScoreDoc> comparator(Sort order) {
        SortField[] fields = order.getSort();
        Comparator<ScoreDoc> byScore = (a, b) -> Float.compare(b.score, a.score);
        return byScore.thenComparing((a, b) -> {
            if (!(a instanceof FieldDoc x) || !(b instanceof FieldDoc y)) {
                return Integer.compare(a.doc, b.doc);
            }
            for (int i = 1; i < fields.length; i++) {
                Object u = x.fields[i];
                Object v = y.fields[i];
                int c = u == null || v == null ? Boolean.compare(u == null, v == null) : ((Comparable) u).compareTo(v);
                if (c != 0) {
                    return fields[i].getReverse() ? -c : c;
                }
            }
            return Integer.compare(a.doc, b.doc);
        });
    }
}
