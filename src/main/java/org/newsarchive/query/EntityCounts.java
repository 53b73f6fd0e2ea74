package org.newsarchive.query;

import java.util.List;

/**
 * The most frequent entities among matching articles.
 *
 * @param articles the number of articles the counts are taken over
 * @param entities most frequent first; ties by type, then name
 */
public record EntityCounts(long articles, long tookMs, List<EntityCount> entities) {
    public EntityCounts {
        entities = List.copyOf(entities);
    }
}
