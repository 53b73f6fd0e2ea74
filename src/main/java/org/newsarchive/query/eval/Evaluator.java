package org.newsarchive.query.eval;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.newsarchive.query.InvalidQueryException;

/**
 * Runs topics through a ranker and scores the rankings against the qrels. Topics the qrels give
 * no relevant document are skipped (no measure is defined for them) and listed; a topic that
 * retrieves nothing scores 0, as with {@code trec_eval -c}. Means are over the evaluated topics.
 *
 * <p>Measures are computed on the ranking in the engine's order (ties broken as search breaks
 * them). trec_eval re-sorts a run file by score and breaks ties by docid instead, so on a run
 * with tied scores its figures can differ slightly.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates.
     *
     * @param run when not null, receives the rankings in TREC run format
     *            ({@code TOPIC Q0 DOCID RANK SCORE TAG}, ranks from 1)
     * @throws EvalFileException when a topic lacks the text asked for or its query is invalid
     */
    public static Evaluation evaluate(List<Topic> topics, TopicField field, Qrels qrels, Ranker ranker, int depth,
            Writer run) throws IOException, EvalFileException {
        if (depth < 1) {
            throw new IllegalArgumentException("depth must be 1 or more, not " + depth);
        }
        List<TopicResult> results = new ArrayList<>();
        List<String> unjudged = new ArrayList<>();
        int duplicates = 0;
        String tag = "newsarchive-" + ranker.name();
        for (Topic topic : topics) {
            String query = topic.query(field);
            List<RankedDoc> hits;
            try {
                hits = ranker.rank(query, depth);
            } catch (InvalidQueryException e) {
                throw new EvalFileException(topic.file(), topic.line(), "topic " + topic.id() + ": " + e.getMessage());
            }
            List<String> ranking = new ArrayList<>(hits.size());
            Set<String> seen = new HashSet<>();
            for (RankedDoc hit : hits) {
                if (!seen.add(hit.docid())) {
                    duplicates++;
                    continue;
                }
                ranking.add(hit.docid());
                if (run != null) {
                    run.write(topic.id() + " Q0 " + hit.docid() + " " + ranking.size() + " " + score(hit.score()) + " "
                            + tag + "\n");
                }
            }
            Map<String, Integer> judgements = qrels.judgements(topic.id());
            int relevant = Metrics.relevantCount(judgements);
            if (relevant == 0) {
                unjudged.add(topic.id());
                continue;
            }
            results.add(new TopicResult(topic.id(), query, relevant, ranking.size(),
                    Metrics.relevantInTop(ranking.size(), ranking, judgements),
                    Metrics.averagePrecision(ranking, judgements),
                    Metrics.ndcgAt(10, ranking, judgements),
                    Metrics.precisionAt(10, ranking, judgements),
                    Metrics.recallAt(100, ranking, judgements)));
        }
        return new Evaluation(results, unjudged, duplicates);
    }

    /** A score as the shortest decimal that reads back as the same float, never in E notation. */
    static String score(float score) {
        return new BigDecimal(Float.toString(score)).toPlainString();
    }
}
