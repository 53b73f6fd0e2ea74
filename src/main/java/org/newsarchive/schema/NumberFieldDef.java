package org.newsarchive.schema;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.NumericDocValues;

/**
 * A number about the article or its source file, stored to show it and/or kept as numeric doc
 * values to sum it or compare it without loading documents. Numeric (not sorted-numeric) doc
 * values, because those can be updated in place: a touched but unchanged file gets its new time
 * without its article being indexed again.
 */
public final class NumberFieldDef implements FieldDef {

    private final String name;
    private final boolean stored;
    private final boolean docValues;

    NumberFieldDef(String name, boolean stored, boolean docValues) {
        this.name = name;
        this.stored = stored;
        this.docValues = docValues;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return false;
    }

    void add(Document doc, long value) {
        if (stored) {
            doc.add(new StoredField(name, value));
        }
        if (docValues) {
            doc.add(new NumericDocValuesField(name, value));
        }
    }

    /** Whether the value is stored, to be shown. */
    public boolean stored() {
        return stored;
    }

    /** Whether the value is kept as doc values, for sums and look-ups over many articles. */
    public boolean docValues() {
        return docValues;
    }

    /** The stored value, 0 when the document has none. */
    public long read(Document doc) {
        IndexableField field = doc.getField(name);
        return field == null || field.numericValue() == null ? 0 : field.numericValue().longValue();
    }

    /** The values of a segment, or null when none of its documents has one. */
    public NumericDocValues values(LeafReader segment) throws IOException {
        return segment.getNumericDocValues(name);
    }
}
