package org.newsarchive.schema;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;

/**
 * An article as read back from the index: what {@code show} prints. Kept apart from the ingest
 * {@code Article} so that readers of the index never depend on the parsing code.
 *
 * @param published the date as the source gave it: ISO date, or ISO date-time with offset
 * @param entities  canonical entity names by type, every type present
 * @param url       the article's URL, or null
 * @param source    the publishing site, or null
 * @param authors   the authors as written; empty when unknown
 * @param language  the language code, or null
 */
public record StoredArticle(
        String id,
        LocalDate date,
        String published,
        String headline,
        String body,
        String path,
        long sizeBytes,
        String sha256,
        int wordCount,
        Map<EntityType, List<String>> entities,
        String url,
        String source,
        List<String> authors,
        String language) {

    public StoredArticle {
        entities = Map.copyOf(entities);
        authors = List.copyOf(authors);
    }

    /** The body's paragraphs, in order (the body keeps them as the article record does). */
    public List<String> paragraphs() {
        return body.isEmpty() ? List.of() : List.of(body.split(Article.PARAGRAPH_SEPARATOR, -1));
    }
}
