package org.newsarchive.entity;

import java.util.List;
import java.util.Objects;

/**
 * One entity of an article: its type, its canonical name, the different ways the text wrote it,
 * and every mention with its offsets.
 */
public record Entity(EntityType type, String name, List<String> surfaceForms, List<Mention> mentions) {

    public Entity {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(name, "name");
        surfaceForms = List.copyOf(surfaceForms);
        mentions = List.copyOf(mentions);
    }

    /** The matching key of the name ({@link EntityKey}). */
    public String key() {
        return EntityKey.of(name);
    }
}
