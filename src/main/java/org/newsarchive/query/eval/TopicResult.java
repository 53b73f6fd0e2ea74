package org.newsarchive.query.eval;

/**
 * The figures of one topic.
 *
 * @param topic             the topic id
 * @param query             the query text it ran
 * @param relevant          documents the qrels judge relevant
 * @param retrieved         documents the ranking returned (at most the depth)
 * @param relevantRetrieved relevant documents among them
 * @param averagePrecision  AP over all the relevant documents
 * @param ndcg10            nDCG@10
 * @param precision10       P@10
 * @param recall100         recall@100
 */
public record TopicResult(String topic, String query, int relevant, int retrieved, int relevantRetrieved,
        double averagePrecision, double ndcg10, double precision10, double recall100) {
}
