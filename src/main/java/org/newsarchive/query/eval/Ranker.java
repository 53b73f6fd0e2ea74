package org.newsarchive.query.eval;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** A way of ranking the articles of an index for a topic's query text. */
public interface Ranker extends Closeable {

    /** A short name, for output and the run file's tag (no white space). */
    String name();

    /**
     * The best {@code depth} articles for {@code query}, best first.
     *
     * @throws org.newsarchive.query.InvalidQueryException when the query cannot be parsed
     */
    List<RankedDoc> rank(String query, int depth) throws IOException;

    /** Releases what the ranker built; the index it reads stays open. */
    @Override
    default void close() throws IOException {
    }
}
