package org.newsarchive.solr;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.search.Query;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.response.QueryResponse;
import org.apache.solr.common.SolrDocument;
import org.apache.solr.common.util.NamedList;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.RequestFilters;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.query.SimilarArticles;
import org.newsarchive.query.SimilarEntry;
import org.newsarchive.query.SimilarRequest;
import org.newsarchive.query.SortOrder;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.StoredArticle;

/**
 * "Similar" on SolrCloud: the same query as locally ({@link SimilarArticles}: the article's
 * most telling words by tf-idf, and its entities), weighed with the collection's document
 * frequencies of the article's words, fetched in one request of query facets, then run on the
 * collection in the same order as locally.
 */
final class SolrSimilar {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SolrRequests solr;
    private final SolrArticleSearch search;
    private final RequestFilters filters;

    SolrSimilar(SolrRequests solr, SolrArticleSearch search, RequestFilters filters) {
        this.solr = solr;
        this.search = search;
        this.filters = filters;
    }

    Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException {
        Optional<StoredArticle> found = search.find(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredArticle own = found.get();
        Query like = new SimilarArticles(statistics(own), filters.names()).query(own.headline(), own.body(), own.entities());
        Query query = SimilarArticles.besides(filters.apply(like, dates), id);
        SolrQuery ask = new SolrQuery(SolrQueryWriter.write(query));
        ask.setRows(limit);
        ask.set("sort", SolrArticleSearch.sort(SortOrder.RELEVANCE));
        ask.setFields(ArticleFields.ID.name(), ArticleFields.PUBLISHED.name(), ArticleFields.HEADLINE.name(),
                ArticleFields.PATH.name(), "score");
        List<SimilarArticle> similar = new ArrayList<>();
        for (SolrDocument doc : solr.select(ask).getResults()) {
            StoredArticle a = org.newsarchive.schema.SolrDocuments.storedArticle(doc::getFieldValues);
            similar.add(new SimilarArticle(a.id(), a.date(), a.published(), a.headline(), a.path(),
                    (Float) doc.getFirstValue("score")));
        }
        return Optional.of(similar);
    }

    Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException {
        Optional<List<SimilarArticle>> found = similar(request.id(), request.limit(), request.dates());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        StoredArticle own = request.thread() ? search.find(request.id()).orElseThrow() : null;
        return Optional.of(SimilarEntry.answer(found.get(), own));
    }

    /** The collection's statistics of the article's words, as a reader MoreLikeThis can ask. */
    private WordStatisticsReader statistics(StoredArticle article) throws IOException {
        Map<String, List<String>> words = new HashMap<>();
        ObjectNode facets = JSON.createObjectNode();
        int n = 0;
        for (String field : SimilarArticles.textFields()) {
            String text = field.equals(ArticleFields.HEADLINE.name()) ? article.headline() : article.body();
            List<String> distinct = new ArrayList<>(distinctTerms(field, text == null ? "" : text));
            words.put(field, distinct);
            facets.putObject("n_" + field).put("type", "query").put("q", field + ":*");
            for (String word : distinct) {
                facets.putObject("w" + n++).put("type", "query").put("q", "{!term f=" + field + "}" + word);
            }
        }
        SolrQuery ask = new SolrQuery("*:*");
        ask.setRows(0);
        ask.set("json.facet", JSON.writeValueAsString(facets));
        QueryResponse response = solr.select(ask);
        NamedList<?> counts = (NamedList<?>) response.getResponse().get("facets");
        Map<String, Map<String, Integer>> docFreqs = new HashMap<>();
        Map<String, Integer> docCounts = new HashMap<>();
        n = 0;
        for (String field : SimilarArticles.textFields()) {
            docCounts.put(field, count(counts, "n_" + field));
            Map<String, Integer> frequencies = new HashMap<>();
            for (String word : words.get(field)) {
                frequencies.put(word, count(counts, "w" + n++));
            }
            docFreqs.put(field, frequencies);
        }
        return new WordStatisticsReader(docFreqs, docCounts, (int) response.getResults().getNumFound());
    }

    private static int count(NamedList<?> counts, String key) {
        Object facet = counts == null ? null : counts.get(key);
        return facet == null ? 0 : ((Number) ((NamedList<?>) facet).get("count")).intValue();
    }

    private static Set<String> distinctTerms(String field, String text) {
        Set<String> terms = new LinkedHashSet<>();
        try (TokenStream tokens = ArticleSchema.analyzer().tokenStream(field, text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                terms.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return terms;
    }
}
