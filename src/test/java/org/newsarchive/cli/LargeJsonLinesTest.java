package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JSON lines file larger than the heap is indexed in a separate JVM with a small heap: the
 * reader holds one line, the workers a few batches, the writer a quarter of the heap.
 */
@Tag("slow")
class LargeJsonLinesTest {

    static final int RECORDS = 100_000;
    static final String HEAP = "-Xmx64m";

    private static final String[] WORDS = ("oil wheat coffee bank rates shares market prices trade talks minister"
            + " company profit loss quarter dollar yen export import tonnes crop strike union court ruling vote"
            + " election government budget deficit growth inflation central reserve bond yield merger offer").split(" ");

    static void writeFeed(Path feed) throws IOException {
        Random random = new Random(7);
        try (BufferedWriter out = Files.newBufferedWriter(feed, StandardCharsets.UTF_8)) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < RECORDS; i++) {
                text.setLength(0);
                for (int w = 0; w < 110; w++) {
                    text.append(WORDS[random.nextInt(WORDS.length)]).append(w % 20 == 19 ? ".\\n" : " ");
                }
                out.write("{\"title\": \"Story " + i + " " + WORDS[i % WORDS.length] + "\", \"maintext\": \"" + text
                        + "\", \"date_publish\": \"" + (1990 + i % 30) + "-0" + (1 + i % 9) + "-1" + (i % 10)
                        + " 12:00:00\", \"url\": \"https://example.com/" + i + "\", \"source_domain\": \"example.com\"}\n");
            }
        }
    }

    @Test
    void aFileLargerThanTheHeapIsIndexedInFull(@TempDir Path dir) throws Exception {
        Path feed = dir.resolve("big.jsonl");
        writeFeed(feed);
        long size = Files.size(feed);
        assertTrue(size > 72L * 1024 * 1024, "feed of " + size + " bytes");
        Path index = dir.resolve("index");
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), HEAP, "-cp", classpath,
                "org.newsarchive.cli.Main", "--index", index.toString(), "index", "--no-entities", "--threads", "2",
                "--format", "json", feed.toString()))
                .redirectErrorStream(false)
                .start();
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "still running");
        assertEquals(0, process.exitValue(), () -> "stderr:\n" + err);
        JsonNode summary = CliRun.MAPPER.readTree(out);
        assertEquals(RECORDS, summary.get("added").asInt());
        assertEquals(0, summary.get("rejected").asInt());
        try (var directory = FSDirectory.open(index); var reader = DirectoryReader.open(directory)) {
            assertEquals(RECORDS, reader.numDocs());
        }
    }
}
