package org.newsarchive.schema;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityKey;
import org.newsarchive.entity.EntityType;

/**
 * The entities of one {@link EntityType}, in a field named as users type it in queries
 * ({@code person}, {@code org}, {@code place}, {@code misc}). Each entity's {@link EntityKey} is a
 * Lucene {@link KeywordField}: a term, so that filters are exact and ignore case and punctuation,
 * and sorted-set doc values, so that counting entities over millions of articles reads a column
 * instead of documents (and a name spelled two ways still counts once); the canonical name is
 * stored for display. Aliases are the query's business: a query maps a typed name to its key
 * with the alias table first, then asks {@link #keyQuery}.
 */
public final class EntityFieldDef implements Countable {

    private final EntityType type;

    EntityFieldDef(EntityType type) {
        this.type = type;
    }

    @Override
    public String name() {
        return type.queryName();
    }

    /** The type of the entities in this field. */
    public EntityType type() {
        return type;
    }

    @Override
    public boolean inHits() {
        return true;
    }

    void add(Document doc, Entity entity) {
        doc.add(new KeywordField(name(), entity.key(), Field.Store.NO));
        doc.add(new StoredField(name(), entity.name()));
    }

    /** The stored names, in the order indexed. */
    public List<String> readAll(Document doc) {
        return List.of(doc.getValues(name()));
    }

    @Override
    public String key(String text) {
        return EntityKey.of(text);
    }

    @Override
    public boolean lowerCaseKeys() {
        return true;
    }
}
