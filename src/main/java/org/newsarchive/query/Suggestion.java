package org.newsarchive.query;

/**
 * A correction offered when a search finds few articles: {@code typed} as the user wrote it,
 * {@code suggested} a word or name the index has, and where: {@code "text"} for a word of the
 * query, or the entity field ({@code person}, {@code org}, {@code place}) of a filter.
 *
 * @param articles how many articles have the suggestion
 */
public record Suggestion(String typed, String suggested, String field, long articles) {
}
