package org.newsarchive.query;

import java.io.IOException;
import org.newsarchive.schema.StoredArticle;

/** Receives exported articles one at a time, in the export's order. */
@FunctionalInterface
public interface ArticleSink {

    /**
     * @param score the article's relevance score (0 when the export is sorted by date)
     */
    void accept(StoredArticle article, float score) throws IOException;
}
