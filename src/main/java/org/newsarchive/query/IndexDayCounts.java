package org.newsarchive.query;

import java.io.IOException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.DateFieldDef;

/**
 * Day counts of the local index: each matching article's date doc value is one array increment,
 * and the extent comes from the date points' metadata, so nothing is read per document.
 */
final class IndexDayCounts implements DayCounts {

    private final IndexSearcher searcher;

    IndexDayCounts(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** Adds each matching article to its day's counter; returns how many matched. */
    @Override
    public long countDays(Query query, int[] perDay, long firstDay) throws IOException {
        long[] total = new long[1];
        searcher.search(query, new SimpleCollector() {
            private SortedNumericDocValues dates;

            @Override
            protected void doSetNextReader(LeafReaderContext context) throws IOException {
                dates = ArticleFields.DATE.values(context.reader());
            }

            @Override
            public void collect(int doc) throws IOException {
                if (dates.advanceExact(doc)) {
                    perDay[(int) (DateFieldDef.epochDayOf(dates.nextValue()) - firstDay)]++;
                    total[0]++;
                }
            }

            @Override
            public ScoreMode scoreMode() {
                return ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        return total[0];
    }

    /** The index's first and last day, or null when it holds no article. */
    @Override
    public long[] extentDays() throws IOException {
        long[] extent = null;
        for (LeafReaderContext leaf : searcher.getIndexReader().leaves()) {
            long[] own = ArticleFields.DATE.extent(leaf.reader());
            if (own != null) {
                long first = DateFieldDef.epochDayOf(own[0]);
                long last = DateFieldDef.epochDayOf(own[1]);
                extent = extent == null ? new long[] {first, last}
                        : new long[] {Math.min(extent[0], first), Math.max(extent[1], last)};
            }
        }
        return extent;
    }
}
