package org.newsarchive.solr;

import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * The shared test SolrCloud of {@link SolrTestCluster}, for the tests of other packages (the
 * command line's): its addresses as a user types them after {@code --solr}, and a client.
 */
public final class SharedSolrCluster {

    private SharedSolrCluster() {
    }

    /** The cluster, started on first use. */
    public static MiniSolrCloudCluster get() {
        return SolrTestCluster.get();
    }

    /** {@code zk:HOST:PORT/chroot} of the cluster's ZooKeeper. */
    public static String zk() {
        return "zk:" + get().getZkServer().getZkAddress();
    }

    /** The first node's base URL. */
    public static String url() {
        return get().getJettySolrRunner(0).getBaseUrl().toString();
    }

    /** The cluster's own client (ZooKeeper-aware; do not close it). */
    public static CloudSolrClient client() {
        return get().getSolrClient();
    }
}
