package org.newsarchive.solr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * One real two-node SolrCloud (Jetty nodes and an embedded ZooKeeper, Solr's own test cluster)
 * shared by every Solr test of the JVM: starting one takes seconds, so the tests share it and
 * each works in collections of its own. Stopped when the JVM exits.
 */
public final class SolrTestCluster {

    private static MiniSolrCloudCluster cluster;
    private static Path home;

    private SolrTestCluster() {
    }

    /** The cluster, started on first use. */
    public static synchronized MiniSolrCloudCluster get() {
        if (cluster == null) {
            try {
                home = Files.createTempDirectory("newsarchive-solr");
                // the nodes' own logging of every request is noise in a build's output
                System.setProperty("solr.log.dir", home.resolve("logs").toString());
                cluster = new MiniSolrCloudCluster.Builder(2, home).build();
            } catch (Exception e) {
                throw new IllegalStateException("cannot start the test SolrCloud: " + e, e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(SolrTestCluster::stop, "solr-test-cluster-stop"));
        }
        return cluster;
    }

    /** A target of the cluster through its ZooKeeper, as a user would give it. */
    public static SolrTarget target(String collection) {
        return SolrTarget.parse("zk:" + get().getZkServer().getZkAddress(), collection);
    }

    /** A target of the cluster through the first node's base URL. */
    public static SolrTarget urlTarget(String collection) {
        return SolrTarget.parse(get().getJettySolrRunner(0).getBaseUrl().toString(), collection);
    }

    private static synchronized void stop() {
        try {
            if (cluster != null) {
                cluster.shutdown();
            }
        } catch (Exception e) {
            // the JVM is exiting; a node that will not stop is not worth a stack trace
        } finally {
            cluster = null;
            deleteQuietly(home);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // left to the system's temporary-file cleaning
        }
    }
}
