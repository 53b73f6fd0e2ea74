package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/**
 * Answers a {@link SearchRequest}: the ranked page with snippets, or every match for an export.
 * Thread-safe: it holds only the searcher and what is fixed with it.
 */
final class ArticleSearch implements CopiesSearch.Searches {

    private final IndexSearcher searcher;
    private final RequestFilters filters;
    private final FieldInfos fieldInfos;
    private final int maxDoc;

    ArticleSearch(IndexSearcher searcher, RequestFilters filters) {
        this.searcher = searcher;
        this.filters = filters;
        this.fieldInfos = FieldInfos.getMergedFieldInfos(searcher.getIndexReader());
        this.maxDoc = searcher.getIndexReader().maxDoc();
    }

    /**
     * Runs a search. Articles with every word come first; when they do not fill the page and
     * the query joins words without an operator, the page goes on with the articles that have
     * only some of them (see {@link ArticleQueryParser.TieredQuery}), unless the request asks
     * for complete matches only.
     *
     * @throws InvalidQueryException when the query cannot be parsed or run
     */
    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        ArticleQueryParser.TieredQuery tiers = filters.parseTiered(request.query());
        Query complete = filters.apply(tiers.complete(), request);
        Query partial = tiers.hasPartial() && !request.completeOnly() ? filters.apply(tiers.partial(), request) : null;
        List<SearchHit> hits = new ArrayList<>();
        long total;
        OptionalLong partialTotal = OptionalLong.empty();
        try {
            // feedback changes scores only: with another order, or no page, there is nothing to do
            ArticleQueryParser.TieredQuery ranked = tiers.withTiers(complete, partial);
            if (request.expand() && request.sort() == SortOrder.RELEVANCE && request.limit() > 0) {
                ranked = RelevanceFeedback.expand(searcher, ranked);
            }
            long end = (long) request.offset() + request.limit();
            total = page(ranked.complete(), complete, ranked.rescoring(), request.sort(), request.offset(), request.limit(),
                    false, hits);
            if (partial != null && total < end) {
                long skip = Math.max(0, request.offset() - total);
                int wanted = (int) (end - Math.max(request.offset(), total));
                partialTotal = OptionalLong.of(page(ranked.partial(), partial, ranked.rescoring(), request.sort(), (int) skip,
                        wanted, true, hits));
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("invalid query: it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms; make wildcards more specific", e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: too deeply nested", e);
        }
        List<Suggestion> suggestions = total < SearchResult.SUGGEST_BELOW
                ? new SpellingSuggester(searcher, filters.names()).suggest(request.query(), request.entities()) : List.of();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult(request.query(), total, partialTotal, tookMs, hits, suggestions,
                SpellingSuggester.corrected(request.query(), suggestions));
    }

    /** Articles read per page of an export: the memory an export holds, whatever its size. */
    static final int EXPORT_PAGE = 1000;

    /**
     * Hands every article with every word of the request's query (the search's {@code total},
     * never the partial matches), in the request's order, to {@code sink}; the request's page
     * (limit and offset) is ignored. Pages through the matches with {@code searchAfter}, so the
     * memory held is one page of {@value #EXPORT_PAGE} sort keys whatever the number of matches;
     * the id that breaks ties makes the order total, so no article is skipped or repeated.
     *
     * @return how many articles were exported
     * @throws InvalidQueryException when the query cannot be parsed
     */
    /**
     * Hands every article with every word of the request's query (the search's {@code total},
     * never the partial matches), in the request's order, to {@code sink}; the request's page
     * (limit and offset) is ignored. Pages through the matches with {@code searchAfter}, so the
     * memory held is one page of {@value #EXPORT_PAGE} sort keys whatever the number of matches;
     * the id that breaks ties makes the order total, so no article is skipped or repeated.
     *
     * @return how many articles were exported
     * @throws InvalidQueryException when the query cannot be parsed
     */
    long export(SearchRequest request, ArticleSink sink) throws IOException {
        Query query = filters.apply(filters.parse(request.query()), request);
        Sort order = request.sort().luceneSort();
        boolean scores = request.sort() == SortOrder.RELEVANCE;
        FieldDoc after = null;
        long exported = 0;
        while (true) {
            TopDocs page = searcher.searchAfter(after, query, EXPORT_PAGE, order, scores);
            var stored = searcher.storedFields();
            for (ScoreDoc hit : page.scoreDocs) {
                sink.accept(ArticleSchema.fromDocument(stored.document(hit.doc)), scores ? hit.score : 0f);
                exported++;
            }
            if (page.scoreDocs.length < EXPORT_PAGE) {
                return exported;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    private long page(Query query, Query typed, Query rescoring, SortOrder order, int offset, int limit, boolean partial,
            List<SearchHit> hits) throws IOException {
        int wanted = (int) Math.min((long) offset + limit, maxDoc);
        if (wanted == 0 || limit == 0) {
            return searcher.count(query);
        }
        boolean rescored = rescoring != null && order == SortOrder.RELEVANCE;
        int collected = rescored ? Math.max(wanted, Math.min(BestHitsRescorer.WINDOW, maxDoc)) : wanted;
        Sort sort = order.luceneSort();
        TopDocs top = searcher.search(query,
                new TopFieldCollectorManager(sort, collected, null, Math.max(collected, EXACT_COUNT_WHILE_RANKING)));
        if (rescored) {
            BestHitsRescorer.rescore(searcher, rescoring, sort, top.scoreDocs);
        }
        ScoreDoc[] page = pageOf(top.scoreDocs, offset, wanted);
        if (page.length > 0) {
            if (Float.isNaN(page[0].score)) {
                TopFieldCollector.populateScores(page, searcher, query);
            }
            hits.addAll(hits(typed, page, partial));
        }
        return top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);
    }

    /**
     * Up to this many matches, ranking counts them exactly as it goes; beyond, it may skip
     * documents that cannot enter the page (block-max WAND on scores, points on dates), and the
     * total is counted by a separate pass that scores nothing. Ranking every match of a common
     * word to count it cost several times more than both passes together.
     */
    private static final int EXACT_COUNT_WHILE_RANKING = 1000;

    /** Hits {@code offset} to {@code end} (exclusive) of {@code all}, as far as it goes. */
    private static ScoreDoc[] pageOf(ScoreDoc[] all, int offset, int end) {
        int last = Math.min(end, all.length);
        if (offset >= last) {
            return new ScoreDoc[0];
        }
        return Arrays.copyOfRange(all, offset, last);
    }

    private List<SearchHit> hits(Query query, ScoreDoc[] page, boolean partial) throws IOException {
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        var stored = searcher.storedFields();
        Document[] docs = new Document[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = stored.document(page[i].doc, ArticleFields.HIT_FIELDS);
        }
        SnippetHighlighter.Highlights highlights = new SnippetHighlighter(searcher, fieldInfos).highlight(query, docIds, docs);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = docs[i];
            hits.add(new SearchHit(
                    ArticleFields.ID.read(doc),
                    ArticleSchema.publishedDate(doc),
                    ArticleFields.PUBLISHED.read(doc),
                    highlights.headline(i),
                    page[i].score,
                    highlights.body(i),
                    ArticleFields.PATH.read(doc),
                    ArticleFields.URL.read(doc),
                    ArticleFields.SOURCE.read(doc),
                    List.of(doc.getValues(ArticleFields.AUTHOR.name())),
                    ArticleFields.LANGUAGE.read(doc),
                    ArticleSchema.entities(doc),
                    partial,
                    -1));
        }
        return hits;
    }
}
