package org.newsarchive.query;

import java.util.Objects;
import org.apache.lucene.search.Query;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.TermQueryable;

/**
 * "Only articles from this site" or "only articles by this author": a field and a value as the
 * user typed it, matched on its normalised key as {@code source:} and {@code author:} in a query
 * are, so that {@code --source https://www.Reuters.com} and {@code --source reuters.com} agree.
 * Apart from {@link EntityFilter} because these values are not entity names: no alias applies.
 */
public record MetadataFilter(TermQueryable field, String value) {

    public MetadataFilter {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(value, "value");
    }

    /** Only articles published by the site {@code site} (a host name or URL). */
    public static MetadataFilter source(String site) {
        return new MetadataFilter(ArticleFields.SOURCE, site);
    }

    /** Only articles by {@code name}, in any case or punctuation. */
    public static MetadataFilter author(String name) {
        return new MetadataFilter(ArticleFields.AUTHOR, name);
    }

    /** Whether the value normalises to nothing (a blank name, a bare scheme): it could match no article. */
    public boolean isEmpty() {
        return field.key(value).isEmpty();
    }

    Query query() {
        return field.termQuery(value);
    }
}
