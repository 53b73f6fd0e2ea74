package org.newsarchive.solr;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Where a SolrCloud is and which collection (or alias) holds the archive: a Solr base URL
 * ({@code http://host:8983/solr}), or ZooKeeper as {@code zk:HOST:PORT[,HOST:PORT]/chroot}.
 *
 * @param solrUrls   Solr base URLs; empty when the cluster is reached through ZooKeeper
 * @param zkHosts    ZooKeeper {@code host:port}s; empty when reached through Solr URLs
 * @param zkChroot   the ZooKeeper chroot, when there is one
 * @param collection the collection or alias name
 */
public record SolrTarget(List<String> solrUrls, List<String> zkHosts, Optional<String> zkChroot, String collection) {

    public SolrTarget {
        solrUrls = List.copyOf(solrUrls);
        zkHosts = List.copyOf(zkHosts);
    }

    /**
     * Reads the value of {@code --solr} and {@code --collection}.
     *
     * @throws IllegalArgumentException with a one-line reason when either is malformed
     */
    public static SolrTarget parse(String address, String collection) {
        if (address == null || address.isBlank()) {
            throw new IllegalArgumentException("--solr: give a Solr base URL (http://host:8983/solr) or zk:HOST:PORT[/chroot]");
        }
        if (collection == null || collection.isBlank()) {
            throw new IllegalArgumentException("--collection: give the collection's name with --solr");
        }
        if (!collection.matches("[A-Za-z0-9][A-Za-z0-9._-]*")) {
            throw new IllegalArgumentException("--collection: '" + collection
                    + "' is not a Solr collection name (letters, digits, '.', '_' and '-', not first)");
        }
        String value = address.strip();
        if (value.startsWith("zk:")) {
            String rest = value.substring(3);
            int slash = rest.indexOf('/');
            String hosts = slash < 0 ? rest : rest.substring(0, slash);
            Optional<String> chroot = slash < 0 || slash == rest.length() - 1 ? Optional.empty() : Optional.of(rest.substring(slash));
            List<String> zk = Arrays.stream(hosts.split(",")).map(String::strip).toList();
            for (String host : zk) {
                if (!host.matches("[^:/\\s]+:\\d{1,5}")) {
                    throw new IllegalArgumentException("--solr: '" + host + "' in '" + address + "' is not HOST:PORT");
                }
            }
            return new SolrTarget(List.of(), zk, chroot, collection);
        }
        URI uri;
        try {
            uri = URI.create(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--solr: '" + address + "' is not a URL");
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("--solr: '" + address
                    + "' is neither an http(s) Solr base URL (http://host:8983/solr) nor zk:HOST:PORT[/chroot]");
        }
        String url = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        return new SolrTarget(List.of(url), List.of(), Optional.empty(), collection);
    }

    /** The same cluster, another collection. */
    public SolrTarget withCollection(String name) {
        return new SolrTarget(solrUrls, zkHosts, zkChroot, name);
    }

    /** The cluster and collection as the user would type them, for messages. */
    public String describe() {
        String cluster = solrUrls.isEmpty() ? "zk:" + String.join(",", zkHosts) + zkChroot.orElse("") : solrUrls.get(0);
        return "collection " + collection + " on " + cluster;
    }

    /** The cluster as the user would type it after {@code --solr}: the URL, or {@code zk:HOSTS/chroot}. */
    public String cluster() {
        return solrUrls.isEmpty() ? "zk:" + String.join(",", zkHosts) + zkChroot.orElse("") : solrUrls.get(0);
    }
}
