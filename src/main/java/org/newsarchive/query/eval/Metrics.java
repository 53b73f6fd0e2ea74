package org.newsarchive.query.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The ranking measures, for one topic: a ranking (document ids, best first, no repeats) and the
 * topic's judgements (document id to relevance; missing means not relevant). A document is
 * relevant when its relevance is 1 or more. Definitions as trec_eval has them:
 *
 * <ul>
 *   <li>average precision: the sum, over the relevant documents retrieved, of the precision at
 *       their rank, divided by the number of relevant documents <em>judged</em> (so relevant
 *       documents never retrieved count as zero);
 *   <li>precision at k: relevant documents in the first k, divided by k (also when fewer than k
 *       documents were retrieved);
 *   <li>recall at k: relevant documents in the first k, divided by the relevant documents judged;
 *   <li>nDCG at k: the sum over the first k ranks r of (2^rel - 1) / log2(r + 1), divided by the
 *       same sum for the judged documents in the best order (negative relevance counts as 0).
 *       For binary relevance this equals trec_eval's {@code ndcg_cut}, which uses rel as the gain.
 * </ul>
 *
 * Every measure is 0 for a topic with no relevant document.
 */
public final class Metrics {

    private Metrics() {
    }

    /** Average precision over all the relevant documents judged. */
    public static double averagePrecision(List<String> ranking, Map<String, Integer> judgements) {
        int relevant = relevantCount(judgements);
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int found = 0;
        for (int i = 0; i < ranking.size(); i++) {
            if (isRelevant(judgements, ranking.get(i))) {
                found++;
                sum += (double) found / (i + 1);
            }
        }
        return sum / relevant;
    }

    /** Relevant documents in the first {@code k}, divided by {@code k}. */
    public static double precisionAt(int k, List<String> ranking, Map<String, Integer> judgements) {
        return (double) relevantInTop(k, ranking, judgements) / k;
    }

    /** Relevant documents in the first {@code k}, divided by all the relevant documents judged. */
    public static double recallAt(int k, List<String> ranking, Map<String, Integer> judgements) {
        int relevant = relevantCount(judgements);
        return relevant == 0 ? 0 : (double) relevantInTop(k, ranking, judgements) / relevant;
    }

    /** Normalised discounted cumulative gain of the first {@code k}, gain 2^rel - 1. */
    public static double ndcgAt(int k, List<String> ranking, Map<String, Integer> judgements) {
        List<Integer> ideal = new ArrayList<>();
        for (int relevance : judgements.values()) {
            if (relevance > 0) {
                ideal.add(relevance);
            }
        }
        ideal.sort((a, b) -> Integer.compare(b, a));
        double idealGain = 0;
        for (int i = 0; i < Math.min(k, ideal.size()); i++) {
            idealGain += gain(ideal.get(i)) / log2(i + 2);
        }
        if (idealGain == 0) {
            return 0;
        }
        double dcg = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            int relevance = judgements.getOrDefault(ranking.get(i), 0);
            if (relevance > 0) {
                dcg += gain(relevance) / log2(i + 2);
            }
        }
        return dcg / idealGain;
    }

    /** Relevant documents among the first {@code k} of the ranking. */
    public static int relevantInTop(int k, List<String> ranking, Map<String, Integer> judgements) {
        int count = 0;
        for (int i = 0; i < Math.min(k, ranking.size()); i++) {
            if (isRelevant(judgements, ranking.get(i))) {
                count++;
            }
        }
        return count;
    }

    /** Documents judged relevant (relevance 1 or more). */
    public static int relevantCount(Map<String, Integer> judgements) {
        int count = 0;
        for (int relevance : judgements.values()) {
            if (relevance > 0) {
                count++;
            }
        }
        return count;
    }

    private static boolean isRelevant(Map<String, Integer> judgements, String docid) {
        return judgements.getOrDefault(docid, 0) > 0;
    }

    private static double gain(int relevance) {
        return Math.pow(2, relevance) - 1;
    }

    private static double log2(int x) {
        return Math.log(x) / Math.log(2);
    }
}
