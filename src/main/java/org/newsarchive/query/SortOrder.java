package org.newsarchive.query;

/** How hits are ordered. */
public enum SortOrder {
    /** Best match first; equal scores newest first. */
    RELEVANCE,
    /** Newest article first. */
    NEWEST,
    /** Oldest article first. */
    OLDEST
}
