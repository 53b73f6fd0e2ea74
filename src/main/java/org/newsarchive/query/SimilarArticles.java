package org.newsarchive.query;

import java.io.IOException;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/**
 * The query for "articles like this one": its most telling words (Lucene's MoreLikeThis over
 * headline and body: the article's terms with the highest tf-idf, each weighted by it) and its
 * people, organisations and places, each shared one adding {@link #SHARED_ENTITY_WEIGHT}.
 *
 * <p>The words' document frequencies come from an {@link IndexReader}: the local index's, or,
 * for a SolrCloud collection, a reader that holds only the statistics of the article's words
 * fetched from the collection; the rest of the query is built by the same code either way.
 */
public final class SimilarArticles {

    /** Weight of a shared entity against the words' (each word weighs at most 1 after MoreLikeThis' normalisation). */
    static final float SHARED_ENTITY_WEIGHT = 0.5f;

    private final IndexReader statistics;
    private final EntityNormalizer names;

    /**
     * @param statistics where the document frequencies of words are read
     * @param names      how entity names are keyed, as when indexing
     */
    public SimilarArticles(IndexReader statistics, EntityNormalizer names) {
        this.statistics = statistics;
        this.names = names;
    }

    SimilarArticles(IndexSearcher searcher, EntityNormalizer names) {
        this(searcher.getIndexReader(), names);
    }

    /** The query for the article stored as document {@code doc} of the local index. */
    Query query(int doc) throws IOException {
        return query(moreLikeThis().like(doc), ArticleSchema.entities(statistics.storedFields().document(doc)));
    }

    /**
     * The query for an article given by its stored text and entities (as {@code query(doc)}
     * reads them from a document: the headline and the body as stored).
     */
    public Query query(String headline, String body, Map<EntityType, List<String>> entities) throws IOException {
        Map<String, Collection<Object>> text = new LinkedHashMap<>();
        text.put(ArticleFields.HEADLINE.name(), headline == null ? List.of() : List.of(headline));
        text.put(ArticleFields.BODY.name(), body == null ? List.of() : List.of(body));
        return query(moreLikeThis().like(text), entities);
    }

    /** The articles {@code like} matches but the one with {@code id}: an article is not similar to itself. */
    public static Query besides(Query like, String id) {
        return new BooleanQuery.Builder()
                .add(like, BooleanClause.Occur.MUST)
                .add(ArticleSchema.idQuery(id), BooleanClause.Occur.MUST_NOT)
                .build();
    }

    /** The fields whose words are weighed, in the order they are read. */
    public static List<String> textFields() {
        return List.of(ArticleFields.HEADLINE.name(), ArticleFields.BODY.name());
    }

    private MoreLikeThis moreLikeThis() throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(statistics);
        mlt.setAnalyzer(ArticleSchema.analyzer());
        mlt.setFieldNames(textFields().toArray(String[]::new));
        mlt.setMinTermFreq(1); // news articles are short: a word said once can be the subject
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        return mlt;
    }

    private Query query(Query words, Map<EntityType, List<String>> entities) {
        BooleanQuery.Builder like = new BooleanQuery.Builder().add(words, BooleanClause.Occur.SHOULD);
        for (Map.Entry<EntityType, List<String>> e : byType(entities).entrySet()) { // in type order, as stored
            for (String name : e.getValue()) {
                like.add(new BoostQuery(ArticleFields.entity(e.getKey()).keyQuery(names.keyOf(e.getKey(), name)),
                        SHARED_ENTITY_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        return like.build();
    }

    private static Map<EntityType, List<String>> byType(Map<EntityType, List<String>> entities) {
        Map<EntityType, List<String>> ordered = new EnumMap<>(EntityType.class);
        ordered.putAll(entities);
        return ordered;
    }
}
