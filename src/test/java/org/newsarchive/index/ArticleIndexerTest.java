package org.newsarchive.index;

import org.newsarchive.schema.ArticleFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;
import org.newsarchive.schema.ArticleSchema;

class ArticleIndexerTest {

    @TempDir
    Path archive;

    @TempDir
    Path index;

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private IndexReport run(int threads, Path... roots) throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            return indexer.index(List.of(roots), new IndexSettings(threads, 1 << 20), IndexListener.NONE);
        }
    }

    /** Ids and paths of what the index holds, read straight from Lucene. */
    private Map<String, String> indexed() throws IOException {
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            Map<String, String> byId = new java.util.TreeMap<>();
            StoredFields stored = reader.storedFields();
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                var d = stored.document(doc);
                if (reader.hasDeletions() && !org.apache.lucene.index.MultiBits.getLiveDocs(reader).get(doc)) {
                    continue;
                }
                String previous = byId.put(d.get(ArticleFields.ID.name()), d.get(ArticleFields.PATH.name()));
                assertEquals(null, previous, "duplicate id " + d.get(ArticleFields.ID.name()));
            }
            return byId;
        }
    }

    private void articles(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            write(archive.resolve("y" + (i % 3)).resolve("a" + i + ".txt"),
                    " date 2023-01-" + String.format("%02d", 1 + i % 28) + " Title " + i + "\n\nBody number " + i + ".\n");
        }
    }

    @Test
    void indexesEveryFileOnceAndCommits() throws IOException {
        articles(50);
        IndexReport report = run(4, archive);
        assertEquals(50, report.added());
        assertEquals(0, report.updated());
        assertEquals(0, report.unchanged());
        assertEquals(List.of(), report.rejected());
        assertEquals(50, report.articles());
        assertEquals(50, indexed().size());
    }

    @Test
    void reindexingUnchangedFilesChangesNothing() throws IOException {
        articles(20);
        run(2, archive);
        long generation;
        try (var dir = FSDirectory.open(index)) {
            generation = org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(dir);
        }
        IndexReport again = run(2, archive);
        assertEquals(0, again.added());
        assertEquals(0, again.updated());
        assertEquals(20, again.unchanged());
        assertEquals(20, again.articles());
        try (var dir = FSDirectory.open(index)) {
            assertEquals(generation, org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(dir),
                    "no new commit when nothing changed");
        }
    }

    @Test
    void changedFilesAreUpdatedInPlace() throws IOException {
        articles(5);
        run(1, archive);
        write(archive.resolve("y0/a0.txt"), " date 2023-02-02 New title\n\nNew body.\n");
        IndexReport report = run(1, archive);
        assertEquals(1, report.updated());
        assertEquals(4, report.unchanged());
        assertEquals(5, indexed().size());
        try (var searcher = org.newsarchive.query.ArchiveSearcher.open(index)) {
            String id = org.newsarchive.ingest.ArticleId.of(archive.resolve("y0/a0.txt").toRealPath());
            assertEquals("New title", searcher.find(id).orElseThrow().headline());
        }
    }

    @Test
    void anotherSpellingOfAPathIsTheSameArticle() throws IOException {
        articles(6);
        run(2, archive);
        Path detour = archive.resolve("y1").resolve("..").resolve(".").resolve("y0");
        Files.createSymbolicLink(archive.resolve("link"), archive.resolve("y2"));
        IndexReport report = run(2, detour, archive.resolve("link"), archive.resolve("y0/a0.txt"));
        assertEquals(0, report.added());
        assertEquals(6, indexed().size());
    }

    private int segments() throws IOException {
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            return reader.leaves().size();
        }
    }

    @Test
    void aRunThatBuildsTheIndexEndsWithFewSegments() throws IOException {
        articles(25);
        // a commit after every article: 25 segments before the final merge
        IndexSettings everyArticle = new IndexSettings(1, 1 << 20, false, 1, java.time.Duration.ofSeconds(60));
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            indexer.index(List.of(archive), everyArticle, IndexListener.NONE);
        }
        int built = segments();
        assertEquals(IndexRun.MAX_SEGMENTS_AFTER_BUILD, built);
        assertEquals(25, indexed().size());
        // one changed article: no forced merge, Lucene's policy decides
        write(archive.resolve("y0/a0.txt"), "date 2023-01-01\n\nChanged\n\nNew text.\n");
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            IndexReport report = indexer.index(List.of(archive), everyArticle, IndexListener.NONE);
            assertEquals(1, report.updated());
        }
        assertTrue(segments() <= built + 1);
        assertEquals(25, indexed().size());
    }

    @Test
    void theSameFileTwiceInOneRunIsIndexedOnce() throws IOException {
        articles(3);
        IndexReport report = run(2, archive, archive.resolve("y0"));
        assertEquals(3, report.added());
        assertEquals(3, indexed().size());
    }

    @Test
    void badFilesAreReportedAndTheRestIndexed() throws IOException {
        articles(4);
        write(archive.resolve("bad/nodate.txt"), "Just some text\n");
        write(archive.resolve("bad/impossible.txt"), "date 2023-02-30 Text\n");
        Files.write(archive.resolve("bad/binary.txt"), new byte[] {'d', 'a', 't', 'e', 0, 1, 2});
        List<Rejected> heard = Collections.synchronizedList(new ArrayList<>());
        IndexReport report;
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            report = indexer.index(List.of(archive), new IndexSettings(2, 1 << 20), new IndexListener() {
                @Override
                public void rejected(Rejected rejected) {
                    heard.add(rejected);
                }
            });
        }
        assertEquals(4, report.added());
        Set<String> reasons = new HashSet<>();
        report.rejected().forEach(r -> reasons.add(r.path().getFileName() + "=" + r.reason()));
        assertEquals(Set.of("nodate.txt=NO_DATE_LINE", "impossible.txt=IMPOSSIBLE_DATE", "binary.txt=BINARY"), reasons);
        assertEquals(3, heard.size());
        assertEquals(Map.of(RejectReason.NO_DATE_LINE, 1L, RejectReason.IMPOSSIBLE_DATE, 1L, RejectReason.BINARY, 1L),
                report.rejectedByReason());
        assertEquals(4, indexed().size());
    }

    @Test
    void aSecondWriterGetsAClearError() throws IOException {
        try (ArticleIndexer first = ArticleIndexer.open(index)) {
            IndexLockedException e = assertThrows(IndexLockedException.class, () -> ArticleIndexer.open(index));
            assertTrue(e.getMessage().contains("is being written by another process"), e.getMessage());
        }
        // the lock is released on close
        ArticleIndexer.open(index).close();
    }

    @Test
    void commitRecordsTheSchema() throws IOException {
        articles(1);
        run(1, archive);
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            Map<String, String> expected = new java.util.HashMap<>(ArticleSchema.commitData());
            expected.put(ArticleSchema.COMMIT_ENTITY_MODEL, "none");
            expected.put(ArticleSchema.COMMIT_ROOTS, archive.toRealPath().toString());
            assertEquals(expected, reader.getIndexCommit().getUserData());
        }
    }

    /** An extractor that finds nothing, named {@code version}. */
    private static org.newsarchive.entity.EntityExtractor model(String version) {
        return new org.newsarchive.entity.EntityExtractor() {
            @Override
            public org.newsarchive.entity.ArticleEntities extract(String headline, String body) {
                return org.newsarchive.entity.ArticleEntities.NONE;
            }

            @Override
            public String version() {
                return version;
            }
        };
    }

    /** Runs {@code index} (or a rebuild) with the extractor; returns the notes it heard and the recorded models. */
    private List<String> runWith(String version, boolean rebuild, List<String> notes) throws IOException {
        List<String> heard = new ArrayList<>();
        try (ArticleIndexer indexer = rebuild ? ArticleIndexer.openForRebuild(index, model(version))
                : ArticleIndexer.open(index, model(version))) {
            indexer.index(List.of(archive), IndexSettings.defaults(), new IndexListener() {
                @Override
                public void note(String message) {
                    heard.add(message);
                }
            });
        }
        notes.addAll(heard);
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            return List.of(reader.getIndexCommit().getUserData().get(ArticleSchema.COMMIT_ENTITY_MODEL).split(","));
        }
    }

    @Test
    void anotherEntityModelIsNotedUntilARebuild() throws IOException {
        articles(2);
        List<String> notes = new ArrayList<>();
        assertEquals(List.of("model-a"), runWith("model-a", false, notes));
        assertEquals(List.of(), notes);
        articles(3);
        assertEquals(List.of("model-a", "model-b"), runWith("model-b", false, notes), "the index holds both");
        assertEquals(List.of("the articles already indexed had their entities recognised by model-a, this run "
                + "recognises them with model-b; run 'newsarchive reindex' to recognise them all alike"), notes);
        notes.clear();
        articles(4);
        runWith("model-b", false, notes);
        assertEquals(1, notes.size(), "still mixed: " + notes);
        notes.clear();
        assertEquals(List.of("model-b"), runWith("model-b", true, notes));
        assertEquals(List.of(), notes, "a rebuild recognises every article again");
        articles(5);
        runWith("model-b", false, notes);
        assertEquals(List.of(), notes);
    }

    @Test
    void aFileWithTheSameSizeAndTimeIsNotReadAgain() throws IOException {
        articles(3);
        run(1, archive);
        Path file = archive.resolve("y0/a0.txt");
        var time = Files.getLastModifiedTime(file);
        String original = Files.readString(file);
        // same size, same time, different bytes: only a read would notice
        Files.writeString(file, original.replace("Title 0", "Eltit 0"));
        Files.setLastModifiedTime(file, time);
        IndexReport report = run(1, archive);
        assertEquals(3, report.unchanged());
        try (var searcher = org.newsarchive.query.ArchiveSearcher.open(index)) {
            String id = org.newsarchive.ingest.ArticleId.of(file.toRealPath());
            assertEquals("Title 0", searcher.find(id).orElseThrow().headline());
        }
    }

    @Test
    void aTouchedButUnchangedFileIsUnchangedAndNotRewritten() throws IOException {
        articles(2);
        run(1, archive);
        Path file = archive.resolve("y0/a0.txt");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(
                Files.getLastModifiedTime(file).toMillis() + 60_000));
        IndexReport touched = run(1, archive);
        assertEquals(0, touched.updated());
        assertEquals(2, touched.unchanged());
        // the new time was recorded: now changing the bytes while keeping size and time goes unnoticed
        String text = Files.readString(file);
        var time = Files.getLastModifiedTime(file);
        Files.writeString(file, text.replace("Title 0", "Eltit 0"));
        Files.setLastModifiedTime(file, time);
        assertEquals(2, run(1, archive).unchanged());
    }

    @Test
    void pruneRemovesArticlesOfVanishedFilesUnderTheGivenPathsOnly() throws IOException {
        articles(6);
        Path other = Files.createDirectories(archive.resolveSibling(archive.getFileName() + "-other"));
        write(other.resolve("o.txt"), " date 2023-03-03 Other\n\nElsewhere.\n");
        run(1, archive, other);
        Files.delete(archive.resolve("y0/a0.txt"));
        Files.delete(other.resolve("o.txt"));
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            IndexReport kept = indexer.index(List.of(archive), new IndexSettings(1, 1 << 20), IndexListener.NONE);
            assertEquals(0, kept.deleted(), "no pruning unless asked");
        }
        IndexReport pruned;
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            pruned = indexer.index(List.of(archive), new IndexSettings(1, 1 << 20).withPrune(true), IndexListener.NONE);
        }
        assertEquals(1, pruned.deleted());
        assertEquals(6, pruned.articles(), "five left under the archive, and the other folder's article");
        assertTrue(indexed().containsValue(other.resolve("o.txt").toString()));
    }

    @Test
    void aFileThatTurnsBadKeepsItsLastGoodArticle() throws IOException {
        articles(2);
        run(1, archive);
        write(archive.resolve("y0/a0.txt"), "no date any more\n");
        IndexReport report = run(1, archive);
        assertEquals(1, report.rejected().size());
        assertEquals(2, indexed().size());
    }

    @Test
    void longRunsCommitPeriodically() throws IOException {
        articles(25);
        try (ArticleIndexer indexer = ArticleIndexer.open(index)) {
            indexer.index(List.of(archive), new IndexSettings(1, 1 << 20).withCommitEvery(5), IndexListener.NONE);
        }
        try (var dir = FSDirectory.open(index)) {
            long generation = org.apache.lucene.index.SegmentInfos.getLastCommitGeneration(dir);
            assertTrue(generation >= 5, "commits: " + generation);
        }
        assertEquals(25, indexed().size());
    }

    @Test
    void aRebuildReplacesTheIndexOnlyAtItsCommit() throws IOException {
        articles(4);
        run(2, archive);
        Files.delete(archive.resolve("y1/a1.txt"));
        write(archive.resolve("new/n.txt"), " date 2024-01-01 New\n\nNew article.\n");
        try (var dir = FSDirectory.open(index); var oldReader = DirectoryReader.open(dir)) {
            try (ArticleIndexer rebuild = ArticleIndexer.openForRebuild(index, org.newsarchive.entity.EntityExtractor.NONE)) {
                IndexReport report = rebuild.index(List.of(archive), new IndexSettings(1, 1 << 20).withCommitEvery(1),
                        IndexListener.NONE);
                assertEquals(4, report.added());
                assertEquals(4, report.articles());
            }
            assertEquals(4, oldReader.numDocs(), "a reader opened before keeps its snapshot");
        }
        Map<String, String> now = indexed();
        assertEquals(4, now.size());
        assertTrue(now.containsValue(archive.resolve("new/n.txt").toRealPath().toString()));
        assertTrue(!now.containsValue(archive.resolve("y1/a1.txt").toString()));
    }

    @Test
    void anAbandonedRebuildLeavesTheOldIndexWhole() throws IOException {
        articles(4);
        run(1, archive);
        Files.delete(archive.resolve("y1/a1.txt"));
        try (ArticleIndexer rebuild = ArticleIndexer.openForRebuild(index, org.newsarchive.entity.EntityExtractor.NONE)) {
            // closed without indexing: as if the process died before the final commit
            assertEquals(index, rebuild.location());
        }
        assertEquals(4, indexed().size());
    }

    @Test
    void runsRecordTheirPathsAndARebuildRecordsOnlyItsOwn() throws IOException {
        articles(2);
        Path other = Files.createDirectories(archive.resolveSibling(archive.getFileName() + "-2"));
        write(other.resolve("o.txt"), " date 2023-03-03 Other\n\nElsewhere.\n");
        run(1, archive);
        run(1, other);
        assertEquals(archive.toRealPath() + "\n" + other.toRealPath(), commitData().get(ArticleSchema.COMMIT_ROOTS));
        try (ArticleIndexer rebuild = ArticleIndexer.openForRebuild(index, org.newsarchive.entity.EntityExtractor.NONE)) {
            rebuild.index(List.of(other), new IndexSettings(1, 1 << 20), IndexListener.NONE);
        }
        assertEquals(other.toRealPath().toString(), commitData().get(ArticleSchema.COMMIT_ROOTS));
        assertEquals(1, indexed().size());
    }

    private Map<String, String> commitData() throws IOException {
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            return reader.getIndexCommit().getUserData();
        }
    }

    @Test
    void anIndexOfAnotherSchemaMustBeRebuiltNotAddedTo() throws IOException {
        articles(2);
        run(1, archive);
        try (var dir = FSDirectory.open(index);
                var writer = new org.apache.lucene.index.IndexWriter(dir,
                        new org.apache.lucene.index.IndexWriterConfig(ArticleSchema.analyzer()))) {
            writer.setLiveCommitData(Map.of(ArticleSchema.COMMIT_SCHEMA_VERSION, "1").entrySet());
            writer.commit();
        }
        IndexLocationException e = assertThrows(IndexLocationException.class, () -> run(1, archive));
        assertEquals("cannot add to the index at " + index + ": the index was built with schema version 1, this is version "
                + ArticleSchema.VERSION + "; rebuild it with 'newsarchive reindex'", e.getMessage());
        try (ArticleIndexer rebuild = ArticleIndexer.openForRebuild(index, org.newsarchive.entity.EntityExtractor.NONE)) {
            assertEquals(2, rebuild.index(List.of(archive), new IndexSettings(1, 1 << 20), IndexListener.NONE).articles());
        }
    }
}
