package org.newsarchive.entity.ner;

/**
 * One line of a gazetteer list: a name as it is written ({@code Buenos Aires}, {@code IMF}) and
 * the category it is listed under ({@code city}, {@code org}, {@code first}...). The category is
 * what the recogniser's gazetteer features are named after, so it has no white space.
 *
 * @param category the list's name for the kind of name
 * @param phrase   the name in its original casing
 */
public record GazetteerEntry(String category, String phrase) {
    public GazetteerEntry {
        if (category.isEmpty() || category.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("bad gazetteer category '" + category + "'");
        }
        if (phrase.isBlank()) {
            throw new IllegalArgumentException("empty gazetteer phrase");
        }
    }
}
