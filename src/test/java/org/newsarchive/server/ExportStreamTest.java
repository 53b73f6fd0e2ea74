package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.AliasTable;

/** An export is written as it is read, and stops when the client stops reading. */
class ExportStreamTest {

    @TempDir
    Path folder;

    private ApiResponse export(LiveIndex.Lease lease, String query) throws IOException {
        Route route = new SearchEndpoints(ServerSettings.forIndex(folder)).routes().stream()
                .filter(r -> r.pattern().equals("/api/export")).findFirst().orElseThrow();
        ApiRequest request = new ApiRequest("GET", "/api/export", Map.of("q", List.of(query)), Map.of(), new byte[0]);
        return route.handler().handle(new Route.Call(request, request.params(), Map.of(), lease.searcher()));
    }

    @Test
    void aClientThatHangsUpStopsTheExport() throws IOException {
        Path articles = Files.createDirectories(folder.resolve("articles"));
        String body = "Markets were calm in Paris as traders waited for news. ".repeat(8);
        for (int i = 0; i < 400; i++) {
            TestArchive.write(articles, i, "2023-01-" + String.format("%02d", 1 + i % 28), "Report " + i, body);
        }
        Path index = folder.resolve("index");
        TestArchive.run(folder, 0, "--index", index.toString(), "index", "--quiet", "--no-entities", articles.toString());
        try (LiveIndex live = LiveIndex.open(index, AliasTable.defaults(), 60_000);
                LiveIndex.Lease lease = live.acquire()) {
            ByteArrayOutputStream whole = new ByteArrayOutputStream();
            export(lease, "markets").stream().writeTo(whole);
            assertEquals(400, whole.toString().lines().count());

            AtomicInteger writes = new AtomicInteger();
            OutputStream hungUp = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    write(new byte[] {(byte) b}, 0, 1);
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    writes.incrementAndGet();
                    throw new IOException("Broken pipe");
                }
            };
            IOException e = assertThrows(IOException.class, () -> export(lease, "markets").stream().writeTo(hungUp));
            assertEquals("Broken pipe", e.getMessage());
            // the first full buffer found the connection closed, and nothing more was read or written
            assertEquals(1, writes.get());
        }
    }
}
