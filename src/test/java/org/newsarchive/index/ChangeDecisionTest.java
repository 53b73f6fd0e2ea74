package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.JsonLinesReader;
import org.newsarchive.ingest.Sha256;
import org.newsarchive.schema.ArticleSchema;

/** The rules of what is new, changed, unchanged, appended and removed, against a small index. */
class ChangeDecisionTest {

    static final String A = "00000000000000a1";
    static final String B1 = "00000000000000b1";
    static final String B2 = "00000000000000b2";
    static final String C = "00000000000000c1";

    @TempDir
    Path temp;

    Path archive;
    Directory directory;
    IndexedFiles before;

    static Article article(String id, Path path, String sha256) {
        return new Article(id, LocalDate.of(2023, 12, 22), null, "Headline " + id, "Text of " + id + ".", path, 100,
                sha256, 3);
    }

    /** a.txt (one article), feed.jsonl (two records), sub/c.txt, a.txt.old: as a last run left them. */
    @BeforeEach
    void index() throws IOException {
        archive = temp.toRealPath();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            writer.addDocument(ArticleSchema.toDocument(article(A, archive.resolve("a.txt"), "aa"), ArticleEntities.NONE, 1000));
            writer.addDocument(ArticleSchema.toDocument(article(B1, archive.resolve("feed.jsonl"), "b1"), ArticleEntities.NONE, 2000));
            writer.addDocument(ArticleSchema.toDocument(article(B2, archive.resolve("feed.jsonl"), "b2"), ArticleEntities.NONE, 2000));
            writer.addDocument(ArticleSchema.toDocument(article(C, archive.resolve("sub/c.txt"), "cc"), ArticleEntities.NONE, 3000));
            writer.addDocument(ArticleSchema.toDocument(article("00000000000000d1", archive.resolve("a.txt.old"), "dd"),
                    ArticleEntities.NONE, 4000));
            writer.commit();
        }
        before = snapshot(directory);
    }

    /** What the decisions are judged against: here the index's last commit. */
    IndexedFiles snapshot(Directory directory) throws IOException {
        return IndexedFiles.of(directory);
    }

    @AfterEach
    void close() throws IOException {
        before.close();
        directory.close();
    }

    ChangeDecision decision(boolean pruning, Map<String, RecordFileState> states) {
        return new ChangeDecision(before, new RecordFileStates(states), pruning);
    }

    @Test
    void aRecordIsUnchangedOnlyFromTheSameFileWithTheSameBytes() throws IOException {
        ChangeDecision changes = decision(false, Map.of());
        Path feed = archive.resolve("feed.jsonl");
        assertEquals(ChangeDecision.Change.UNCHANGED, changes.ofRecord(article(B1, feed, "b1")));
        assertEquals(ChangeDecision.Change.CHANGED, changes.ofRecord(article(B1, feed, "edited")));
        assertEquals(ChangeDecision.Change.CHANGED, changes.ofRecord(article(B1, archive.resolve("other.jsonl"), "b1")));
        assertEquals(ChangeDecision.Change.NEW, changes.ofRecord(article("00000000000000e1", feed, "e1")));
    }

    @Test
    void anArticleOfAFileOfOneIsNewOrReplacesWhatTheIndexHas() throws IOException {
        ChangeDecision changes = decision(false, Map.of());
        IndexedFiles.Indexed a = changes.indexed(archive.resolve("a.txt"));
        assertEquals(new IndexedFiles.Indexed(A, 100, 1000), a);
        assertNull(changes.indexed(archive.resolve("new.txt")));

        assertEquals(ChangeDecision.Change.CHANGED, ChangeDecision.ofSeedFile(a));
        assertEquals(ChangeDecision.Change.NEW, ChangeDecision.ofSeedFile(null));
        assertEquals(ChangeDecision.Change.CHANGED, changes.ofId(C)); // a URL's id, indexed from another file
        assertEquals(ChangeDecision.Change.NEW, changes.ofId("00000000000000e1"));

        assertTrue(changes.sameBytes(a, "aa"));
        assertFalse(changes.sameBytes(a, "edited"));
        assertFalse(changes.sameBytes(null, "aa"));

        assertFalse(ChangeDecision.replacesAnother(a, article(A, archive.resolve("a.txt"), "edited")));
        assertTrue(ChangeDecision.replacesAnother(a, article("00000000000000e1", archive.resolve("a.txt"), "e1")));
        assertFalse(ChangeDecision.replacesAnother(null, article(A, archive.resolve("a.txt"), "aa")));
    }

    @Test
    void sizeAndTimeSayWhetherAFileIsUntouched() throws IOException {
        Path file = Files.writeString(archive.resolve("t.jsonl"), "0123456789");
        Files.setLastModifiedTime(file, FileTime.fromMillis(5000));
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);

        assertTrue(ChangeDecision.untouched(new IndexedFiles.Indexed(A, 10, 5000), attributes));
        assertFalse(ChangeDecision.untouched(new IndexedFiles.Indexed(A, 11, 5000), attributes));
        assertFalse(ChangeDecision.untouched(new IndexedFiles.Indexed(A, 10, 5001), attributes));
        assertFalse(ChangeDecision.untouched((IndexedFiles.Indexed) null, attributes));

        assertTrue(ChangeDecision.untouched(new RecordFileState(10, 5000, 10, 1, new byte[32], 1, true), attributes));
        assertFalse(ChangeDecision.untouched(new RecordFileState(9, 5000, 9, 1, new byte[32], 1, true), attributes));
        assertFalse(ChangeDecision.untouched(new RecordFileState(10, 4999, 10, 1, new byte[32], 1, true), attributes));
        assertFalse(ChangeDecision.untouched((RecordFileState) null, attributes));
    }

    @Test
    void aJsonLinesFileThatOnlyGrewIsReadOnFromItsStateAndOneChangedBeforeIsNot() throws IOException {
        byte[] first = "{\"a\":1}\n".getBytes(StandardCharsets.UTF_8);
        RecordFileState known = new RecordFileState(8, 1, first.length, 1, Sha256.of(first), 1, true);

        JsonLinesReader.Resume grown = ChangeDecision.appended(stream("{\"a\":1}\n{\"a\":2}\n"), known);
        assertEquals(8, grown.offset());
        assertEquals(1, grown.lines());
        assertNull(ChangeDecision.appended(stream("{\"a\":9}\n{\"a\":2}\n"), known), "changed before the point");
        assertNull(ChangeDecision.appended(stream("{\"a\""), known), "shorter than the point");
        assertNull(ChangeDecision.appended(stream("{\"a\":1}\n{\"a\":2}\n"), null), "no state: read whole");
        RecordFileState array = new RecordFileState(8, 1, first.length, 0, Sha256.of(first), 1, false);
        assertNull(ChangeDecision.appended(stream("{\"a\":1}\n{\"a\":2}\n"), array), "a JSON file is read whole");
    }

    static InputStream stream(String content) {
        return new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theRecordsOfAFileThatTheRunDidNotClaimHaveVanished() throws IOException {
        ChangeDecision changes = decision(false, Map.of());
        String feed = archive.resolve("feed.jsonl").toString();
        assertEquals(List.of(B1, B2), changes.vanished(feed));
        assertTrue(changes.claim(B1));
        assertFalse(changes.claim(B1), "an id is handled once per run");
        assertEquals(List.of(B2), changes.vanished(feed));
        assertTrue(changes.claim(B2));
        assertEquals(List.of(), changes.vanished(feed));
        assertEquals(List.of(), changes.vanished(archive.resolve("nothing.jsonl").toString()));
    }

    @Test
    void pruningRemovesTheFilesTheWalkDidNotReachOnceWhateverTheRoots() throws IOException {
        String tags = archive.resolve("tags.json").toString();
        String feed = archive.resolve("feed.jsonl").toString();
        ChangeDecision changes = decision(true, Map.of(
                tags, RecordFileState.notArticles(10, 1),
                feed, new RecordFileState(10, 1, 10, 2, new byte[32], 2, true)));
        Files.createDirectories(archive.resolve("sub"));
        changes.reached(archive.resolve("a.txt"));
        changes.reached(archive.resolve("a.txt.old"));

        ChangeDecision.Removed sub = changes.removedUnder(archive.resolve("sub"));
        assertEquals(Map.of(archive.resolve("sub/c.txt").toString(), 1L), sub.articlesByFile());
        assertEquals(List.of(), sub.statesOnly());

        ChangeDecision.Removed all = changes.removedUnder(archive);
        assertEquals(Map.of(feed, 2L), all.articlesByFile(), "sub/c.txt was removed under the first root");
        assertEquals(List.of(tags), all.statesOnly());
    }

    @Test
    void aRootThatIsAFileRemovesThatFileOnly() throws IOException {
        ChangeDecision changes = decision(true, Map.of());
        ChangeDecision.Removed removed = changes.removedUnder(archive.resolve("a.txt")); // gone: never reached
        assertEquals(Map.of(archive.resolve("a.txt").toString(), 1L), removed.articlesByFile(), "not a.txt.old");
        assertEquals(List.of(), removed.statesOnly());
    }
}
