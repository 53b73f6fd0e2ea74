package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.impl.CloudSolrClient;
import org.apache.solr.client.solrj.impl.Http2SolrClient;
import org.apache.solr.cloud.MiniSolrCloudCluster;
import org.apache.solr.common.cloud.Replica;
import org.apache.solr.embedded.JettySolrRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.Mention;
import org.newsarchive.entity.MentionRecognizer;

/**
 * The node of the shard's leader stops in the middle of {@code index --solr} (the shard has a
 * replica on each of the two nodes): the run completes, or fails in one line; once the node is
 * back, a second run leaves every article in the collection exactly once, on both replicas. The cluster is this test's own,
 * so that the one the other tests share is never disturbed.
 */
class SolrNodeLossTest {

    private static final int ARTICLES = 300;

    private static MiniSolrCloudCluster cluster;

    @TempDir
    static Path clusterHome;

    @TempDir
    Path home;

    @TempDir
    Path archive;

    @BeforeAll
    static void startCluster() throws Exception {
        if (System.getProperty("solr.log.dir") == null) {
            System.setProperty("solr.log.dir", clusterHome.resolve("logs").toString());
        }
        cluster = new MiniSolrCloudCluster.Builder(2, clusterHome.resolve("nodes")).build();
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    /** Recognises nothing, slowly, and stops a node when the run is a fifth of the way through. */
    private static final class NodeStopper implements MentionRecognizer {
        final int node;
        final AtomicInteger articles = new AtomicInteger();
        final AtomicReference<JettySolrRunner> stopped = new AtomicReference<>();
        final AtomicReference<Exception> failure = new AtomicReference<>();
        volatile Thread stopping;

        NodeStopper(int node) {
            this.node = node;
        }

        @Override
        public List<Mention> recognize(String text) {
            if (articles.incrementAndGet() == ARTICLES / 5) {
                stopping = new Thread(() -> {
                    try {
                        stopped.set(cluster.stopJettySolrRunner(node));
                    } catch (Exception e) {
                        failure.set(e);
                    }
                }, "stop-a-node");
                stopping.start();
            }
            try {
                Thread.sleep(4); // a run long enough for the node to go while it writes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of();
        }
    }

    @Test
    void aNodeLostMidRunLeavesEveryArticleExactlyOnceAfterTheNextRun() throws Exception {
        String zk = "zk:" + cluster.getZkServer().getZkAddress();
        String name = "node_loss";
        SolrArchiveFixture.writeArticles(archive, "art", 0, ARTICLES);
        CliRun.run(home, "solr", "init", "--solr", zk, "--collection", name, "--shards", "1", "--replicas", "2").expect(0);
        CloudSolrClient solr = cluster.getSolrClient();
        String real = SolrArchiveFixture.aliased(solr, name);

        // the node of the shard's leader goes: its writes must fail over to the other replica
        String leader = solr.getClusterState().getCollection(real).getSlices().iterator().next().getLeader().getNodeName();
        int leaderNode = 0;
        while (!cluster.getJettySolrRunner(leaderNode).getNodeName().equals(leader)) {
            leaderNode++;
        }
        NodeStopper stopper = new NodeStopper(leaderNode);
        CliEnvironment environment = new CliEnvironment(Map.of(), home, false, () -> stopper);
        CliRun during = CliRun.run(environment, "index", "--solr", zk, "--collection", name, "--threads", "2",
                "--commit-every", "40", archive.toString());
        stopper.stopping.join();
        assertEquals(null, stopper.failure.get());
        assertTrue(during.code() == ExitCodes.OK || during.code() == ExitCodes.INDEX_UNAVAILABLE,
                () -> "exit " + during.code() + ":\n" + during.err());
        if (during.code() != ExitCodes.OK) {
            String line = during.oneErrorLine();
            assertTrue(line.startsWith("newsarchive: collection " + name + " on " + zk + ": "), line);
        } else {
            during.assertQuiet();
        }

        cluster.startJettySolrRunner(stopper.stopped.get());
        cluster.waitForActiveCollection(real, 1, 2);

        CliRun after = CliRun.run(home, "index", "--solr", zk, "--collection", name, "--no-entities", archive.toString())
                .expect(0);
        assertTrue(after.out().contains("the index now holds " + ARTICLES + " articles"), after.out());
        Set<String> expected = new HashSet<>();
        for (Path file : Files.list(archive).toList()) {
            expected.add(CliRun.idOf(file.toRealPath()));
        }
        assertEquals(ARTICLES, SolrArchiveFixture.count(solr, name));
        Map<String, Integer> ids = SolrArchiveFixture.ids(solr, name);
        assertEquals(expected, ids.keySet());
        ids.forEach((id, copies) -> assertEquals(1, copies, id));
        // and each replica, the one that was away included, holds them all
        for (Replica replica : solr.getClusterState().getCollection(real).getReplicas()) {
            try (Http2SolrClient core = new Http2SolrClient.Builder(replica.getCoreUrl()).build()) {
                SolrQuery count = new SolrQuery("*:*").setRows(0);
                count.set("distrib", false);
                assertEquals(ARTICLES, core.query(count).getResults().getNumFound(), replica.getCoreName());
            }
        }
    }
}
