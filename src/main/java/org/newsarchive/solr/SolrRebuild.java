package org.newsarchive.solr;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import org.apache.solr.client.solrj.SolrServerException;
import org.newsarchive.index.ArticleStore;

/**
 * {@code reindex} on SolrCloud: builds a new collection beside the live one, then switches the
 * archive's alias to it in one CREATEALIAS, then deletes the old collection.
 *
 * <ol>
 * <li>{@link #start}: this version's configset is uploaded (a rebuild after an upgrade gets the
 * new schema) and a new collection is made with the live one's shards and replicas. Searches go on
 * using the alias, which still names the live collection, whole.
 * <li>The run writes into the new collection ({@link #store}) and commits once, at the end,
 * recording its commit data on the new collection.
 * <li>{@link #switchOver}: the alias is re-pointed: one change of the cluster's aliases, so a
 * search sees the old collection or the new one, never a half-built one and never none. The old
 * collection is deleted only after that, and after a grace period: a client resolves the alias
 * from its own copy of the cluster's state (kept up to date by a ZooKeeper watch, or re-read
 * every 5 s by a client given Solr URLs), and a search it started a moment before the switch
 * still reads the old collection.
 * </ol>
 * When the run fails, {@link #abandon} deletes the new collection: the archive is as it was.
 */
public final class SolrRebuild {

    private final SolrConnection solr;
    private final SolrCollections collections;
    private final String alias;
    private final String replaced;
    private final String building;
    private final Map<String, String> replacedData;

    private SolrRebuild(SolrConnection solr, String replaced, String building, Map<String, String> replacedData) {
        this.solr = solr;
        this.collections = new SolrCollections(solr);
        this.alias = solr.collection();
        this.replaced = replaced;
        this.building = building;
        this.replacedData = replacedData;
    }

    /**
     * Creates the collection that will replace the one behind the connection's alias.
     *
     * @throws SolrUnavailableException when the cluster cannot be reached or refuses, when there is
     *                                  no such archive, or when its name is a collection rather
     *                                  than the alias {@code solr init} makes
     */
    public static SolrRebuild start(SolrConnection solr) throws SolrUnavailableException {
        String where = solr.target().describe();
        SolrCollections collections = new SolrCollections(solr);
        String live;
        boolean alias;
        Map<String, String> data;
        try {
            live = collections.resolve(solr.collection());
            alias = live != null && collections.isAlias(solr.collection());
            data = live == null ? Map.of() : SolrArchiveState.read(solr, live);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot read the archive", e);
        }
        if (live == null) {
            throw SolrArchiveState.missing(solr);
        }
        if (!alias) {
            throw new SolrUnavailableException(where + ": a collection, not an alias; reindex builds a new collection"
                    + " and switches an alias to it: make the archive with 'newsarchive solr init'");
        }
        try {
            collections.uploadConfigSet();
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "the cluster refused the configset " + SolrCollections.configSetName(), e);
        }
        String building;
        try {
            SolrCollections.Shape shape = collections.shape(live);
            building = collections.newCollectionName(solr.collection());
            collections.create(building, shape.shards(), shape.replicas());
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot create the new collection to rebuild into", e);
        }
        return new SolrRebuild(solr, live, building, data);
    }

    /** What the collection being replaced recorded: its roots and field map say what to rebuild from, and how. */
    public Map<String, String> replacedCommitData() {
        return replacedData;
    }

    /** The store the run writes into: the new collection, judged against nothing. */
    public ArticleStore store() {
        return SolrArticleStore.rebuild(solr, building, replaced);
    }

    /** The collection being built. */
    public String building() {
        return building;
    }

    /** The collection being replaced. */
    public String replaced() {
        return replaced;
    }

    /**
     * Points the alias to the new collection, waits {@code grace}, then deletes the old one.
     *
     * @throws SolrUnavailableException when the switch fails (the alias then still names the old
     *                                  collection, or names the new one if the cluster made the change before failing), or the old
     *                                  collection cannot be deleted (the switch was made)
     */
    public void switchOver(Duration grace) throws IOException {
        String where = solr.target().describe();
        try {
            collections.createAlias(alias, building);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "built " + building + " but cannot switch the alias to it"
                    + " (it still names " + replaced + ")", e);
        }
        try {
            Thread.sleep(grace.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted after the switch to " + building
                    + "; the old collection " + replaced + " was not deleted");
        }
        try {
            collections.delete(replaced);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "switched to " + building + " but cannot delete the old collection "
                    + replaced, e);
        }
    }

    /** Deletes the collection being built, after a failed run; the archive stays as it was. */
    public void abandon() {
        deleteQuietly(collections, building);
    }

    /** Deletes a collection this run made, after a failure that is being reported already. */
    static void deleteQuietly(SolrCollections collections, String collection) {
        try {
            collections.delete(collection);
        } catch (IOException | SolrServerException | RuntimeException e) {
            // the failure that led here is what the user needs to hear; the collection is left over
        }
    }
}
