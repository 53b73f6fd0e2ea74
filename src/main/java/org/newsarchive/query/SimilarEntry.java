package org.newsarchive.query;

/**
 * One line of a {@link SimilarRequest}'s answer: a similar article, or in a thread the given
 * article itself ({@code given}, with no score).
 */
public record SimilarEntry(SimilarArticle article, boolean given) {
}
