package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.StoredArticle;

/** Answers a {@link SimilarRequest}: the articles most like one, or its story by date. */
final class SimilarSearch {

    private final IndexSearcher searcher;
    private final RequestFilters filters;
    private final ArticleLookup lookup;

    SimilarSearch(IndexSearcher searcher, RequestFilters filters, ArticleLookup lookup) {
        this.searcher = searcher;
        this.filters = filters;
        this.lookup = lookup;
    }

    /**
     * The articles most like the one with {@code id}, best first, or nothing when the index has
     * no such article (see {@link SimilarArticles}).
     *
     * @param dates only articles within these dates
     */
    Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException {
        OptionalInt own = lookup.docOf(id);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        Query like = new SimilarArticles(searcher, filters.names()).query(own.getAsInt());
        Query query = SimilarArticles.besides(filters.apply(like, dates), id);
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(SortOrder.RELEVANCE.luceneSort(), limit, null, limit));
        if (top.scoreDocs.length > 0 && Float.isNaN(top.scoreDocs[0].score)) {
            TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
        }
        var stored = searcher.storedFields();
        List<SimilarArticle> found = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            found.add(SimilarArticle.of(stored.document(hit.doc, ArticleFields.HIT_FIELDS), hit.score));
        }
        return Optional.of(found);
    }

    /**
     * The answer of {@code similar}: the most similar articles best first, or with
     * {@code thread} those and the article itself by date, oldest first; empty when the index
     * has no article with the request's id.
     */
    Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException {
        Optional<List<SimilarArticle>> found = similar(request.id(), request.limit(), request.dates());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredArticle own = request.thread() ? lookup.find(request.id()).orElseThrow() : null;
        return Optional.of(SimilarEntry.answer(found.get(), own));
    }
}
