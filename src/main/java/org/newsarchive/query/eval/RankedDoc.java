package org.newsarchive.query.eval;

/** One hit of a ranking: the document's evaluation id and its score. */
public record RankedDoc(String docid, float score) {
}
