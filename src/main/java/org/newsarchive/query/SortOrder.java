package org.newsarchive.query;

import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.newsarchive.schema.ArticleFields;

/** How hits are ordered. */
public enum SortOrder {
    /** Best match first; equal scores newest first. */
    RELEVANCE,
    /** Newest article first. */
    NEWEST,
    /** Oldest article first. */
    OLDEST;

    /** The Lucene sort: the order, then the article id, so that the order is total. */
    Sort luceneSort() {
        return switch (this) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, ArticleFields.DATE.sortField(true), ArticleFields.ID.sortField(false));
            case NEWEST -> new Sort(ArticleFields.DATE.sortField(true), ArticleFields.ID.sortField(false));
            case OLDEST -> new Sort(ArticleFields.DATE.sortField(false), ArticleFields.ID.sortField(false));
        };
    }
}
