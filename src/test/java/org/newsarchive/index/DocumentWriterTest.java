package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleSchema;

/** The writer stage: what it writes and counts, and when it commits. */
class DocumentWriterTest {

    @TempDir
    Path root;

    Directory directory;
    IndexWriter writer;
    IndexCounters counters;

    @BeforeEach
    void open() throws IOException {
        directory = new ByteBuffersDirectory();
        writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()));
        counters = new IndexCounters(IndexListener.NONE);
    }

    @AfterEach
    void close() throws IOException {
        writer.close();
        directory.close();
    }

    DocumentWriter documents(int commitEvery, boolean rebuild, RecordFileStates states) {
        IndexSettings settings = new IndexSettings(1, 1 << 20, false, commitEvery, Duration.ofHours(1));
        CommitData data = new CommitData(IndexedFiles.empty(), rebuild, List.of(root), EntityExtractor.NONE, states, "");
        return new DocumentWriter(LuceneArticleStore.over(writer), EntityExtractor.NONE, data, settings, rebuild, counters);
    }

    static Article article(String id, String path, String headline) {
        return new Article(id, LocalDate.of(2023, 12, 22), null, headline, "Text.", Path.of(path), 10, "sha-" + headline, 1);
    }

    Map<String, String> committed() throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    @Test
    void newArticlesAreAddedChangedOnesReplacedAndEachCounted() throws IOException {
        DocumentWriter documents = documents(100, false, new RecordFileStates(Map.of()));
        documents.write(article("00000000000000a1", "/x/feed.jsonl", "one"), 1, ChangeDecision.Change.NEW);
        documents.write(article("00000000000000a2", "/x/feed.jsonl", "two"), 1, ChangeDecision.Change.NEW);
        documents.write(article("00000000000000a1", "/x/feed.jsonl", "one again"), 1, ChangeDecision.Change.CHANGED);
        assertThrows(IllegalArgumentException.class,
                () -> documents.write(article("00000000000000a2", "/x/feed.jsonl", "two"), 1, ChangeDecision.Change.UNCHANGED));

        documents.finish(false, 1); // applies the deletes of the replacement
        assertEquals(2, documents.articles());
        documents.deleteRecords("/x/feed.jsonl", List.of("00000000000000a2"));
        documents.finish(false, 1);
        assertEquals(1, documents.articles());
        documents.deleteFile("/x/feed.jsonl", 1);
        documents.finish(false, 1);
        assertEquals(0, documents.articles());

        IndexReport report = counters.report(0, Duration.ZERO);
        assertEquals(List.of(2L, 1L, 2L), List.of(report.added(), report.updated(), report.deleted()));
    }

    @Test
    void itCommitsOnceEnoughHasChangedWithTheRunsCommitData() throws IOException {
        RecordFileStates states = new RecordFileStates(Map.of());
        states.publish("/x/feed.jsonl", RecordFileState.notArticles(3, 4));
        DocumentWriter documents = documents(2, false, states);
        documents.write(article("00000000000000a1", "/x/a.txt", "one"), 1, ChangeDecision.Change.NEW);
        documents.maybeCommit();
        assertFalse(DirectoryReader.indexExists(directory), "one change of two");
        documents.write(article("00000000000000a2", "/x/b.txt", "two"), 1, ChangeDecision.Change.NEW);
        documents.maybeCommit();
        assertTrue(DirectoryReader.indexExists(directory));
        Map<String, String> data = committed();
        assertEquals(root.toRealPath().toString(), data.get(ArticleSchema.COMMIT_ROOTS));
        assertEquals("none", data.get(ArticleSchema.COMMIT_ENTITY_MODEL));
        assertEquals("3 4 -1 0 0 w " + "0".repeat(64) + " /x/feed.jsonl\n", data.get(RecordFileState.COMMIT_KEY));
        assertFalse(data.containsKey(ArticleSchema.COMMIT_FIELD_MAP), "the default field map is not recorded");
        assertEquals(ArticleSchema.commitData().get(ArticleSchema.COMMIT_SCHEMA_VERSION), data.get(ArticleSchema.COMMIT_SCHEMA_VERSION));
    }

    @Test
    void aRebuildCommitsOnlyAtTheEndAndMergesIntoOneSegment() throws IOException {
        DocumentWriter documents = documents(1, true, new RecordFileStates(Map.of()));
        for (int i = 0; i < 3; i++) {
            documents.write(article("00000000000000a" + i, "/x/" + i + ".txt", "n" + i), 1, ChangeDecision.Change.NEW);
            writer.flush(); // a segment each
            documents.maybeCommit();
        }
        assertFalse(DirectoryReader.indexExists(directory));
        documents.finish(true, 1);
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(3, reader.numDocs());
            assertEquals(1, reader.leaves().size());
        }
    }

    @Test
    void theEndCommitsTheCommitDataAloneWhenOnlyItChanged() throws IOException {
        DocumentWriter documents = documents(100, false, new RecordFileStates(Map.of()));
        documents.finish(false, 1); // nothing written, but the roots are new to the index
        assertEquals(root.toRealPath().toString(), committed().get(ArticleSchema.COMMIT_ROOTS));
        assertEquals(0, documents.articles());
    }
}
