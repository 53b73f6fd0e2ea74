package org.newsarchive.solr;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.solr.client.solrj.SolrServerException;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.apache.solr.client.solrj.request.ConfigSetAdminRequest;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.SolrConfigSet;

/**
 * Creates the collections of an archive: uploads the configset generated from the schema
 * ({@link SolrConfigSet}) under a name that carries the schema version, so that a collection
 * built by another version keeps its own, and creates a collection from it.
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
