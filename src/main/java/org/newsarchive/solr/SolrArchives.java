package org.newsarchive.solr;

import java.io.IOException;
import org.apache.solr.client.solrj.SolrServerException;

/**
 * Making an archive on SolrCloud ({@code newsarchive solr init}): this version's configset, a
 * real collection named after the archive and the time ({@code news_20261207120000}), and the
 * collection alias named as the user named the archive ({@code news}) pointing to it. Every
 * command works through the alias, so that {@code reindex} can build a new collection and switch
 * the alias to it ({@link SolrRebuild}).
 */
public final class SolrArchives {

    private SolrArchives() {
    }

    /**
     * A client of the target's cluster.
     *
     * @throws SolrUnavailableException when SolrJ cannot start one (with Solr URLs it asks a node
     *                                  for the live nodes at once)
     */
    public static SolrConnection connect(SolrTarget target) throws SolrUnavailableException {
        try {
            return SolrConnection.open(target);
        } catch (RuntimeException e) {
            throw SolrFailures.unavailable(target.describe(), "cannot connect", e);
        }
    }

    /**
     * Whether the connection's collection name is taken, by an alias or a collection.
     *
     * @throws SolrUnavailableException when the cluster cannot be reached
     */
    public static boolean exists(SolrConnection solr) throws SolrUnavailableException {
        try {
            return new SolrCollections(solr).exists(solr.collection());
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(solr.target().describe(), "cannot list the cluster's collections", e);
        }
    }

    /**
     * Uploads this version's configset, creates the archive's first collection and the alias
     * that names it. When the alias cannot be made, the new collection is deleted again.
     *
     * @return the real collection's name
     * @throws SolrUnavailableException when the cluster cannot be reached or refuses a step; the
     *                                  message says which
     */
    public static String init(SolrConnection solr, int shards, int replicas) throws SolrUnavailableException {
        String where = solr.target().describe();
        SolrCollections collections = new SolrCollections(solr);
        try {
            collections.uploadConfigSet();
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "the cluster refused the configset " + SolrCollections.configSetName(), e);
        }
        String real;
        try {
            real = collections.newCollectionName(solr.collection());
            collections.create(real, shards, replicas);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot create a collection of " + shards + " shard"
                    + (shards == 1 ? "" : "s") + " of " + replicas + " replica" + (replicas == 1 ? "" : "s"), e);
        }
        try {
            collections.createAlias(solr.collection(), real);
        } catch (IOException | SolrServerException | RuntimeException e) {
            SolrRebuild.deleteQuietly(collections, real);
            throw SolrFailures.unavailable(where, "cannot create the alias " + solr.collection() + " of " + real, e);
        }
        return real;
    }
}
