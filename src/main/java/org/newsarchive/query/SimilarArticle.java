package org.newsarchive.query;

import java.time.LocalDate;
import org.apache.lucene.document.Document;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/** An article found by {@link ArchiveSearcher#similar}: how much it resembles the given one. */
public record SimilarArticle(String id, LocalDate date, String published, String headline, String path, float score) {

    /** The article of a stored document read with the hit fields. */
    static SimilarArticle of(Document doc, float score) {
        return new SimilarArticle(ArticleFields.ID.read(doc), ArticleSchema.publishedDate(doc),
                ArticleFields.PUBLISHED.read(doc), ArticleFields.HEADLINE.read(doc), ArticleFields.PATH.read(doc), score);
    }
}
