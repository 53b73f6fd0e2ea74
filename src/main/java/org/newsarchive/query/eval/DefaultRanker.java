package org.newsarchive.query.eval;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.query.ArticleQueryParser;
import org.newsarchive.schema.ArticleSchema;

/**
 * The ranking {@code newsarchive search} uses: the query parsed by {@link ArticleQueryParser}
 * (fields, boosts and operators as search has them), {@link ArticleSchema#similarity()}, and
 * relevance order with search's tie-breaks (newest first, then id). What is measured is what
 * users get.
 */
public final class DefaultRanker implements Ranker {

    private final EvalIndex index;
    private final IndexSearcher searcher;
    private final EntityNormalizer names;
    private final boolean querySyntax;

    /**
     * @param names       normalises entity names in queries, as search does
     * @param querySyntax whether topic text is query syntax; otherwise it is plain words
     */
    public DefaultRanker(EvalIndex index, EntityNormalizer names, boolean querySyntax) {
        this.index = index;
        this.searcher = new IndexSearcher(index.reader());
        searcher.setSimilarity(ArticleSchema.similarity());
        this.names = names;
        this.querySyntax = querySyntax;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public List<RankedDoc> rank(String query, int depth) throws IOException {
        Query parsed = ArticleQueryParser.parse(querySyntax ? query : Rankings.plainWords(query), names);
        return Rankings.run(searcher, parsed, depth, Rankings.RELEVANCE, index::docid);
    }
}
