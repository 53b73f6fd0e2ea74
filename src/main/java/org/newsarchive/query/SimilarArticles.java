package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleSchema;

/**
 * The query for "articles like this one": its most telling words (Lucene's MoreLikeThis over
 * headline and body: the article's terms with the highest tf-idf, each weighted by it) and its
 * people, organisations and places, each shared one adding {@link #SHARED_ENTITY_WEIGHT}.
 */
final class SimilarArticles {

    /** Weight of a shared entity against the words' (each word weighs at most 1 after MoreLikeThis' normalisation). */
    static final float SHARED_ENTITY_WEIGHT = 0.5f;

    private final IndexSearcher searcher;
    private final EntityNormalizer names;

    SimilarArticles(IndexSearcher searcher, EntityNormalizer names) {
        this.searcher = searcher;
        this.names = names;
    }

    /** The query matching articles like the document {@code doc} (the document itself included). */
    Query query(int doc) throws IOException {
        MoreLikeThis mlt = new MoreLikeThis(searcher.getIndexReader());
        mlt.setAnalyzer(ArticleSchema.analyzer());
        mlt.setFieldNames(new String[] {ArticleFields.HEADLINE.name(), ArticleFields.BODY.name()});
        mlt.setMinTermFreq(1); // news articles are short: a word said once can be the subject
        mlt.setMinDocFreq(2);
        mlt.setMaxQueryTerms(25);
        mlt.setBoost(true);
        BooleanQuery.Builder like = new BooleanQuery.Builder().add(mlt.like(doc), BooleanClause.Occur.SHOULD);
        Map<EntityType, List<String>> entities = ArticleSchema.entities(searcher.storedFields().document(doc));
        for (Map.Entry<EntityType, List<String>> e : entities.entrySet()) {
            for (String name : e.getValue()) {
                like.add(new BoostQuery(ArticleFields.entity(e.getKey()).keyQuery(names.keyOf(e.getKey(), name)),
                        SHARED_ENTITY_WEIGHT), BooleanClause.Occur.SHOULD);
            }
        }
        return like.build();
    }
}
