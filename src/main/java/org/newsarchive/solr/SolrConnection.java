package org.newsarchive.solr;

import java.io.Closeable;
import java.io.IOException;
import org.apache.solr.client.solrj.impl.CloudSolrClient;

/**
 * A client of the SolrCloud of a {@link SolrTarget}: SolrJ's cloud client, which sends each
 * document to its shard's leader and each request to a live replica, and resolves aliases.
 * Thread-safe; one per process and target.
 */
public final class SolrConnection implements Closeable {

    private final SolrTarget target;
    private final CloudSolrClient client;

    private SolrConnection(SolrTarget target, CloudSolrClient client) {
        this.target = target;
        this.client = client;
    }

    /** Connects to the cluster of {@code target} (nothing is sent until the first request). */
    public static SolrConnection open(SolrTarget target) {
        CloudSolrClient.Builder builder = target.solrUrls().isEmpty()
                ? new CloudSolrClient.Builder(target.zkHosts(), target.zkChroot())
                : new CloudSolrClient.Builder(target.solrUrls());
        CloudSolrClient client = builder.withDefaultCollection(target.collection()).build();
        return new SolrConnection(target, client);
    }

    /** A connection over a client someone else built (a test's cluster); closing it closes the client. */
    public static SolrConnection over(SolrTarget target, CloudSolrClient client) {
        return new SolrConnection(target, client);
    }

    public SolrTarget target() {
        return target;
    }

    /** The collection or alias of the target. */
    public String collection() {
        return target.collection();
    }

    public CloudSolrClient client() {
        return client;
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
