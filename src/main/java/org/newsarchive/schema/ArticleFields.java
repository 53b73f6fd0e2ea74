package org.newsarchive.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.newsarchive.entity.EntityKey;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Provenance;

/**
 * The catalogue: every field of the article documents, listed once, with its kind. Everything
 * else about the fields is derived from this list (which names a query may use, what a hit loads,
 * what can be counted, the analysis of each text field), never kept beside it; how an article
 * fills the fields is {@link ArticleSchema#toDocument}.
 */
public final class ArticleFields {

    /** The article id (see {@link IdFieldDef}). */
    public static final IdFieldDef ID = new IdFieldDef("id");

    /** Publication date-time, for ranges, sorting and timelines (see {@link DateFieldDef}). */
    public static final DateFieldDef DATE = new DateFieldDef("date");

    /** The date as the source gave it (ISO date, or ISO date-time with offset), for display. */
    public static final StoredFieldDef PUBLISHED = new StoredFieldDef("published", true);

    /** The headline, for {@code headline:} queries, marking the query's words in it, and the ranking's headline clause. */
    public static final TextFieldDef HEADLINE = new TextFieldDef("headline");

    /**
     * The article's whole text, the field a query searches when it names none: indexed from the
     * body and then, as a second value, the headline; stored as the body only.
     *
     * <p>Why one field rather than a search of headline or body per word: each word is then
     * one term, and a conjunction of terms skips through the postings block by block, where a
     * conjunction of per-word disjunctions visits every document of each disjunction. A
     * three-word search on 200,000 articles ranked 2 to 3 times faster (1.37 -> 0.70 ms in
     * six segments, 1.13 -> 0.48 ms in one). The headline comes second so that the body's
     * offsets start at 0: snippets are cut from the stored body, and the highlighter ignores
     * offsets past its end.
     */
    public static final TextFieldDef BODY = new TextFieldDef("body");

    /**
     * Real path of the source file: articles are found by the file they came from (to remove
     * those whose file disappeared, to filter on an exact path).
     */
    public static final KeywordFieldDef PATH = new KeywordFieldDef("path", UnaryOperator.identity(), false);

    /**
     * SHA-256 of the source bytes, stored only: a touched file is compared with the stored value
     * of its article, found by id. Indexing it as a keyword too put 64 bytes of a unique term per
     * article into the terms dictionary, for a look-up the id already does.
     */
    public static final StoredFieldDef HASH = new StoredFieldDef("hash", false);

    /** Size of the source file in bytes: stored to show it, doc values so stats can sum it fast. */
    public static final NumberFieldDef SIZE = new NumberFieldDef("size", true, true);

    /**
     * Modification time of the source file (milliseconds since the epoch) when it was indexed:
     * with {@link #SIZE} it tells an unchanged file without reading it.
     */
    public static final NumberFieldDef MODIFIED = new NumberFieldDef("modified", false, true);

    /** Words in headline and body, stored only. */
    public static final NumberFieldDef WORDS = new NumberFieldDef("words", true, false);

    /** The article's URL, for records that give one: {@code url:"https://..."} finds the one article. */
    public static final KeywordFieldDef URL = new KeywordFieldDef("url", UnaryOperator.identity(), false);

    /** The publishing site, as a host name without {@code www.} ({@link Provenance#sourceKey}). */
    public static final CountedFieldDef SOURCE = new CountedFieldDef("source", Provenance::sourceKey, true);

    /** The authors: keys as entity names are keyed ({@code author:"jane doe"}), shown as written. */
    public static final CountedFieldDef AUTHOR = new CountedFieldDef("author", EntityKey::of, false);

    /** The language code the source gave, lower case ({@code language:en}). */
    public static final KeywordFieldDef LANGUAGE =
            new KeywordFieldDef("language", text -> text.strip().toLowerCase(Locale.ROOT), true);

    /** Near-duplicate signature and its band keys (see {@link SignatureFieldDef}). */
    public static final SignatureFieldDef DUPLICATES = new SignatureFieldDef("dup_signature", "dup_band");

    private static final Map<EntityType, EntityFieldDef> ENTITIES = entityFields();

    /** Every field, in the order a document is described. */
    public static final List<FieldDef> ALL = all();

    /** The field a query searches when it names none: see {@link #BODY}. */
    public static final TextFieldDef DEFAULT = BODY;

    private static final Map<String, FieldDef> QUERYABLE = queryable();

    /** Names of the stored fields a search hit reads, in one load; the rest stays on disk. */
    public static final Set<String> HIT_FIELDS = hitFields();

    private ArticleFields() {
    }

    /** The field of the entities of {@code type}. */
    public static EntityFieldDef entity(EntityType type) {
        return ENTITIES.get(type);
    }

    /**
     * The field a query may name as {@code name} (its lower-case name), or null when there is
     * none: text fields, fields of keys, and the date.
     */
    public static FieldDef queryable(String name) {
        return QUERYABLE.get(name);
    }

    /** The names a query may use, sorted, for the message that lists them. */
    public static List<String> queryableNames() {
        return QUERYABLE.keySet().stream().sorted().toList();
    }

    /** Every text field, with its analysis. */
    public static List<TextFieldDef> textFields() {
        return ALL.stream().filter(TextFieldDef.class::isInstance).map(TextFieldDef.class::cast).toList();
    }

    /** The fields whose values can be counted over matching articles, in catalogue order. */
    public static List<Countable> countable() {
        return ALL.stream().filter(Countable.class::isInstance).map(Countable.class::cast).toList();
    }

    private static Map<EntityType, EntityFieldDef> entityFields() {
        Map<EntityType, EntityFieldDef> fields = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            fields.put(type, new EntityFieldDef(type));
        }
        return Collections.unmodifiableMap(fields);
    }

    private static List<FieldDef> all() {
        List<FieldDef> all = new ArrayList<>(List.of(ID, DATE, PUBLISHED, HEADLINE, BODY, PATH, HASH, SIZE,
                MODIFIED, WORDS, URL, SOURCE, AUTHOR, LANGUAGE, DUPLICATES));
        all.addAll(ENTITIES.values());
        return List.copyOf(all);
    }

    private static Map<String, FieldDef> queryable() {
        Map<String, FieldDef> byName = new LinkedHashMap<>();
        for (FieldDef field : ALL) {
            if (field instanceof TextFieldDef || field instanceof TermQueryable || field instanceof RangeQueryable) {
                byName.put(field.name(), field);
            }
        }
        return Collections.unmodifiableMap(byName);
    }

    private static Set<String> hitFields() {
        Set<String> names = new java.util.LinkedHashSet<>();
        for (FieldDef field : ALL) {
            if (field.inHits()) {
                names.add(field.name());
            }
        }
        return Collections.unmodifiableSet(names);
    }
}
