package org.newsarchive.query;

import java.util.Objects;
import org.newsarchive.entity.EntityType;

/** "Only articles that mention this entity": a type and a name as the user typed it. */
public record EntityFilter(EntityType type, String name) {
    public EntityFilter {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
    }
}
