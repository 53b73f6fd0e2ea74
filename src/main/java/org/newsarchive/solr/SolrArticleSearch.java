package org.newsarchive.solr;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.params.CursorMarkParams;
import org.newsarchive.query.ArticleQueryParser;
import org.newsarchive.query.ArticleSink;
import org.newsarchive.query.BestHitsRescorer;
import org.newsarchive.query.CopiesSearch;
import org.newsarchive.query.InvalidQueryException;
import org.newsarchive.query.PageSnippets;
import org.newsarchive.query.RequestFilters;
import org.newsarchive.query.SearchHit;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SearchResult;
import org.newsarchive.query.SortOrder;
import org.newsarchive.query.SpellingSuggester;
import org.newsarchive.query.Suggestion;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.SolrDocuments;
import org.newsarchive.schema.StoredArticle;

/**
 * Searches on SolrCloud as {@code ArticleSearch} does on the local index: the same parse into
 * tiers, the same order (score, then newest, then id), the same rescoring of each tier's best
 * {@value BestHitsRescorer#WINDOW} hits (a second request scores the rescoring clauses on
 * those hits alone, and the sums are sorted here), and the same snippets ({@link PageSnippets}).
 * Solr matches and scores; with {@code ExactStatsCache} its scores are those of one index.
 */
final class SolrArticleSearch implements CopiesSearch.Searches {

    /** Articles read per request of an export: the memory an export holds. */
    static final int EXPORT_PAGE = 1000;

    private final SolrRequests solr;
    private final RequestFilters filters;

    SolrArticleSearch(SolrRequests solr, RequestFilters filters) {
        this.solr = solr;
        this.filters = filters;
    }

    /** A ranked article: what ordering needs. */
    private record Ranked(String id, float score, long date) {
    }

    private static final Comparator<Ranked> RELEVANCE = Comparator.comparing((Ranked r) -> r.score()).reversed()
            .thenComparing(Comparator.comparingLong(Ranked::date).reversed())
            .thenComparing(Ranked::id);

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        if (request.expand()) {
            throw new InvalidQueryException("expand: query expansion is not available on SolrCloud (it reads the index's term vectors); search without it");
        }
        ArticleQueryParser.TieredQuery tiers = filters.parseTiered(request.query());
        List<String> filterQueries = filterQueries(request);
        boolean hasPartial = tiers.hasPartial() && !request.completeOnly();
        List<SearchHit> hits = new ArrayList<>();
        long end = (long) request.offset() + request.limit();
        long total = page(tiers.complete(), filterQueries, tiers.rescoring(), request.sort(), request.offset(),
                request.limit(), false, hits);
        OptionalLong partialTotal = OptionalLong.empty();
        if (hasPartial && total < end) {
            long skip = Math.max(0, request.offset() - total);
            int wanted = (int) (end - Math.max(request.offset(), total));
            partialTotal = OptionalLong.of(page(tiers.partial(), filterQueries, tiers.rescoring(), request.sort(),
                    (int) skip, wanted, true, hits));
        }
        List<Suggestion> suggestions = total < SearchResult.SUGGEST_BELOW
                ? new SpellingSuggester(new SolrSpelling(solr), filters.names()).suggest(request.query(), request.entities())
                : List.of();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult(request.query(), total, partialTotal, tookMs, hits, suggestions,
                SpellingSuggester.corrected(request.query(), suggestions));
    }

    private List<String> filterQueries(SearchRequest request) {
        List<String> written = new ArrayList<>();
        for (Query clause : filters.clauses(request.dates(), request.entities(), request.metadata())) {
            written.add(SolrQueryWriter.write(clause));
        }
        return written;
    }

    private long page(Query query, List<String> filterQueries, Query rescoring, SortOrder order, int offset, int limit,
            boolean partial, List<SearchHit> hits) throws IOException {
        long wanted = (long) offset + limit;
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(query));
        filterQueries.forEach(ask::addFilterQuery);
        if (limit == 0) {
            ask.setRows(0);
            return solr.select(ask).getResults().getNumFound();
        }
        boolean rescored = rescoring != null && order == SortOrder.RELEVANCE;
        int collected = (int) Math.min(Integer.MAX_VALUE, rescored ? Math.max(wanted, BestHitsRescorer.WINDOW) : wanted);
        ask.setRows(collected);
        ask.set("sort", sort(order));
        ask.setFields(ArticleFields.ID.name(), "score", ArticleFields.DATE.name());
        QueryResponse response = solr.select(ask);
        List<Ranked> ranked = new ArrayList<>();
        for (SolrDocument doc : response.getResults()) {
            ranked.add(new Ranked((String) doc.getFirstValue(ArticleFields.ID.name()), (Float) doc.getFirstValue("score"),
                    ((Number) doc.getFirstValue(ArticleFields.DATE.name())).longValue()));
        }
        if (rescored) {
            rescore(rescoring, ranked);
        }
        if (offset < ranked.size()) {
            List<Ranked> page = ranked.subList(offset, (int) Math.min(wanted, ranked.size()));
            hits.addAll(hits(query, page, partial));
        }
        return response.getResults().getNumFound();
    }

    /** Adds the rescoring clauses' scores to the best hits and sorts them again, as {@link BestHitsRescorer} does. */
    private void rescore(Query rescoring, List<Ranked> ranked) throws IOException {
        int window = Math.min(BestHitsRescorer.WINDOW, ranked.size());
        if (window == 0) {
            return;
        }
        List<Ranked> best = ranked.subList(0, window);
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(rescoring));
        ask.addFilterQuery(ids(best));
        ask.setRows(window);
        ask.setFields(ArticleFields.ID.name(), "score");
        Map<String, Float> extra = new HashMap<>();
        for (SolrDocument doc : solr.select(ask).getResults()) {
            extra.put((String) doc.getFirstValue(ArticleFields.ID.name()), (Float) doc.getFirstValue("score"));
        }
        for (int i = 0; i < window; i++) {
            Ranked hit = best.get(i);
            Float add = extra.get(hit.id());
            if (add != null) {
                best.set(i, new Ranked(hit.id(), hit.score() + add, hit.date()));
            }
        }
        best.sort(RELEVANCE);
    }

    private List<SearchHit> hits(Query typed, List<Ranked> page, boolean partial) throws IOException {
        Map<String, SolrDocument> byId = fetch(page.stream().map(Ranked::id).toList());
        List<StoredArticle> articles = new ArrayList<>();
        List<String[]> texts = new ArrayList<>();
        for (Ranked hit : page) {
            SolrDocument doc = byId.get(hit.id());
            StoredArticle article = doc == null ? null : SolrDocuments.storedArticle(doc::getFieldValues);
            articles.add(article);
            texts.add(article == null ? new String[] {"", ""} : new String[] {article.headline(), article.body()});
        }
        List<PageSnippets.Marked> marked = PageSnippets.of(typed, texts);
        List<SearchHit> hits = new ArrayList<>(page.size());
        for (int i = 0; i < page.size(); i++) {
            StoredArticle a = articles.get(i);
            if (a == null) {
                continue; // deleted between the two requests
            }
            hits.add(new SearchHit(a.id(), a.date(), a.published(), marked.get(i).headline(), page.get(i).score(),
                    marked.get(i).body(), a.path(), a.url(), a.source(), a.authors(), a.language(), a.entities(), partial, -1));
        }
        return hits;
    }

    /** The stored fields of these articles, by id. */
    Map<String, SolrDocument> fetch(List<String> ids) throws IOException {
        Map<String, SolrDocument> byId = new HashMap<>();
        if (ids.isEmpty()) {
            return byId;
        }
        SolrQuery ask = new SolrQuery("*:*");
        ask.addFilterQuery(ids(ids.stream().map(id -> new Ranked(id, 0, 0)).toList()));
        ask.setRows(ids.size());
        ask.setFields(SolrDocuments.storedFields().toArray(String[]::new));
        for (SolrDocument doc : solr.select(ask).getResults()) {
            byId.put((String) doc.getFirstValue(ArticleFields.ID.name()), doc);
        }
        return byId;
    }

    /** The article with this id. */
    Optional<StoredArticle> find(String id) throws IOException {
        SolrQuery ask = new SolrQuery("{!term f=" + ArticleFields.ID.name() + "}" + id);
        ask.setRows(1);
        ask.setFields(SolrDocuments.storedFields().toArray(String[]::new));
        for (SolrDocument doc : solr.select(ask).getResults()) {
            return Optional.of(SolrDocuments.storedArticle(doc::getFieldValues));
        }
        return Optional.empty();
    }

    /**
     * Every complete match in the request's order, through Solr's cursor (deep paging that holds
     * one page whatever the number of matches; the id in the sort makes the order total).
     */
    long export(SearchRequest request, ArticleSink sink) throws IOException {
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(filters.parse(request.query())));
        filterQueries(request).forEach(ask::addFilterQuery);
        ask.setRows(EXPORT_PAGE);
        ask.set("sort", sort(request.sort()));
        List<String> fields = new ArrayList<>(SolrDocuments.storedFields());
        fields.add("score");
        ask.setFields(fields.toArray(String[]::new));
        boolean scores = request.sort() == SortOrder.RELEVANCE;
        String cursor = CursorMarkParams.CURSOR_MARK_START;
        long exported = 0;
        while (true) {
            ask.set(CursorMarkParams.CURSOR_MARK_PARAM, cursor);
            QueryResponse response = solr.select(ask);
            for (SolrDocument doc : response.getResults()) {
                sink.accept(SolrDocuments.storedArticle(doc::getFieldValues), scores ? (Float) doc.getFirstValue("score") : 0f);
                exported++;
            }
            String next = response.getNextCursorMark();
            if (next == null || next.equals(cursor)) {
                return exported;
            }
            cursor = next;
        }
    }

    /** The order of {@link SortOrder}'s Lucene sort, in Solr's words. */
    static String sort(SortOrder order) {
        String date = ArticleFields.DATE.name();
        String id = ArticleFields.ID.name();
        return switch (order) {
            case RELEVANCE -> "score desc," + date + " desc," + id + " asc";
            case NEWEST -> date + " desc," + id + " asc";
            case OLDEST -> date + " asc," + id + " asc";
        };
    }

    /** A filter on exactly these ids. */
    private static String ids(List<Ranked> hits) {
        // ids are hex digits (ArticleId): the default separator, a comma, is never part of one
        StringBuilder terms = new StringBuilder("{!terms f=").append(ArticleFields.ID.name()).append('}');
        for (int i = 0; i < hits.size(); i++) {
            if (i > 0) {
                terms.append(',');
            }
            terms.append(hits.get(i).id());
        }
        return terms.toString();
    }
}
