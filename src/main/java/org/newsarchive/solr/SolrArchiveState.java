package org.newsarchive.solr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.TreeMap;
import org.apache.solr.client.solrj.SolrRequest;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ZookeeperReadApi;

/**
 * What an archive on SolrCloud recorded about how it was built: the same keys as the commit data
 * of a local index ({@code ArticleSchema.COMMIT_*}: schema version, analyzer, entity model, the
 * roots runs were given, the JSON field map, and the states of the files of many records), so
 * that {@code stats} shows them, {@code index} refuses a collection built by another schema, and
 * an {@code index} run on another machine continues where the last one stopped.
 *
 * <p>Kept as one collection property ({@value #PROPERTY}, COLLECTIONPROP) of the real collection
 * behind the archive's alias, holding the whole map as JSON, rather than as a metadata document
 * inside the collection:
 * <ul>
 * <li>it is written in one step (one property, not one per key), so a reader never sees the roots
 * of one commit with the record-file states of another;
 * <li>it belongs to the collection, not to the alias: {@code reindex} records the new
 * collection's data on the new collection before the alias is switched, so the switch moves
 * the articles and what describes them together, in the one CREATEALIAS;
 * <li>no query has to exclude it: a metadata document would be counted by {@code *:*}, the
 * timeline, the facets and every other count unless every query of the read side filtered it
 * out, and a missed filter would be a silent wrong answer.
 * </ul>
 * Its costs: the property is written after the articles it describes are committed, not in the
 * same step as a Lucene commit records it (see {@code ArticleStore}: a failure in between leaves
 * articles without their data, which the next run recognises by id and hash); and ZooKeeper keeps
 * it in one node, whose default limit of about 1 MB holds the states of some 5,000 files of many
 * records. The property is read through Solr's ZooKeeper read API
 * ({@code /api/cluster/zookeeper/data}), which answers whichever way the client reached the
 * cluster (ZooKeeper or a Solr URL); on a secured cluster it needs the {@code zk-read} permission.
 */
public final class SolrArchiveState {

    /** The collection property that holds the commit data, as a JSON object of strings. */
    public static final String PROPERTY = "newsarchive.commit";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SolrArchiveState() {
    }

    /**
     * The commit data of the archive the connection names (of the collection behind its alias),
     * with the keys of the local commit data; empty when nothing was ever indexed into it.
     *
     * @throws SolrUnavailableException when the cluster cannot be reached or has no such
     *                                  collection or alias
     */
    public static Map<String, String> read(SolrConnection solr) throws SolrUnavailableException {
        String where = solr.target().describe();
        String collection;
        try {
            collection = new SolrCollections(solr).resolve(solr.collection());
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot read the archive", e);
        }
        if (collection == null) {
            throw missing(solr);
        }
        try {
            return read(solr, collection);
        } catch (IOException | SolrServerException | RuntimeException e) {
            throw SolrFailures.unavailable(where, "cannot read what the archive recorded", e);
        }
    }

    /** The one line that says an archive does not exist, and how to make one. */
    static SolrUnavailableException missing(SolrConnection solr) {
        return new SolrUnavailableException(solr.target().describe() + ": no such collection or alias;"
                + " create the archive with 'newsarchive solr init --solr " + solr.target().cluster() + " --collection "
                + solr.collection() + "'");
    }

    /** The commit data recorded on the real collection {@code collection}; empty when there is none. */
    static Map<String, String> read(SolrConnection solr, String collection) throws IOException, SolrServerException {
        String json = properties(solr, collection).get(PROPERTY);
        return json == null ? Map.of() : decode(json);
    }

    /** Records {@code data} on the real collection {@code collection}, replacing what it recorded. */
    static void write(SolrConnection solr, String collection, Map<String, String> data)
            throws IOException, SolrServerException {
        CollectionAdminRequest.CollectionProp set = CollectionAdminRequest.setCollectionProperty(collection, PROPERTY,
                encode(data));
        // in the body, not the URL: the record-file states may be longer than a request line may be
        set.setMethod(SolrRequest.METHOD.POST);
        set.process(solr.client());
    }

    static String encode(Map<String, String> data) {
        try {
            return JSON.writeValueAsString(new TreeMap<>(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings is always JSON", e);
        }
    }

    static Map<String, String> decode(String json) throws IOException {
        try {
            return JSON.readValue(json, new TypeReference<TreeMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            throw new IOException("the property " + PROPERTY + " is not the JSON this version writes: "
                    + e.getOriginalMessage(), e);
        }
    }

    /** The collection's properties, read from ZooKeeper through a Solr node; empty when it has none. */
    private static Map<String, String> properties(SolrConnection solr, String collection)
            throws IOException, SolrServerException {
        ZookeeperReadApi.ReadNodeResponse response = new ZookeeperReadApi.ReadNode(
                "/collections/" + collection + "/collectionprops.json").process(solr.client());
        try (InputStream in = response.getResponseStream()) {
            int status = response.getHttpStatus();
            if (status == 404) {
                return Map.of();
            }
            if (status != 200) {
                throw new IOException("the cluster answered HTTP " + status + " to a read of the collection's properties");
            }
            byte[] bytes = in.readAllBytes();
            if (bytes.length == 0) {
                return Map.of();
            }
            return JSON.readValue(bytes, new TypeReference<TreeMap<String, String>>() { });
        }
    }
}
