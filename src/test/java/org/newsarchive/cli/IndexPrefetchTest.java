package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

class IndexPrefetchTest {

    @TempDir
    Path home;

    private CliEnvironment environment(Map<String, String> variables) {
        return new CliEnvironment(variables, home, false);
    }

    private static Path emptyIndex(Path dir) throws IOException {
        Files.createDirectories(dir);
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig())) {
            writer.commit();
        }
        return dir;
    }

    @Test
    void theLocationIsResolvedAsTheCommandResolvesIt() {
        CliEnvironment plain = environment(Map.of());
        assertEquals(home.resolve("index-data"), IndexPrefetch.location(plain, "search", "x"));
        assertEquals(Path.of("/elsewhere"),
                IndexPrefetch.location(environment(Map.of(CliEnvironment.INDEX_VARIABLE, "/elsewhere")), "search", "x"));
        assertEquals(Path.of("g"), IndexPrefetch.location(plain, "--index", "g", "search", "x"));
        assertEquals(Path.of("g"), IndexPrefetch.location(plain, "--index=g", "search", "x"));
        assertEquals(Path.of("s"), IndexPrefetch.location(plain, "--index", "g", "search", "--index", "s", "x"));
        assertEquals(Path.of("s"), IndexPrefetch.location(plain, "search", "x", "--index=s"));
        assertEquals(Path.of("g"), IndexPrefetch.location(plain, "--aliases", "--index", "--index", "g", "search", "x"));
        assertEquals(Path.of("g"), IndexPrefetch.location(plain, "--index", "g", "search", "--", "--index", "s"));
    }

    @Test
    void onlyCommandsThatReadAnIndexStartOpeningOne() {
        CliEnvironment plain = environment(Map.of());
        assertFalse(IndexPrefetch.start(plain, "index", "some/path") instanceof IndexPrefetch);
        assertFalse(IndexPrefetch.start(plain, "--version") instanceof IndexPrefetch);
        assertInstanceOf(IndexPrefetch.class, IndexPrefetch.start(plain, "search", "x"));
    }

    @Test
    void theCommandGetsTheIndexOpenedEarlyWhenItAsksForTheSameLocation() throws IOException {
        Path index = emptyIndex(home.resolve("idx"));
        IndexOpener opener = IndexPrefetch.start(environment(Map.of()), "--index", index.toString(), "search", "x");
        try (OpenIndex opened = opener.open(index)) {
            assertEquals(0, opened.reader().numDocs());
            // the early index is handed over once; a second request opens its own
            try (OpenIndex again = opener.open(index)) {
                assertNotSame(opened.reader(), again.reader());
            }
        }
    }

    @Test
    void anotherLocationIsOpenedOnRequest() throws IOException {
        Path guessed = emptyIndex(home.resolve("guessed"));
        Path other = emptyIndex(home.resolve("other"));
        IndexOpener opener = IndexPrefetch.start(environment(Map.of()), "--index", guessed.toString(), "stats");
        try (OpenIndex opened = opener.open(other)) {
            assertEquals(0, opened.reader().numDocs());
        }
    }

    @Test
    void aFailureIsReportedAsWithoutThePrefetch() {
        Path missing = home.resolve("missing");
        IndexOpener opener = IndexPrefetch.start(environment(Map.of()), "search", "--index", missing.toString(), "x");
        IndexUnavailableException expected = assertThrows(IndexUnavailableException.class, () -> OpenIndex.open(missing));
        IndexUnavailableException actual = assertThrows(IndexUnavailableException.class, () -> opener.open(missing));
        assertEquals(expected.getMessage(), actual.getMessage());
        // thrown on the caller's thread, so --debug shows where the command asked for the index
        assertTrue(Arrays.stream(actual.getStackTrace())
                .anyMatch(frame -> frame.getClassName().equals(IndexPrefetchTest.class.getName())));
    }
}
