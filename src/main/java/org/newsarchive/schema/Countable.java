package org.newsarchive.schema;

/**
 * A keyed field whose values can be counted over matching articles: its keys are sorted-set doc
 * values (a column, read without loading documents), and a display form of each key is stored
 * with the article, so that a count shows the name as the archive wrote it.
 */
public sealed interface Countable extends TermQueryable permits CountedFieldDef, EntityFieldDef {

    /**
     * The key a stored display value is indexed under: how a count's key finds its display form
     * again among the values an article stores.
     */
    default String keyOfStored(String stored) {
        return key(stored);
    }
}
