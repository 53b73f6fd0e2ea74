package org.newsarchive.query;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.newsarchive.schema.ArticleSchema;

/**
 * Pseudo-relevance feedback (RM3: Lavrenko and Croft's relevance model, mixed with the query as
 * Anserini does over Lucene), behind {@code search --expand}. The query's best
 * {@value #FEEDBACK_ARTICLES} articles, in the order search ranks them, each vote for their words
 * by the word's share of their text times the article's share of their scores; the
 * {@value #EXPANSION_WORDS} words with most votes, weighted by them, score the matches a second
 * time, the query keeping weight {@value #QUERY_WEIGHT} against theirs.
 *
 * <p>The expansion only ranks: it is an optional clause on each tier, so the matches, the total
 * and the partial matches' count stay those of the query as typed, and snippets still highlight
 * what the user typed. An article with none of the query's words is never added: a search that
 * answers with articles lacking every word typed would look broken, however related they are.
 *
 * <p>Why behind an option and not the default: on the development collections (docs/ranking.md)
 * it raises mean MAP by about 1.5% more but leaves nDCG@10, the first page, where it was, and
 * doubles the work of a search (the feedback articles are read and analysed).
 */
public final class RelevanceFeedback {

    /** Articles the relevance model is estimated from (Anserini's default). */
    static final int FEEDBACK_ARTICLES = 10;

    /** Words added to the query (Anserini's default). */
    static final int EXPANSION_WORDS = 10;

    /** Weight of the query as typed against the added words, chosen by the mean over the development collections. */
    static final float QUERY_WEIGHT = 0.7f;

    /**
     * Characters of an article read for its vote: enough for any news story, and a bound on the
     * work when one of the best matches is a book-length document.
     */
    static final int MAX_CHARS = 20_000;

    private RelevanceFeedback() {
    }

    /**
     * The tiers ranked with feedback from their own best articles (the complete matches first,
     * then the partial ones, as search lists them), or the tiers unchanged when nothing matches.
     */
    public static ArticleQueryParser.TieredQuery expand(IndexSearcher searcher, ArticleQueryParser.TieredQuery tiers)
            throws IOException {
        List<ScoreDoc> feedback = new ArrayList<>(List.of(searcher.search(tiers.complete(), FEEDBACK_ARTICLES).scoreDocs));
        if (feedback.size() < FEEDBACK_ARTICLES && tiers.hasPartial()) {
            feedback.addAll(List.of(searcher.search(tiers.partial(), FEEDBACK_ARTICLES - feedback.size()).scoreDocs));
        }
        Query words = expansion(searcher.storedFields(), feedback, EXPANSION_WORDS);
        if (words == null) {
            return tiers;
        }
        return tiers.withTiers(withExpansion(tiers.complete(), words),
                tiers.hasPartial() ? withExpansion(tiers.partial(), words) : null);
    }

    /**
     * The {@code count} words of the feedback articles' relevance model as one disjunction, each
     * weighted by its share of their votes, or null when the articles have no words. Also what
     * {@code eval}'s {@code rm3} experiments use.
     */
    public static Query expansion(StoredFields stored, List<ScoreDoc> feedback, int count) throws IOException {
        double scoreSum = 0;
        for (ScoreDoc hit : feedback) {
            scoreSum += hit.score;
        }
        Map<String, Double> model = new HashMap<>();
        for (ScoreDoc hit : feedback) {
            Document doc = stored.document(hit.doc, Set.of(ArticleFields.HEADLINE.name(), ArticleFields.BODY.name()));
            String text = textOf(doc);
            List<String> words = ArticleSchema.textWords(text);
            if (words.isEmpty()) {
                continue;
            }
            double articleWeight = scoreSum > 0 ? hit.score / scoreSum : 1.0 / feedback.size();
            double perWord = articleWeight / words.size();
            for (String word : words) {
                model.merge(word, perWord, Double::sum);
            }
        }
        List<Map.Entry<String, Double>> best = model.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(count)
                .toList();
        double total = best.stream().mapToDouble(Map.Entry::getValue).sum();
        if (total == 0) {
            return null;
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (Map.Entry<String, Double> word : best) {
            any.add(ArticleFields.DEFAULT.word(word.getKey(), (float) (word.getValue() / total)), BooleanClause.Occur.SHOULD);
        }
        return any.build();
    }

    /** {@code query} scored {@link #QUERY_WEIGHT} times its own score plus the rest of the expansion's; its matches unchanged. */
    static Query withExpansion(Query query, Query expansion) {
        return new BooleanQuery.Builder()
                .add(new BoostQuery(query, QUERY_WEIGHT), BooleanClause.Occur.MUST)
                .add(new BoostQuery(expansion, 1 - QUERY_WEIGHT), BooleanClause.Occur.SHOULD)
                .build();
    }

    private static String textOf(Document doc) {
        String headline = ArticleFields.HEADLINE.read(doc);
        String body = ArticleFields.BODY.read(doc);
        String text = (headline == null ? "" : headline) + "\n" + (body == null ? "" : body);
        return text.length() > MAX_CHARS ? text.substring(0, MAX_CHARS) : text;
    }
}
