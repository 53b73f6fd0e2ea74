package org.newsarchive.query.eval;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.QueryBuilder;
import org.newsarchive.schema.ArticleSchema;

/**
 * An experimental ranking over the real index, set by a {@link RankingSpec}: the query built
 * as the shipped parser builds plain words (one term per word in the default field, which holds
 * headline and body; words joined by the operator; one optional clause adding the words'
 * headline scores), plus the spec's changes. With the shipped spec it ranks exactly as
 * {@link DefaultRanker} does on plain words, which a test checks, so a change's effect is
 * measured against the same construction.
 */
public final class TunedRanker implements Ranker {

    /** Added to the score of an article with all the words by {@code op=and-or}. */
    static final float ALL_WORDS_BONUS = 1000f;

    private final EvalIndex index;
    private final RankingSpec spec;
    private final String name;
    private final IndexSearcher searcher;

    public TunedRanker(EvalIndex index, RankingSpec spec, String name) {
        this.index = index;
        this.spec = spec;
        this.name = name;
        this.searcher = new IndexSearcher(index.reader());
        searcher.setSimilarity(new BM25Similarity(spec.k1(), spec.b()));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<RankedDoc> rank(String query, int depth) throws IOException {
        return Rankings.run(searcher, build(query), depth, Rankings.RELEVANCE, index::docid);
    }

    /** The Lucene query for plain words, or null when analysis leaves no word. */
    Query build(String text) {
        List<String> words = Rankings.terms(ArticleSchema.analyzer(), ArticleSchema.DEFAULT_FIELD, text);
        if (words.isEmpty()) {
            return null;
        }
        BooleanQuery.Builder core = new BooleanQuery.Builder();
        boolean and = spec.op() == RankingSpec.Operator.AND;
        for (String word : words) {
            core.add(anyField(word), and ? BooleanClause.Occur.MUST : BooleanClause.Occur.SHOULD);
        }
        if (!and) {
            core.setMinimumNumberShouldMatch(spec.minimumMatch(words.size()));
        }
        Query query = core.build();
        if (spec.op() == RankingSpec.Operator.AND_OR && words.size() > 1) {
            // a constant far above any BM25 sum puts every article with all the words first
            BooleanQuery.Builder all = new BooleanQuery.Builder();
            for (String word : words) {
                all.add(anyField(word), BooleanClause.Occur.FILTER);
            }
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(new BoostQuery(new ConstantScoreQuery(all.build()), ALL_WORDS_BONUS), BooleanClause.Occur.SHOULD)
                    .build();
        }
        if (spec.headline() > 0) {
            // as the parser does: one optional clause for the words' headline scores
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(ArticleSchema.headlineClause(words, spec.headline()), BooleanClause.Occur.SHOULD)
                    .build();
        }
        if (spec.phrase() > 0 && words.size() > 1) {
            QueryBuilder phrases = new QueryBuilder(ArticleSchema.analyzer());
            BooleanQuery.Builder phrase = new BooleanQuery.Builder();
            Query inHeadline = phrases.createPhraseQuery(ArticleSchema.HEADLINE, text, spec.slop());
            Query inBody = phrases.createPhraseQuery(ArticleSchema.DEFAULT_FIELD, text, spec.slop());
            if (inHeadline != null && spec.headline() > 0) {
                phrase.add(weighted(inHeadline, spec.headline()), BooleanClause.Occur.SHOULD);
            }
            if (inBody != null) {
                phrase.add(inBody, BooleanClause.Occur.SHOULD);
            }
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(new BoostQuery(phrase.build(), spec.phrase()), BooleanClause.Occur.SHOULD)
                    .build();
        }
        return query;
    }

    private static Query anyField(String word) {
        return new TermQuery(new Term(ArticleSchema.DEFAULT_FIELD, word));
    }

    private static Query weighted(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }
}
