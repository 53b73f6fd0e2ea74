package org.newsarchive.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.newsarchive.entity.EntityType;

/**
 * One ranked article.
 *
 * @param published the date as the source gave it (date, or date-time with offset)
 * @param headline  the headline with matched words marked
 * @param snippet   the best passages of the body with matched words marked
 * @param url       the article's URL, or null
 * @param source    the publishing site (a host name), or null
 * @param authors   the authors as written; empty when unknown
 * @param language  the language code, or null
 * @param entities  canonical entity names by type, every type present
 * @param partial   whether the article has only some of the words joined without an operator
 *                  (listed after every article that has them all)
 * @param copies    how many near-duplicate copies of it the index holds, when the search
 *                  collapsed them ({@code ArchiveSearcher.searchCollapsed}); -1 otherwise
 */
public record SearchHit(
        String id,
        LocalDate date,
        String published,
        Snippet headline,
        float score,
        Snippet snippet,
        String path,
        String url,
        String source,
        List<String> authors,
        String language,
        Map<EntityType, List<String>> entities,
        boolean partial,
        int copies) {

    public SearchHit {
        authors = List.copyOf(authors);
        entities = Map.copyOf(entities);
    }

    /** This hit with its number of copies. */
    public SearchHit withCopies(int count) {
        return new SearchHit(id, date, published, headline, score, snippet, path, url, source, authors, language, entities,
                partial, count);
    }
}
