package org.newsarchive.query;

import java.io.IOException;
import java.util.Set;
import org.apache.lucene.search.Query;

/**
 * Counts of the keys of counted fields (entities, sources, authors) over the articles a query
 * matches, whatever keeps the articles.
 */
public interface KeyCounts {

    /**
     * The {@code limit} most frequent keys of {@code types} among the articles {@code query}
     * matches, most frequent first; ties by type, then key.
     *
     * @param excludedKeys entity keys left out of the entity types' counts (the {@code --with} entity)
     * @param started      when the request began ({@link System#nanoTime}), for the answer's time
     */
    EntityCounts count(Query query, Set<CountedField> types, int limit, Set<String> excludedKeys, long started)
            throws IOException;
}
