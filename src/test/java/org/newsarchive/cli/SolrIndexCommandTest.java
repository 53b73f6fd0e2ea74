package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.apache.solr.client.solrj.SolrClient;
import org.apache.solr.client.solrj.SolrQuery;
import org.apache.solr.client.solrj.request.CollectionAdminRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.solr.SharedSolrCluster;
import org.newsarchive.solr.SolrArchiveState;
import org.newsarchive.solr.SolrConnection;
import org.newsarchive.solr.SolrTarget;

/**
 * {@code solr init} and {@code index --solr}: the same walk, parsing, ids, change rules and
 * reject report as the local index, run after run, with the archive's state kept in SolrCloud.
 * Every step runs the same command on a local index built from the same files, and the two
 * summaries (all but the time) and the two commit data must be equal.
 */
class SolrIndexCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path archive;

    Path local() {
        return home.resolve("local-index");
    }

    static CliRun cli(Path home, String... args) {
        return CliRun.run(home, args);
    }

    CliRun localIndex(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", local().toString(), "index", "--no-entities", "--format", "json"));
        all.addAll(List.of(args));
        return cli(home, all.toArray(String[]::new));
    }

    CliRun solrIndex(String solr, String collection, String... args) {
        List<String> all = new ArrayList<>(List.of("index", "--solr", solr, "--collection", collection, "--no-entities",
                "--format", "json"));
        all.addAll(List.of(args));
        return cli(home, all.toArray(String[]::new));
    }

    /** Runs the same index command locally and on Solr; asserts the same exit code, stderr and summary; returns the summary. */
    JsonNode both(String collection, int code, String... args) {
        return both(SharedSolrCluster.zk(), collection, code, args);
    }

    JsonNode both(String solr, String collection, int code, String... args) {
        CliRun local = localIndex(args);
        CliRun remote = solrIndex(solr, collection, args).expect(local.code());
        local.expect(code);
        assertEquals(local.errLines(), remote.errLines(), "the reject report");
        JsonNode summary = withoutTime(local.json());
        assertEquals(summary, withoutTime(remote.json()), "the summary of " + List.of(args));
        return summary;
    }

    static JsonNode withoutTime(JsonNode summary) {
        ObjectNode copy = summary.deepCopy();
        copy.remove("elapsed_ms");
        return copy;
    }

    Map<String, String> localCommitData() throws IOException {
        try (var dir = FSDirectory.open(local()); DirectoryReader reader = DirectoryReader.open(dir)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    static Map<String, String> solrCommitData(String solr, String collection) throws IOException {
        try (SolrConnection connection = SolrConnection.open(SolrTarget.parse(solr, collection))) {
            return SolrArchiveState.read(connection);
        }
    }

    Set<String> localIds() {
        CliRun export = cli(home, "--index", local().toString(), "search", "*:*", "--all", "--format", "jsonl",
                "--fields", "id").expect(0);
        Set<String> ids = new HashSet<>();
        export.jsonLines().forEach(line -> ids.add(line.get("id").asText()));
        return ids;
    }

    @Test
    void indexesAsTheLocalIndexDoesRunAfterRunWithItsStateInSolr() throws Exception {
        String name = "index_cmd";
        SolrClient solr = SharedSolrCluster.client();
        List<Path> files = SolrArchiveFixture.writeArticles(archive.resolve("a"), "art", 0, 30);
        Path feed = archive.resolve("feed.jsonl");
        List<String> lines = new ArrayList<>();
        for (int n = 0; n < 10; n++) {
            lines.add(SolrArchiveFixture.record(n));
        }
        lines.add(5, "{\"title\": \"Broken\", \"maintext\": ");
        Files.writeString(feed, String.join("\n", lines) + "\n");

        String created = cli(home, "solr", "init", "--solr", SharedSolrCluster.zk(), "--collection", name, "--shards", "2")
                .expect(0).out();
        String real = SolrArchiveFixture.aliased(solr, name);
        assertTrue(real.startsWith(name + "_"), real);
        assertTrue(created.contains("alias " + name + " of the collection " + real), created);

        // first run: 30 files and 10 records, one line rejected (exit 3 as locally)
        JsonNode first = both(name, ExitCodes.REJECTED, archive.toString());
        assertEquals(40, first.get("added").asInt());
        assertEquals(1, first.get("rejected").asInt());
        assertEquals(40, first.get("articles").asInt());
        assertEquals(40, SolrArchiveFixture.count(solr, name));
        assertEquals(localIds(), SolrArchiveFixture.ids(solr, name).keySet());
        assertEquals(localCommitData(), solrCommitData(SharedSolrCluster.zk(), name), "what the archive recorded");

        // nothing changed: nothing sent (the feed's state was recorded: its bad line is not read again)
        JsonNode again = both(name, ExitCodes.OK, archive.toString());
        assertEquals(0, again.get("added").asInt());
        assertEquals(0, again.get("updated").asInt());
        assertEquals(40, again.get("unchanged").asInt());

        // touched: same bytes, new time, recorded in place (the document keeps its indexed-only fields)
        Path touched = files.get(3);
        long newTime = Files.getLastModifiedTime(touched).toMillis() + 60_000;
        Files.setLastModifiedTime(touched, FileTime.fromMillis(newTime));
        String bands = ArticleFields.DUPLICATES.bandsName() + ":*";
        long withBands = solr.query(name, new SolrQuery(bands).setRows(0)).getResults().getNumFound();
        JsonNode touchRun = both(name, ExitCodes.OK, archive.toString());
        assertEquals(0, touchRun.get("updated").asInt());
        String touchedId = CliRun.idOf(touched.toRealPath());
        assertEquals(newTime, ((Number) SolrArchiveFixture.fieldById(solr, name, ArticleFields.MODIFIED.name())
                .get(touchedId)).longValue());
        assertEquals(withBands, solr.query(name, new SolrQuery(bands).setRows(0)).getResults().getNumFound());

        // changed, appended, new
        Files.writeString(files.get(7), SolrArchiveFixture.article(1007));
        Files.writeString(feed, SolrArchiveFixture.record(10) + "\n" + SolrArchiveFixture.record(11) + "\n",
                StandardOpenOption.APPEND);
        SolrArchiveFixture.writeArticles(archive.resolve("b"), "new", 500, 1);
        JsonNode changes = both(name, ExitCodes.OK, archive.toString());
        assertEquals(3, changes.get("added").asInt()); // two appended records, one new file
        assertEquals(1, changes.get("updated").asInt());
        assertEquals(43, SolrArchiveFixture.count(solr, name));

        // --prune after deleting the feed removes its articles, and only them
        String feedPath = feed.toRealPath().toString();
        Files.delete(feed);
        JsonNode pruned = both(name, ExitCodes.OK, "--prune", archive.toString());
        assertEquals(12, pruned.get("deleted").asInt());
        assertEquals(31, SolrArchiveFixture.count(solr, name));
        assertEquals(0, solr.query(name, new SolrQuery("{!term f=" + ArticleFields.PATH.name() + "}" + feedPath)
                .setRows(0)).getResults().getNumFound());
        assertEquals(localIds(), SolrArchiveFixture.ids(solr, name).keySet());

        // another machine, another client (through a Solr URL): all of it is known, nothing is sent
        JsonNode elsewhere = both(SharedSolrCluster.url(), name, ExitCodes.OK, archive.toString());
        assertEquals(0, elsewhere.get("added").asInt());
        assertEquals(0, elsewhere.get("updated").asInt());
        assertEquals(31, elsewhere.get("unchanged").asInt());
        assertEquals(localCommitData(), solrCommitData(SharedSolrCluster.url(), name));
        SolrArchiveFixture.ids(solr, name).values().forEach(copies -> assertEquals(1, copies));
    }

    @Test
    void aSecondInitAndMalformedOrHalfOptionsAreUsageErrors() {
        String name = "index_cmd_twice";
        cli(home, "solr", "init", "--solr", SharedSolrCluster.zk(), "--collection", name, "--shards", "1").expect(0);
        String line = cli(home, "solr", "init", "--solr", SharedSolrCluster.zk(), "--collection", name)
                .expect(ExitCodes.USAGE).oneErrorLine();
        assertTrue(line.contains("collection " + name + " on " + SharedSolrCluster.zk() + ": exists already"), line);

        assertTrue(cli(home, "index", "--solr", "ftp://somewhere", "--collection", name, archive.toString())
                .expect(ExitCodes.USAGE).oneErrorLine().contains("--solr"));
        assertTrue(cli(home, "index", "--solr", "zk:host-without-port", "--collection", name, archive.toString())
                .expect(ExitCodes.USAGE).oneErrorLine().contains("HOST:PORT"));
        cli(home, "index", "--solr", SharedSolrCluster.zk(), archive.toString()).expect(ExitCodes.USAGE).oneErrorLine();
        cli(home, "--index", local().toString(), "index", "--solr", SharedSolrCluster.zk(), "--collection", name,
                archive.toString()).expect(ExitCodes.USAGE).oneErrorLine();
        cli(home, "solr", "init", "--solr", SharedSolrCluster.zk(), "--collection", "x", "--shards", "0")
                .expect(ExitCodes.USAGE).oneErrorLine();
        cli(home, "solr", "init").expect(ExitCodes.USAGE).oneErrorLine();
        cli(home, "reindex", "--drop-old-after", "3").expect(ExitCodes.USAGE).oneErrorLine();
    }

    @Test
    void aCollectionBuiltByAnotherSchemaIsRefusedUntilReindexRebuildsIt() throws Exception {
        String name = "index_cmd_stale";
        SolrClient solr = SharedSolrCluster.client();
        SolrArchiveFixture.writeArticles(archive, "art", 0, 3);
        cli(home, "solr", "init", "--solr", SharedSolrCluster.zk(), "--collection", name, "--shards", "1").expect(0);
        String real = SolrArchiveFixture.aliased(solr, name);
        // what a build of schema version 4 would have recorded
        CollectionAdminRequest.CollectionProp old = CollectionAdminRequest.setCollectionProperty(real,
                SolrArchiveState.PROPERTY, "{\"schema_version\": \"4\", \"analyzer\": \"english-porter-v1\", \"roots\": \""
                        + archive.toRealPath() + "\"}");
        old.process(solr);

        String line = solrIndex(SharedSolrCluster.zk(), name, archive.toString()).expect(ExitCodes.INDEX_UNAVAILABLE)
                .oneErrorLine();
        assertEquals("newsarchive: cannot add to collection " + name + " on " + SharedSolrCluster.zk()
                + ": the index was built with schema version 4, this is version 5; rebuild it with 'newsarchive reindex --solr "
                + SharedSolrCluster.zk() + " --collection " + name + "'", line);
        assertEquals(0, SolrArchiveFixture.count(solr, name), "nothing was sent");

        JsonNode rebuilt = cli(home, "reindex", "--solr", SharedSolrCluster.zk(), "--collection", name, "--no-entities",
                "--format", "json", "--drop-old-after", "0").expect(0).json();
        assertEquals(3, rebuilt.get("added").asInt());
        assertEquals("5", solrCommitData(SharedSolrCluster.zk(), name).get(ArticleSchema.COMMIT_SCHEMA_VERSION));
        assertEquals(0, solrIndex(SharedSolrCluster.zk(), name, archive.toString()).expect(0).json().get("added").asInt());
    }

    @Test
    void aMissingArchiveOrAnUnreachableClusterIsOneLineAndExit4() throws IOException {
        SolrArchiveFixture.writeArticles(archive, "art", 0, 2);
        String missing = cli(home, "index", "--solr", SharedSolrCluster.zk(), "--collection", "no_such_archive",
                archive.toString()).expect(ExitCodes.INDEX_UNAVAILABLE).oneErrorLine();
        assertEquals("newsarchive: collection no_such_archive on " + SharedSolrCluster.zk() + ": no such collection or alias;"
                + " create the archive with 'newsarchive solr init --solr " + SharedSolrCluster.zk()
                + " --collection no_such_archive'", missing);
        cli(home, "reindex", "--solr", SharedSolrCluster.zk(), "--collection", "no_such_archive")
                .expect(ExitCodes.INDEX_UNAVAILABLE).oneErrorLine();

        String nobody = "http://127.0.0.1:" + closedPort() + "/solr";
        for (String[] args : List.of(
                new String[] {"index", "--solr", nobody, "--collection", "news", archive.toString()},
                new String[] {"solr", "init", "--solr", nobody, "--collection", "news"},
                new String[] {"reindex", "--solr", nobody, "--collection", "news"})) {
            String line = cli(home, args).expect(ExitCodes.INDEX_UNAVAILABLE).oneErrorLine();
            assertTrue(line.startsWith("newsarchive: collection news on " + nobody + ": "), line);
            assertTrue(line.contains("cannot be reached"), line);
        }
        assertNotEquals(true, Files.exists(local()), "nothing local was made");
    }

    private static int closedPort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
