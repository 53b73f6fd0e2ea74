package org.newsarchive.schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.Provenance;

/**
 * How an {@link Article} becomes a SolrCloud document and back: the same values as
 * {@link ArticleSchema#toDocument}, field by field, under the names of {@link SolrConfigSet}.
 * Values are plain Java ({@code String}, {@code Long}, {@code byte[]}, lists of them), so that
 * the schema does not depend on a Solr client.
 */
public final class SolrDocuments {

    private SolrDocuments() {
    }

    /** The fields of an article's document, by Solr field name; absent values are left out. */
    public static Map<String, Object> fieldsOf(Article article, ArticleEntities entities, long modifiedMillis) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(ArticleFields.ID.name(), article.id());
        fields.put(ArticleFields.DATE.name(), DateFieldDef.valueOf(article.date(), article.time(), article.localTime()));
        fields.put(ArticleFields.PUBLISHED.name(), ArticleSchema.published(article.date(), article.time(), article.localTime()));
        fields.put(ArticleFields.HEADLINE.name(), List.of(article.headline()));
        // the headline is a second value of the whole text, as locally (ArticleFields.BODY)
        fields.put(ArticleFields.BODY.name(), List.of(article.body(), article.headline()));
        fields.put(ArticleFields.PATH.name(), article.path().toString());
        fields.put(ArticleFields.HASH.name(), article.sha256());
        fields.put(ArticleFields.SIZE.name(), article.sizeBytes());
        fields.put(ArticleFields.MODIFIED.name(), modifiedMillis);
        fields.put(ArticleFields.WORDS.name(), (long) article.wordCount());
        int[] signature = SignatureFieldDef.signatureOf(article.headline(), article.body());
        fields.put(ArticleFields.DUPLICATES.name(), SignatureFieldDef.signatureBytes(signature));
        fields.put(ArticleFields.DUPLICATES.bandsName(), SignatureFieldDef.bandTexts(signature));
        Provenance provenance = article.provenance();
        putKey(fields, ArticleFields.URL, provenance.url());
        putCounted(fields, ArticleFields.SOURCE, provenance.source() == null ? List.of() : List.of(provenance.source()));
        putCounted(fields, ArticleFields.AUTHOR, provenance.authors());
        putKey(fields, ArticleFields.LANGUAGE, provenance.language());
        for (EntityType type : EntityType.values()) {
            EntityFieldDef field = ArticleFields.entity(type);
            List<String> keys = new ArrayList<>();
            List<String> names = new ArrayList<>();
            for (Entity entity : entities.entities()) {
                if (entity.type() == type) {
                    keys.add(entity.key());
                    names.add(entity.name());
                }
            }
            if (!keys.isEmpty()) {
                fields.put(field.name(), keys);
                fields.put(SolrConfigSet.displayName(field), names);
            }
        }
        return fields;
    }

    private static void putKey(Map<String, Object> fields, KeywordFieldDef field, String value) {
        if (value != null) {
            fields.put(field.name(), field.key(value));
        }
    }

    private static void putCounted(Map<String, Object> fields, CountedFieldDef field, List<String> values) {
        List<String> keys = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        for (String value : values) {
            String key = value == null ? "" : field.key(value);
            if (!key.isEmpty()) {
                keys.add(key);
                shown.add(value);
            }
        }
        if (!keys.isEmpty()) {
            fields.put(field.name(), keys);
            if (!field.displayIsKey()) {
                fields.put(SolrConfigSet.displayName(field), shown);
            }
        }
    }

    /** The Solr fields {@link #storedArticle} reads. */
    public static List<String> storedFields() {
        List<String> names = new ArrayList<>(List.of(ArticleFields.ID.name(), ArticleFields.PUBLISHED.name(),
                ArticleFields.HEADLINE.name(), ArticleFields.BODY.name(), ArticleFields.PATH.name(),
                ArticleFields.SIZE.name(), ArticleFields.HASH.name(), ArticleFields.WORDS.name(),
                ArticleFields.URL.name(), SolrConfigSet.displayName(ArticleFields.SOURCE),
                SolrConfigSet.displayName(ArticleFields.AUTHOR), ArticleFields.LANGUAGE.name()));
        for (EntityType type : EntityType.values()) {
            names.add(SolrConfigSet.displayName(ArticleFields.entity(type)));
        }
        return List.copyOf(names);
    }

    /**
     * An article read back from a Solr document.
     *
     * @param values a field's stored values by Solr field name (empty or null when it has none)
     */
    public static StoredArticle storedArticle(Function<String, Collection<Object>> values) {
        String published = first(values, ArticleFields.PUBLISHED.name());
        Map<EntityType, List<String>> entities = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            entities.put(type, all(values, SolrConfigSet.displayName(ArticleFields.entity(type))));
        }
        return new StoredArticle(
                first(values, ArticleFields.ID.name()),
                published == null ? null : LocalDate.parse(published.substring(0, 10)),
                published,
                first(values, ArticleFields.HEADLINE.name()),
                first(values, ArticleFields.BODY.name()),
                first(values, ArticleFields.PATH.name()),
                number(values, ArticleFields.SIZE.name()),
                first(values, ArticleFields.HASH.name()),
                (int) number(values, ArticleFields.WORDS.name()),
                entities,
                first(values, ArticleFields.URL.name()),
                first(values, SolrConfigSet.displayName(ArticleFields.SOURCE)),
                all(values, SolrConfigSet.displayName(ArticleFields.AUTHOR)),
                first(values, ArticleFields.LANGUAGE.name()));
    }

    private static String first(Function<String, Collection<Object>> values, String name) {
        Collection<Object> all = values.apply(name);
        return all == null || all.isEmpty() ? null : String.valueOf(all.iterator().next());
    }

    private static List<String> all(Function<String, Collection<Object>> values, String name) {
        Collection<Object> all = values.apply(name);
        return all == null ? List.of() : all.stream().map(String::valueOf).toList();
    }

    private static long number(Function<String, Collection<Object>> values, String name) {
        Collection<Object> all = values.apply(name);
        return all == null || all.isEmpty() ? 0 : ((Number) all.iterator().next()).longValue();
    }
}
