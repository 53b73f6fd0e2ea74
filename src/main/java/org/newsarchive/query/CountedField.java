package org.newsarchive.query;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.Countable;
import org.newsarchive.schema.TermQueryable;

/**
 * What {@code entities} can count over matching articles: the four entity types, and the sites
 * and authors articles were published by. The schema indexes all six alike (a key as keyword
 * and as sorted-set doc values, the display form stored), so one counter serves them all; what
 * differs between them is named here. Kept apart from {@link EntityType}, which is the
 * recogniser's set of types and must not grow types it cannot recognise.
 */
public enum CountedField {
    PERSON(EntityType.PERSON),
    ORGANIZATION(EntityType.ORGANIZATION),
    LOCATION(EntityType.LOCATION),
    MISC(EntityType.MISC),
    SOURCE(ArticleFields.SOURCE),
    AUTHOR(ArticleFields.AUTHOR);

    /** What is counted unless told otherwise: the entities, not who published them. */
    public static final Set<CountedField> ENTITY_TYPES = Collections.unmodifiableSet(EnumSet.range(PERSON, MISC));

    private final EntityType entityType;
    private final Countable field;

    CountedField(EntityType type) {
        this.entityType = type;
        this.field = ArticleFields.entity(type);
    }

    CountedField(Countable field) {
        this.entityType = null;
        this.field = field;
    }

    /**
     * The name users type in {@code --type} and read in output and JSON: person, org, place,
     * misc, source, author (the name of the query field too).
     */
    public String queryName() {
        return field.name();
    }

    /** The entity type counted, or null for source and author. */
    public EntityType entityType() {
        return entityType;
    }

    /** The counted field of an entity type. */
    public static CountedField of(EntityType type) {
        return switch (type) {
            case PERSON -> PERSON;
            case ORGANIZATION -> ORGANIZATION;
            case LOCATION -> LOCATION;
            case MISC -> MISC;
        };
    }

    /** The counted field of a name as users type it (entity types accept their synonyms); null when unknown. */
    public static CountedField fromName(String name) {
        EntityType type = EntityType.fromQueryName(name);
        if (type != null) {
            return of(type);
        }
        for (CountedField counted : EnumSet.of(SOURCE, AUTHOR)) {
            if (name.equalsIgnoreCase(counted.queryName()) || name.equalsIgnoreCase(counted.queryName() + "s")) {
                return counted;
            }
        }
        return null;
    }

    /** The Lucene field: keys as terms and sorted-set doc values, display forms stored. */
    public String field() {
        return field.name();
    }

    /** Whether a filter on {@code filtered} restricts this field. */
    boolean is(TermQueryable filtered) {
        return field == filtered;
    }

    /** Whether {@code stored}, a value an article stores in the field, is a display form of {@code key}. */
    public boolean displays(String stored, String key) {
        return field.keyOfStored(stored).equals(key);
    }
}
