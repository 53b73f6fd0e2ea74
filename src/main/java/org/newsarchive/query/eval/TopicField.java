package org.newsarchive.query.eval;

/** Which text of a classic TREC topic becomes the query. TSV topics have only their query. */
public enum TopicField {
    /** The {@code <title>}: a few keywords, as people type them. */
    TITLE,
    /** The {@code <desc>}: a sentence describing the information need. */
    DESC,
    /** Title and description joined. */
    TITLE_DESC
}
