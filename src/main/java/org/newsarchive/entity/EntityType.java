package org.newsarchive.entity;

import java.util.Locale;

/**
 * The four entity types of CoNLL-2003, which our recogniser is trained on. Each has the short
 * name users type in queries and options ({@code person:}, {@code --org}).
 */
public enum EntityType {
    PERSON("person", "PER"),
    ORGANIZATION("org", "ORG"),
    LOCATION("place", "LOC"),
    MISC("misc", "MISC");

    private final String queryName;
    private final String conllTag;

    EntityType(String queryName, String conllTag) {
        this.queryName = queryName;
        this.conllTag = conllTag;
    }

    /** The name used in queries, options and JSON: person, org, place, misc. */
    public String queryName() {
        return queryName;
    }

    /** The type of a CoNLL tag suffix ({@code PER}), or null. */
    public static EntityType fromConllTag(String tag) {
        for (EntityType type : values()) {
            if (type.conllTag.equals(tag)) {
                return type;
            }
        }
        return null;
    }

    /** The type of a query name, accepting a few obvious synonyms; null when unknown. */
    public static EntityType fromQueryName(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "person", "people", "per" -> PERSON;
            case "org", "organization", "organisation", "orgs" -> ORGANIZATION;
            case "place", "location", "loc", "places" -> LOCATION;
            case "misc" -> MISC;
            default -> null;
        };
    }
}
