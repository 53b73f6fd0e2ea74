package org.newsarchive.query.eval;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.QueryBuilder;
import org.newsarchive.query.RelevanceFeedback;
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
        Query built = build(query);
        if (built != null && spec.rm3() > 0) {
            built = withFeedback(built);
        }
        return Rankings.run(searcher, built, depth, Rankings.RELEVANCE, index::docid);
    }

    /**
     * RM3 with the relevance model of {@link RelevanceFeedback}: the {@code fbterms} words of
     * the best {@code fbdocs} articles are added to the query, which keeps weight {@code rm3}
     * against theirs {@code 1 - rm3}. Unlike {@code search --expand}, articles with only added
     * words are retrieved too (docs/ranking.md measures both).
     */
    private Query withFeedback(Query query) throws IOException {
        TopDocs top = searcher.search(query, spec.fbDocs());
        if (top.scoreDocs.length == 0) {
            return query;
        }
        Query expansion = RelevanceFeedback.expansion(searcher.storedFields(), List.of(top.scoreDocs), spec.fbTerms());
        if (expansion == null) {
            return query;
        }
        return new BooleanQuery.Builder()
                .add(new BoostQuery(query, spec.rm3()), BooleanClause.Occur.SHOULD)
                .add(new BoostQuery(expansion, 1 - spec.rm3()), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** The Lucene query for plain words, or null when analysis leaves no word. */
    Query build(String text) {
        List<String> words = ArticleSchema.textWords(text);
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
        boolean allFirst = spec.allFirst() == 0 || words.size() <= spec.allFirst();
        if (spec.op() == RankingSpec.Operator.AND_OR && words.size() > 1 && allFirst) {
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
                    .add(ArticleFields.HEADLINE.anyWord(words, spec.headline()), BooleanClause.Occur.SHOULD)
                    .build();
        }
        if (spec.phrase() > 0 && words.size() > 1) {
            QueryBuilder phrases = new QueryBuilder(ArticleSchema.analyzer());
            BooleanQuery.Builder phrase = new BooleanQuery.Builder();
            Query inHeadline = phrases.createPhraseQuery(ArticleFields.HEADLINE.name(), text, spec.slop());
            Query inBody = phrases.createPhraseQuery(ArticleFields.DEFAULT.name(), text, spec.slop());
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
        return withPairs(query, Rankings.positionedTerms(ArticleSchema.analyzer(), ArticleFields.DEFAULT.name(), text));
    }

    /**
     * Adjacent word pairs as optional clauses, weighted: in order and side by side ({@code pairs}),
     * and within {@code window} words in any order ({@code near}), as the sequential dependence
     * model scores them (Metzler and Croft 2005), over the text that holds headline and body.
     */
    private Query withPairs(Query query, List<Rankings.Positioned> words) {
        if (words.size() < 2 || spec.pairs() == 0 && spec.near() == 0) {
            return query;
        }
        BooleanQuery.Builder pairs = new BooleanQuery.Builder();
        for (int i = 0; i + 1 < words.size(); i++) {
            if (spec.pairs() > 0) {
                pairs.add(weighted(pair(words.get(i), words.get(i + 1), 0), spec.pairs()), BooleanClause.Occur.SHOULD);
            }
            if (spec.near() > 0) {
                // a sloppy phrase lets two words swap places at a cost of two moves
                pairs.add(weighted(pair(words.get(i), words.get(i + 1), spec.window()), spec.near()),
                        BooleanClause.Occur.SHOULD);
            }
        }
        return new BooleanQuery.Builder()
                .add(query, BooleanClause.Occur.MUST)
                .add(pairs.build(), BooleanClause.Occur.SHOULD)
                .build();
    }

    /** Two words as a phrase, as far apart as they are in the query (a stop word between them leaves a gap). */
    private static Query pair(Rankings.Positioned first, Rankings.Positioned second, int slop) {
        return new PhraseQuery.Builder()
                .add(new Term(ArticleFields.DEFAULT.name(), first.term()), 0)
                .add(new Term(ArticleFields.DEFAULT.name(), second.term()), second.position() - first.position())
                .setSlop(slop)
                .build();
    }

    private static Query anyField(String word) {
        return new TermQuery(new Term(ArticleFields.DEFAULT.name(), word));
    }

    private static Query weighted(Query query, float weight) {
        return weight == 1f ? query : new BoostQuery(query, weight);
    }
}
