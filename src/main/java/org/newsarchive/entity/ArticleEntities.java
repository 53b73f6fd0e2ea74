package org.newsarchive.entity;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The entities of one article, each once, in order of first mention. */
public record ArticleEntities(List<Entity> entities) {

    public static final ArticleEntities NONE = new ArticleEntities(List.of());

    public ArticleEntities {
        entities = List.copyOf(entities);
    }

    /** Canonical names of one type, in order of first mention. */
    public List<String> names(EntityType type) {
        List<String> names = new ArrayList<>();
        for (Entity e : entities) {
            if (e.type() == type) {
                names.add(e.name());
            }
        }
        return names;
    }

    /** Canonical names by type, every type present (possibly empty). */
    public Map<EntityType, List<String>> byType() {
        Map<EntityType, List<String>> map = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            map.put(type, names(type));
        }
        return map;
    }
}
