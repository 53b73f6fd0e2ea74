package org.newsarchive.query;

/**
 * An entity, source or author, and the number of matching articles that have it.
 *
 * @param type what was counted: an entity type, source or author
 */
public record EntityCount(CountedField type, String name, long articles) {
}
