package org.newsarchive.query.eval;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The result of running topics against a ranking: per-topic figures and their means.
 *
 * @param topics         the evaluated topics (those with at least one relevant document), in file order
 * @param unjudged       topics skipped because the qrels give them no relevant document
 * @param duplicateHits  hits dropped because an earlier hit of the same topic had the same docid
 */
public record Evaluation(List<TopicResult> topics, List<String> unjudged, int duplicateHits) {

    public Evaluation {
        topics = List.copyOf(topics);
        unjudged = List.copyOf(unjudged);
    }

    /** Mean average precision. */
    public double map() {
        return mean(TopicResult::averagePrecision);
    }

    /** Mean nDCG@10. */
    public double ndcg10() {
        return mean(TopicResult::ndcg10);
    }

    /** Mean P@10. */
    public double precision10() {
        return mean(TopicResult::precision10);
    }

    /** Mean recall@100. */
    public double recall100() {
        return mean(TopicResult::recall100);
    }

    private double mean(ToDoubleFunction<TopicResult> measure) {
        return topics.isEmpty() ? 0 : topics.stream().mapToDouble(measure).sum() / topics.size();
    }
}
