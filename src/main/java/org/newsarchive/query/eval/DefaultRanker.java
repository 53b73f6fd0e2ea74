package org.newsarchive.query.eval;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.query.ArticleQueryParser;
import org.newsarchive.query.RelevanceFeedback;
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
    private final boolean expand;

    /**
     * @param names       normalises entity names in queries, as search does
     * @param querySyntax whether topic text is query syntax; otherwise it is plain words
     * @param expand      whether to rank as {@code search --expand} does
     */
    public DefaultRanker(EvalIndex index, EntityNormalizer names, boolean querySyntax, boolean expand) {
        this.index = index;
        this.searcher = new IndexSearcher(index.reader());
        searcher.setSimilarity(ArticleSchema.similarity());
        this.names = names;
        this.querySyntax = querySyntax;
        this.expand = expand;
    }

    @Override
    public String name() {
        return expand ? "expand" : "default";
    }

    @Override
    public List<RankedDoc> rank(String query, int depth) throws IOException {
        ArticleQueryParser.TieredQuery tiers =
                ArticleQueryParser.parseTiered(querySyntax ? query : Rankings.plainWords(query), names);
        if (expand) {
            tiers = RelevanceFeedback.expand(searcher, tiers);
        }
        List<RankedDoc> complete = Rankings.run(searcher, tiers.complete(), tiers.rescoring(), depth,
                Rankings.RELEVANCE, index::docid);
        if (!tiers.hasPartial() || complete.size() >= depth) {
            return complete;
        }
        // search lists the partial matches after the complete ones; a run file must say the
        // same through its scores, which trec_eval sorts by, hence the complete tier's bonus
        List<RankedDoc> ranking = new ArrayList<>(depth);
        complete.forEach(doc -> ranking.add(new RankedDoc(doc.docid(), doc.score() + TunedRanker.ALL_WORDS_BONUS)));
        ranking.addAll(Rankings.run(searcher, tiers.partial(), tiers.rescoring(), depth - complete.size(),
                Rankings.RELEVANCE, index::docid));
        return ranking;
    }
}
