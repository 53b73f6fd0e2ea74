package org.newsarchive.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.apache.solr.common.cloud.DocCollection;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.SolrConfigSet;

/**
 * Creates the collections of an archive: uploads the configset generated from the schema
 * ({@link SolrConfigSet}) under a name that carries the schema version, so that a collection
 * built by another version keeps its own, and creates a collection from it.
 *
 * <p>An archive made by {@code solr init} is a collection alias, named as the user named the
 * archive, over one real collection named after it and the time it was made
 * ({@code news -> news_20261207120000}): every command uses the alias, and {@code reindex}
 * builds a new collection and re-points the alias to it in one step ({@link #createAlias}).
 */
public final class SolrCollections {

    private final SolrConnection solr;

    public SolrCollections(SolrConnection solr) {
        this.solr = solr;
    }

    /** The name of this version's configset. */
    public static String configSetName() {
        return "newsarchive-" + ArticleSchema.VERSION;
    }

    /** Uploads (or replaces) this version's configset. */
    public void uploadConfigSet() throws IOException, SolrServerException {
        Path zip = Files.createTempFile("newsarchive-configset", ".zip");
        try {
            Files.write(zip, zipped(SolrConfigSet.files()));
            ConfigSetAdminRequest.Upload upload = new ConfigSetAdminRequest.Upload();
            upload.setConfigSetName(configSetName());
            upload.setUploadFile(zip.toFile(), "application/zip");
            upload.setOverwrite(true);
            upload.setCleanup(true);
            upload.process(solr.client());
        } finally {
            Files.deleteIfExists(zip);
        }
    }

    /** Creates {@code name} from this version's configset and waits until every replica is active. */
    public void create(String name, int shards, int replicas) throws IOException, SolrServerException {
        CollectionAdminRequest.Create create = CollectionAdminRequest.createCollection(name, configSetName(), shards, replicas);
        create.setWaitForFinalState(true);
        create.process(solr.client());
    }

    /**
     * The collection behind {@code name}: the collection an alias points to, the collection of
     * that name, or null when there is neither.
     */
    public String resolve(String name) throws IOException, SolrServerException {
        String aliased = aliases().get(name);
        if (aliased != null) {
            return aliased.split(",")[0];
        }
        return collections().contains(name) ? name : null;
    }

    /** Whether {@code name} is a collection alias. */
    public boolean isAlias(String name) throws IOException, SolrServerException {
        return aliases().containsKey(name);
    }

    /** Whether {@code name} is taken, by a collection or an alias. */
    public boolean exists(String name) throws IOException, SolrServerException {
        return aliases().containsKey(name) || collections().contains(name);
    }

    /** The cluster's collection aliases: name to its collections, comma-separated. */
    public Map<String, String> aliases() throws IOException, SolrServerException {
        return new CollectionAdminRequest.ListAliases().process(solr.client()).getAliases();
    }

    /** The cluster's collections. */
    public List<String> collections() throws IOException, SolrServerException {
        return CollectionAdminRequest.listCollections(solr.client());
    }

    /**
     * A name for a new collection of the archive {@code alias}: the alias and the time
     * ({@code news_20261207120000}, UTC), and a number after it when that is taken.
     */
    public String newCollectionName(String alias) throws IOException, SolrServerException {
        String base = alias + "_" + DateTimeFormatter.ofPattern("yyyyMMddHHmmss").format(ZonedDateTime.now(ZoneOffset.UTC));
        String name = base;
        for (int n = 2; exists(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    /**
     * Points {@code alias} to {@code collection}, creating the alias or re-pointing it: one
     * change of the cluster's aliases, so that a search goes to the old collection or the new
     * one, never to neither.
     */
    public void createAlias(String alias, String collection) throws IOException, SolrServerException {
        CollectionAdminRequest.createAlias(alias, collection).process(solr.client());
    }

    /** Deletes a collection and its data. */
    public void delete(String collection) throws IOException, SolrServerException {
        CollectionAdminRequest.deleteCollection(collection).process(solr.client());
    }

    /** How many shards {@code collection} has, and replicas each (of its first shard). */
    public Shape shape(String collection) throws IOException {
        DocCollection state = solr.client().getClusterStateProvider().getCollection(collection);
        Integer factor = state.getReplicationFactor();
        int replicas = factor != null ? factor : state.getSlices().iterator().next().getReplicas().size();
        return new Shape(state.getSlices().size(), replicas);
    }

    /** The layout of a collection: its shards, and the replicas of each. */
    public record Shape(int shards, int replicas) {
    }

    private static byte[] zipped(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
