package org.newsarchive.entity;

/**
 * Finds the people, organisations, places and other names of an article, normalised to
 * canonical names. Implementations are thread-safe.
 */
public interface EntityExtractor {

    /** The entities of an article. */
    ArticleEntities extract(String headline, String body);

    /**
     * What produced the entities (model and normalisation), recorded with the index so that
     * an index built by another version can be told apart.
     */
    default String version() {
        return "none";
    }

    /** An extractor that finds nothing, for indexing without entities. */
    EntityExtractor NONE = (headline, body) -> ArticleEntities.NONE;
}
