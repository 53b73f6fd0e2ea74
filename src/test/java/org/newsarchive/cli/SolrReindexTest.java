package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.solr.client.solrj.SolrClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.solr.SharedSolrCluster;

/**
 * {@code reindex --solr}: a new collection is built, the alias switched to it in one step, the old
 * collection deleted after; searches through the alias meanwhile never fail and never see a
 * half-built or empty archive.
 */
class SolrReindexTest {

    @TempDir
    Path home;

    @TempDir
    Path archive;

    @Test
    void searchesThroughTheAliasSeeTheWholeArchiveBeforeDuringAndAfterTheSwitch() throws Exception {
        String name = "reindex_alias";
        String zk = SharedSolrCluster.zk();
        SolrClient solr = SharedSolrCluster.client();
        SolrArchiveFixture.writeArticles(archive, "art", 0, 60);
        CliRun.run(home, "solr", "init", "--solr", zk, "--collection", name, "--shards", "2").expect(0);
        CliRun.run(home, "index", "--solr", zk, "--collection", name, "--no-entities", archive.toString()).expect(0);
        String before = SolrArchiveFixture.aliased(solr, name);
        assertEquals(60, SolrArchiveFixture.count(solr, name));

        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong queries = new AtomicLong();
        Map<Long, Long> counts = new ConcurrentHashMap<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        Thread searches = new Thread(() -> {
            while (!stop.get()) {
                try {
                    counts.merge(SolrArchiveFixture.count(solr, name), 1L, Long::sum);
                    queries.incrementAndGet();
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    errors.add(e);
                }
            }
        }, "searches-during-reindex");
        searches.start();
        CliRun reindex;
        try {
            reindex = CliRun.run(home, "reindex", "--solr", zk, "--collection", name, "--no-entities", "--format", "json",
                    "--drop-old-after", "2").expect(0);
            Thread.sleep(300); // searches after the old collection is gone
        } finally {
            stop.set(true);
            searches.join();
        }

        assertEquals(List.of(), errors, "searches failed during the reindex");
        assertEquals(Map.of(60L, queries.get()), counts, "a search saw another count than the whole archive");
        assertTrue(queries.get() > 20, "searches ran: " + queries.get());

        JsonNode summary = reindex.json();
        assertEquals(60, summary.get("added").asInt());
        assertEquals(60, summary.get("articles").asInt());
        String after = SolrArchiveFixture.aliased(solr, name);
        assertNotEquals(before, after);
        assertEquals("newsarchive: the alias " + name + " now names " + after + "; deleted the old collection " + before,
                reindex.oneErrorLine());
        List<String> collections = SolrArchiveFixture.collections(solr);
        assertFalse(collections.contains(before), "the old collection is gone");
        assertTrue(collections.contains(after));
        assertEquals(60, SolrArchiveFixture.count(solr, name));
        SolrArchiveFixture.ids(solr, name).values().forEach(copies -> assertEquals(1, copies));

        // the new collection carries what the old one recorded: the next run has nothing to do
        JsonNode next = CliRun.run(home, "index", "--solr", zk, "--collection", name, "--no-entities", "--format", "json",
                archive.toString()).expect(0).json();
        assertEquals(0, next.get("added").asInt());
        assertEquals(60, next.get("unchanged").asInt());
    }
}
