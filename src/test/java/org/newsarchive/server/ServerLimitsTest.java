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
}
