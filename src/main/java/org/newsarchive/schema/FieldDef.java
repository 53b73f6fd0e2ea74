package org.newsarchive.schema;

import org.apache.lucene.document.Document;

/**
 * One field of the article documents, of one kind. Each kind owns how its values go into a
 * {@link Document}, how they are read back, and what the field can do; what it can do is said by
 * the capability interfaces it implements ({@link TermQueryable}, {@link RangeQueryable},
 * {@link Sortable}, {@link Countable}), so that a reader asks the field instead of comparing its
 * name with a list. The fields themselves are listed once, in {@link ArticleFields}.
 *
 * <p>Sealed, so that adding a kind is a decision made here, and every place that turns fields
 * into something else (the query parser, the hit reader, a second rendering for another engine)
 * can know it has covered all of them.
 */
public sealed interface FieldDef
        permits TermQueryable, RangeQueryable, Sortable, TextFieldDef, NumberFieldDef, StoredFieldDef, SignatureFieldDef {

    /** The Lucene field name, which is also the name users type in queries when the field has one. */
    String name();

    /** Whether a search hit reads this field's stored value (so loading a hit reads only these). */
    boolean inHits();
}
