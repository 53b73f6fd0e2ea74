package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Time limits and refusals that keep one request from holding the server. */
class ServerLimitsTest {

    @TempDir
    Path folder;

    @Test
    void aRequestPastItsTimeLimitIs503NotAHungThread() throws IOException {
        Path index = TestArchive.build(folder);
        try (ArchiveServer server = ArchiveServer.start(ServerSettings.forIndex(index)
                .withLimits(10_000, 1_000, Duration.ofNanos(1), 4))) {
            HttpClientForTests http = new HttpClientForTests(server.address());
            HttpResponse<String> search = http.get("/api/search?q=cocoa");
            assertEquals(503, search.statusCode(), search.body());
            assertEquals("{\"error\":{\"code\":\"timeout\",\"message\":\"the request took longer than 0 s; make the "
                    + "query more specific (serve --timeout sets the limit)\"}}\n", search.body());
            assertEquals(503, http.get("/api/entities?q=cocoa").statusCode());
            assertEquals(503, http.get("/api/timeline?q=cocoa").statusCode());
            // what does not search is answered
            assertEquals(200, http.get("/api/health").statusCode());
        }
        // the same searcher code without a deadline (every CLI run) is never stopped
        assertTrue(TestArchive.run(folder, 0, "--index", index.toString(), "search", "cocoa", "--limit", "0")
                .startsWith("4 articles match"));
    }

    @Test
    void aPortInUseIsRefusedInOneLine() throws IOException {
        Path index = TestArchive.build(folder);
        try (ArchiveServer first = ArchiveServer.start(ServerSettings.forIndex(index))) {
            int port = first.address().getPort();
            ArchiveServer.AddressInUseException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ArchiveServer.AddressInUseException.class,
                    () -> ArchiveServer.start(ServerSettings.forIndex(index).withAddress("127.0.0.1", port)));
            assertEquals("cannot listen on 127.0.0.1:" + port + " (address already in use); choose another with --port",
                    e.getMessage());
        }
    }

    @Test
    void pastTheConcurrentRequestsA503WithRetryAfter() throws Exception {
        Path index = TestArchive.build(folder);
        java.util.concurrent.CountDownLatch entered = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // a recogniser that holds the server's only request slot until told to let go
        org.newsarchive.entity.EntityExtractor slow = (headline, body) -> {
            entered.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return org.newsarchive.entity.ArticleEntities.NONE;
        };
        try (ArchiveServer server = ArchiveServer.start(ServerSettings.forIndex(index)
                .withLimits(10_000, 1_000, Duration.ofSeconds(10), 1)
                .withEntities(org.newsarchive.entity.AliasTable.defaults(), () -> slow))) {
            HttpClientForTests http = new HttpClientForTests(server.address());
            String id = new com.fasterxml.jackson.databind.ObjectMapper().readTree(http.get("/api/search?q=cocoa").body())
                    .get("hits").get(0).get("id").asText();
            var holder = java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> http.get("/api/articles/" + id + "/mentions").statusCode());
            entered.await();
            long started = System.nanoTime();
            HttpResponse<String> refused = http.get("/api/stats");
            long waitedMs = (System.nanoTime() - started) / 1_000_000;
            assertEquals(503, refused.statusCode(), refused.body());
            assertTrue(refused.body().contains("\"code\":\"busy\""), refused.body());
            assertEquals("1", refused.headers().firstValue("retry-after").orElseThrow());
            assertTrue(waitedMs >= 1_500 && waitedMs < 10_000, "waited " + waitedMs + " ms for a slot, then refused");
            release.countDown();
            assertEquals(200, holder.get());
            assertEquals(200, http.get("/api/stats").statusCode(), "the slot is free again");
        }
    }

    @Test
    void healthIs503WhenTheIndexCannotBeReadAndTheLastGoodReaderServes() throws Exception {
        Path index = TestArchive.build(folder);
        try (ArchiveServer server = ArchiveServer.start(ServerSettings.forIndex(index).withRefreshMillis(100))) {
            HttpClientForTests http = new HttpClientForTests(server.address());
            assertEquals(200, http.get("/api/health").statusCode());
            try (var files = java.nio.file.Files.list(index)) {
                for (Path file : files.toList()) {
                    if (file.getFileName().toString().startsWith("segments")) {
                        java.nio.file.Files.delete(file);
                    }
                }
            }
            long deadline = System.nanoTime() + 5_000_000_000L;
            HttpResponse<String> health = http.get("/api/health");
            while (health.statusCode() == 200 && System.nanoTime() < deadline) {
                Thread.sleep(50);
                health = http.get("/api/health");
            }
            assertEquals(503, health.statusCode(), health.body());
            assertTrue(health.body().contains("\"code\":\"index-unavailable\""), health.body());
            // searches go on from the reader opened before
            assertEquals(200, http.get("/api/search?q=cocoa").statusCode());
        }
    }
}
