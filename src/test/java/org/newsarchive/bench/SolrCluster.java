package org.newsarchive.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.solr.cloud.MiniSolrCloudCluster;

/**
 * A local SolrCloud for benchmarks and trying the Solr back-end by hand: N Solr nodes (Jetty) and
 * an embedded ZooKeeper in this JVM, from Solr's own test framework, so nothing has to be
 * installed. Prints the address to give {@code --solr} and keeps running until its standard input
 * closes.
 *
 * <pre>java -cp target/test-classes:target/classes:$(cat cp.txt) org.newsarchive.bench.SolrCluster DIR [NODES]</pre>
 */
public final class SolrCluster {

    private SolrCluster() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: SolrCluster DIR [NODES]");
            System.exit(2);
        }
        Path home = Files.createDirectories(Path.of(args[0]));
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        System.setProperty("solr.log.dir", home.resolve("logs").toString());
        MiniSolrCloudCluster cluster = new MiniSolrCloudCluster.Builder(nodes, home).build();
        String zk = "zk:" + cluster.getZkServer().getZkAddress();
        Files.writeString(home.resolve("address"), zk + "\n");
        System.out.println(zk);
        System.out.println(cluster.getJettySolrRunner(0).getBaseUrl());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until standard input closes
        }
        cluster.shutdown();
    }
}
