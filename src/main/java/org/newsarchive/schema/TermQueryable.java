package org.newsarchive.schema;

import org.apache.lucene.index.Term;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * A field of whole-value keys that a query can name ({@code source:reuters.com}): the typed value
 * is turned into the key the field indexes, so that a query matches whatever case or punctuation
 * the archive used, where the field normalises.
 */
public sealed interface TermQueryable extends FieldDef permits Countable, IdFieldDef, KeywordFieldDef {

    /** The key {@code text} is indexed under in this field (empty when it normalises to nothing). */
    String key(String text);

    /**
     * Whether keys are lower case, so that a wildcard, fuzzy or regular-expression term typed on
     * this field is lower-cased to meet them.
     */
    boolean lowerCaseKeys();

    /** Matches the articles with the already normalised {@code key}. */
    default Query keyQuery(String key) {
        return new TermQuery(new Term(name(), key));
    }

    /** Matches the articles whose value is {@code text}, once normalised. */
    default Query termQuery(String text) {
        return keyQuery(key(text));
    }
}
