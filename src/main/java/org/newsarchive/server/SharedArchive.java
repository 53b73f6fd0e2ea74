package org.newsarchive.server;

import java.io.IOException;
import java.util.Objects;
import org.newsarchive.query.Archive;
import org.newsarchive.query.IndexUnavailableException;

/**
 * An archive that needs no help from the server to stay fresh or to answer many requests at
 * once, such as a SolrCloud collection (the cluster makes new commits visible, and its client is
 * thread-safe): one {@link Archive} for the server's life, every request on it, and leases that
 * hold nothing. Nothing here names the back-end, so a server of the local index loads none of it.
 *
 * <p>Whether the archive can be read is known only by asking it, so {@link #health} reports only
 * a closed server; the health route asks the archive for its article count and answers 503 when
 * that request fails.
 */
final class SharedArchive implements ServedArchive {

    private final Archive archive;
    private final String description;
    private volatile boolean closed;

    /**
     * @param archive     the archive, closed with the server
     * @param description the archive in words (e.g. {@code collection news on http://solr:8983/solr})
     */
    SharedArchive(Archive archive, String description) {
        this.archive = Objects.requireNonNull(archive, "archive");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public ServedArchive.Lease acquire() throws IndexUnavailableException {
        if (closed) {
            throw new IndexUnavailableException("the server is shutting down");
        }
        return new ServedArchive.Lease() {
            @Override
            public Archive searcher() {
                return archive;
            }

            @Override
            public void close() {
                // nothing held: the archive lives as long as the server
            }
        };
    }

    @Override
    public String health() {
        return closed ? "the server is shutting down" : null;
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public synchronized void close() throws IOException {
        if (!closed) {
            closed = true;
            archive.close();
        }
    }
}
