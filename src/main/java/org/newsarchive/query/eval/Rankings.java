package org.newsarchive.query.eval;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.newsarchive.query.BestHitsRescorer;

/** What the rankers share: reading topic text as plain words, and running a query to a depth. */
final class Rankings {

    /** The order of {@code search --sort relevance}: score, then newest, then id. */
    static final Sort RELEVANCE = new Sort(SortField.FIELD_SCORE, ArticleFields.DATE.sortField(true), ArticleFields.ID.sortField(false));

    private Rankings() {
    }

    /**
     * Topic text as plain words in the classic syntax: special characters escaped, and lower
     * case so that AND, OR and NOT in a title are words, not operators. Analysis lower-cases
     * text anyway, so nothing else changes.
     */
    static String plainWords(String text) {
        return QueryParser.escape(text.toLowerCase(Locale.ROOT));
    }

    /** A term of analysed text and its position (stop words leave gaps). */
    record Positioned(String term, int position) {
    }

    /** The terms the text fields' analysis makes of {@code text}, in order, with their positions. */
    static List<Positioned> positionedTerms(Analyzer analyzer, String field, String text) {
        List<Positioned> terms = new ArrayList<>();
        try (TokenStream tokens = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = tokens.addAttribute(PositionIncrementAttribute.class);
            tokens.reset();
            int position = -1;
            while (tokens.incrementToken()) {
                position += increment.getPositionIncrement();
                terms.add(new Positioned(term.toString(), position));
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return terms;
    }

    /** The best {@code depth} documents for {@code query} in the given order, with their docids. */
    static List<RankedDoc> run(IndexSearcher searcher, Query query, int depth, Sort sort, DocIdReader docids)
            throws IOException {
        return run(searcher, query, null, depth, sort, docids);
    }

    /**
     * The same, the best hits scored again with {@code rescoring} as search does
     * ({@link BestHitsRescorer}; null for none).
     */
    static List<RankedDoc> run(IndexSearcher searcher, Query query, Query rescoring, int depth, Sort sort,
            DocIdReader docids) throws IOException {
        if (query == null) {
            return List.of();
        }
        int collected = rescoring == null ? depth : Math.max(depth, BestHitsRescorer.WINDOW);
        TopDocs top = searcher.search(query, collected, sort, true);
        BestHitsRescorer.rescore(searcher, rescoring, sort, top.scoreDocs);
        StoredFields stored = searcher.storedFields();
        int kept = Math.min(depth, top.scoreDocs.length);
        List<RankedDoc> ranking = new ArrayList<>(kept);
        for (int i = 0; i < kept; i++) {
            ScoreDoc hit = top.scoreDocs[i];
            ranking.add(new RankedDoc(docids.docid(stored, hit.doc), hit.score));
        }
        return ranking;
    }

    /** Reads a document's docid. */
    @FunctionalInterface
    interface DocIdReader {
        String docid(StoredFields stored, int doc) throws IOException;
    }
}
