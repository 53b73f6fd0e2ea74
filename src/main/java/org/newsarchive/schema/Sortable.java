package org.newsarchive.schema;

import org.apache.lucene.search.SortField;

/** A field hits can be sorted by, from its doc values. */
public sealed interface Sortable extends FieldDef permits DateFieldDef, IdFieldDef {

    /** The sort on this field; {@code reverse} puts the largest value first. */
    SortField sortField(boolean reverse);
}
