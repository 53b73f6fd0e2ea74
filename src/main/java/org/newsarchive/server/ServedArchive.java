package org.newsarchive.server;

import java.io.Closeable;
import org.newsarchive.query.Archive;
import org.newsarchive.query.IndexUnavailableException;

/**
 * What a server serves: the archive each request reads, leased for as long as the request runs
 * (an export, until its last line is written). Two kinds: the local index, kept fresh by the
 * server itself ({@link LiveIndex}), and an archive that keeps itself fresh and answers
 * concurrent requests on its own, such as a SolrCloud collection ({@link SharedArchive}).
 * The routes see only the {@link Archive} of their lease.
 */
interface ServedArchive extends Closeable {

    /** One request's hold on the archive; closing it gives it back. */
    interface Lease extends AutoCloseable {

        /** The archive the request reads. */
        Archive searcher();

        @Override
        void close();
    }

    /**
     * The archive as it is now, held for one request: close the lease when the request is done.
     *
     * @throws IndexUnavailableException when the server is shutting down or the archive cannot be read
     */
    Lease acquire() throws IndexUnavailableException;

    /** Null when nothing is known to be wrong with the archive, else why it cannot be read, in one line. */
    String health();

    /** The archive in words, for messages: the index folder, or the collection and its cluster. */
    String describe();
}
