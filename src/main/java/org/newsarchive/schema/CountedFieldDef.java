package org.newsarchive.schema;

import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KeywordField;
import org.apache.lucene.document.StoredField;

/**
 * Who published an article (its site, its authors): each value's normalised key as a Lucene
 * {@link KeywordField} (a term for filters, sorted-set doc values for counts), and a display form
 * stored. Counted like entities, which is why a name spelled two ways counts once.
 */
public final class CountedFieldDef implements Countable {

    private final String name;
    private final UnaryOperator<String> normaliser;
    private final boolean displayIsKey;

    /**
     * @param normaliser   the key a value is indexed, queried and counted under (lower case)
     * @param displayIsKey whether the key itself is what is shown (a site's host name), rather than
     *                     the value as written (an author's name)
     */
    CountedFieldDef(String name, UnaryOperator<String> normaliser, boolean displayIsKey) {
        this.name = name;
        this.normaliser = normaliser;
        this.displayIsKey = displayIsKey;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return true;
    }

    /** Whether the key itself is what is shown, rather than the value as written. */
    public boolean displayIsKey() {
        return displayIsKey;
    }

    /** Indexes {@code value} unless it is absent or normalises to nothing. */
    void add(Document doc, String value) {
        if (value == null) {
            return;
        }
        String key = key(value);
        if (key.isEmpty()) {
            return;
        }
        doc.add(new KeywordField(name, key, displayIsKey ? Field.Store.YES : Field.Store.NO));
        if (!displayIsKey) {
            doc.add(new StoredField(name, value));
        }
    }

    /** The first stored display value, or null. */
    public String read(Document doc) {
        return doc.get(name);
    }

    /** Every stored display value, in the order indexed. */
    public List<String> readAll(Document doc) {
        return List.of(doc.getValues(name));
    }

    @Override
    public String key(String text) {
        return normaliser.apply(text);
    }

    @Override
    public boolean lowerCaseKeys() {
        return true;
    }
}
