package org.newsarchive.schema;

import java.time.LocalDate;
import org.apache.lucene.search.Query;

/** A field a query can restrict to a range of days ({@code date:[1987-01 TO 1987-03]}). */
public sealed interface RangeQueryable extends FieldDef permits DateFieldDef {

    /** Values from the start of {@code from} to the end of {@code to}; null means open. */
    Query rangeQuery(LocalDate from, LocalDate to);
}
