package org.newsarchive.schema;

import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;

/**
 * A whole value as one term, stored as indexed: for finding articles by an exact value (a file's
 * path, a URL) or by a normalised one (a language code in lower case). Nothing is counted over
 * these, so they carry no doc values.
 */
public final class KeywordFieldDef implements TermQueryable {

    private final String name;
    private final UnaryOperator<String> normaliser;
    private final boolean lowerCaseKeys;

    /**
     * @param normaliser    the key a value is indexed and queried under
     * @param lowerCaseKeys whether the normaliser lower-cases (see {@link TermQueryable#lowerCaseKeys})
     */
    KeywordFieldDef(String name, UnaryOperator<String> normaliser, boolean lowerCaseKeys) {
        this.name = name;
        this.normaliser = normaliser;
        this.lowerCaseKeys = lowerCaseKeys;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return true;
    }

    /** Indexes and stores the key of {@code value}; nothing when the value is absent (null). */
    void add(Document doc, String value) {
        if (value != null) {
            doc.add(new StringField(name, key(value), Field.Store.YES));
        }
    }

    /** The stored value, or null. */
    public String read(Document doc) {
        return doc.get(name);
    }

    @Override
    public String key(String text) {
        return normaliser.apply(text);
    }

    @Override
    public boolean lowerCaseKeys() {
        return lowerCaseKeys;
    }
}
