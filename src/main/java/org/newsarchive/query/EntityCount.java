package org.newsarchive.query;

import org.newsarchive.entity.EntityType;

/** An entity and the number of matching articles that mention it. */
public record EntityCount(EntityType type, String name, long articles) {
}
