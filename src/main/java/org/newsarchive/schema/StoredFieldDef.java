package org.newsarchive.schema;

import org.apache.lucene.document.Document;
import org.apache.lucene.document.StoredField;

/** A text value kept only to be read back (a date as the source wrote it, a file's digest). */
public final class StoredFieldDef implements FieldDef {

    private final String name;
    private final boolean inHits;

    StoredFieldDef(String name, boolean inHits) {
        this.name = name;
        this.inHits = inHits;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return inHits;
    }

    void add(Document doc, String value) {
        doc.add(new StoredField(name, value));
    }

    /** The stored value, or null. */
    public String read(Document doc) {
        return doc.get(name);
    }
}
