package org.newsarchive.cli;

import org.newsarchive.query.IndexUnavailableException;
import picocli.CommandLine.Option;

/**
 * {@code --solr URL --collection NAME}: the archive is a SolrCloud collection instead of the
 * local index. Only strings here: the commands hand them to the Solr back-end's own classes,
 * so that a run without these options loads no Solr class (and starts as fast as before).
 */
final class SolrOptions {

    @Option(names = "--solr", paramLabel = "URL",
            description = "Use the archive on SolrCloud: a Solr base URL (http://host:8983/solr) or "
                    + "zk:HOST:PORT[,HOST:PORT][/chroot]. Needs --collection.")
    String solr;

    @Option(names = "--collection", paramLabel = "NAME",
            description = "The SolrCloud collection (or alias) of the archive, with --solr.")
    String collection;

    /** Whether the command works on SolrCloud. */
    boolean enabled() {
        return solr != null || collection != null;
    }

    /**
     * Refuses half a Solr address, and a local index named beside one.
     *
     * @param indexGiven whether {@code --index} was given too
     * @throws UsageException with a one-line reason
     * @throws IndexUnavailableException when the Solr client is not on the class path
     */
    void check(boolean indexGiven) throws IndexUnavailableException {
        if (solr != null && collection == null) {
            throw new UsageException("--solr needs --collection NAME (the collection or alias of the archive)");
        }
        if (collection != null && solr == null) {
            throw new UsageException("--collection needs --solr URL (a Solr base URL or zk:HOST:PORT[/chroot])");
        }
        if (enabled() && indexGiven) {
            throw new UsageException("--index and --solr name two archives: give one");
        }
        if (enabled() && !clientPresent()) {
            throw new IndexUnavailableException("--solr needs the Solr client, which is not in newsarchive.jar: run "
                    + "scripts/newsarchive, or java -cp 'newsarchive.jar:solr-lib/*' " + Main.class.getName()
                    + " (solr-lib/ is made beside the jar by the build)");
        }
    }

    /**
     * The Solr client and its libraries live in {@code solr-lib/} beside the jar, on the class
     * path only of a run that asked for them (a jar holding them made every local command start
     * later): a run started as {@code java -jar} without them must say so, not fail on a missing class.
     */
    private static boolean clientPresent() {
        try {
            Class.forName("org.apache.solr.client.solrj.SolrClient", false, SolrOptions.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
