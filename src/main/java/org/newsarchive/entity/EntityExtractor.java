package org.newsarchive.entity;

/**
 * Finds the people, organisations, places and other names of an article, normalised to
 * canonical names. Implementations are thread-safe.
 */
public interface EntityExtractor {

    /** The entities of an article. */
    ArticleEntities extract(String headline, String body);

    /** An extractor that finds nothing, for indexing without entities. */
    EntityExtractor NONE = (headline, body) -> ArticleEntities.NONE;
}
