package org.newsarchive.schema;

import java.io.IOException;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.SortField;
import org.apache.lucene.util.BytesRef;

/**
 * The article id: one untokenised term, because it is the key of
 * {@code IndexWriter.updateDocument}; stored; and single-valued sorted doc values, so that hits
 * that tie on everything else come back in a stable order whatever the segment layout. Not a
 * Lucene {@code KeywordField}: that one keeps sorted-set doc values, which a field with exactly
 * one value per document does not need.
 */
public final class IdFieldDef implements TermQueryable, Sortable {

    private final String name;

    IdFieldDef(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return true;
    }

    void add(Document doc, String id) {
        doc.add(new StringField(name, id, Field.Store.YES));
        doc.add(new SortedDocValuesField(name, new BytesRef(id)));
    }

    /** The stored id. */
    public String read(Document doc) {
        return doc.get(name);
    }

    /** The term of an article's document, for updates and deletes. */
    public Term term(String id) {
        return new Term(name, id);
    }

    /** The ids of a segment, by document. */
    public SortedDocValues values(LeafReader segment) throws IOException {
        return DocValues.getSorted(segment, name);
    }

    @Override
    public String key(String text) {
        return text;
    }

    @Override
    public boolean lowerCaseKeys() {
        return false;
    }

    @Override
    public SortField sortField(boolean reverse) {
        return new SortField(name, SortField.Type.STRING, reverse);
    }
}
