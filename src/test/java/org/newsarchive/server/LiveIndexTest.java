package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.SearchRequest;

/** The server stays fresh while another writer commits, and never pulls a reader from under a request. */
class LiveIndexTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path folder;

    @Test
    void aRequestKeepsItsReaderWhileNewCommitsAreServed() throws IOException {
        Path index = TestArchive.build(folder);
        try (LiveIndex live = LiveIndex.open(index, AliasTable.defaults(), 60_000)) {
            LiveIndex.Lease old = live.acquire();
            assertEquals(12, old.searcher().articles());
            Path more = Files.createDirectories(folder.resolve("more"));
            TestArchive.write(more, 50, "2023-04-01", "Cocoa talks resume", "Cocoa producers met in Abidjan.");
            TestArchive.index(folder, index, more);
            assertTrue(live.refresh(), "a new commit is picked up");
            try (LiveIndex.Lease fresh = live.acquire()) {
                assertEquals(13, fresh.searcher().articles());
            }
            // the request that started before the commit still reads, and searches, its own reader
            assertEquals(12, old.searcher().articles());
            assertEquals(4, old.searcher().search(SearchRequest.of("cocoa")).total());
            assertTrue(old.reader().getRefCount() > 0);
            old.close();
            assertEquals(0, old.reader().getRefCount(), "the replaced reader is closed with its last request");
            assertTrue(!live.refresh(), "nothing new: nothing reopened");
        }
    }

    @Test
    void theServerSeesCommitsAndReindexWithinTwoSecondsWhileAWriterRuns() throws Exception {
        Path index = TestArchive.build(folder);
        try (ArchiveServer server = ArchiveServer.start(ServerSettings.forIndex(index).withRefreshMillis(200))) {
            HttpClientForTests http = new HttpClientForTests(server.address());
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicReference<String> failure = new AtomicReference<>();
            List<Long> seen = new ArrayList<>();
            Thread reader = new Thread(() -> {
                while (writing.get()) {
                    var response = http.get("/api/search?q=*:*&limit=0");
                    if (response.statusCode() != 200) {
                        failure.set(response.body());
                        return;
                    }
                    try {
                        seen.add(JSON.readTree(response.body()).get("total").asLong());
                    } catch (IOException e) {
                        failure.set(e.toString());
                        return;
                    }
                }
            });
            reader.start();
            Path more = Files.createDirectories(folder.resolve("more"));
            for (int batch = 0; batch < 3; batch++) {
                for (int i = 0; i < 5; i++) {
                    int n = 100 + batch * 5 + i;
                    TestArchive.write(more, n, "2023-05-0" + (1 + i), "Report " + n, "Markets in Paris were calm.");
                }
                TestArchive.index(folder, index, more);
                long expected = 12 + 5L * (batch + 1);
                assertEquals(expected, awaitArticles(http, expected), "batch " + batch);
            }
            TestArchive.run(folder, 0, "--index", index.toString(), "reindex", "--quiet");
            assertEquals(27, awaitArticles(http, 27));
            writing.set(false);
            reader.join();
            assertEquals(null, failure.get());
            assertTrue(seen.size() > 3, "searches ran beside the writer: " + seen.size());
            for (int i = 1; i < seen.size(); i++) {
                assertTrue(seen.get(i) >= seen.get(i - 1), "never an older commit after a newer one: " + seen);
                assertTrue(seen.get(i) >= 12, "never an empty answer: " + seen);
            }
        }
    }

    /** Polls health until the article count is {@code expected}, for at most two seconds; the count seen last. */
    private static long awaitArticles(HttpClientForTests http, long expected) throws Exception {
        long deadline = System.nanoTime() + 2_000_000_000L;
        long articles = -1;
        while (System.nanoTime() < deadline) {
            JsonNode health = JSON.readTree(http.get("/api/health").body());
            articles = health.get("articles").asLong();
            if (articles == expected) {
                return articles;
            }
            Thread.sleep(50);
        }
        return articles;
    }
}
