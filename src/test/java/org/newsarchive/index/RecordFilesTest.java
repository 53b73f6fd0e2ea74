package org.newsarchive.index;

import org.newsarchive.schema.ArticleFields;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.MultiBits;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.ArticleId;
import org.newsarchive.ingest.FieldMap;
import org.newsarchive.ingest.ParseOutcome.Rejected;

/** Files of many records (JSON lines, JSON arrays, standard input) through the indexer. */
class RecordFilesTest {

    @TempDir
    Path archive;

    @TempDir
    Path index;

    /** Counts the articles that reach analysis: the proof of what a run really (re)indexed. */
    final AtomicInteger analysed = new AtomicInteger();
    final EntityExtractor counting = (headline, body) -> {
        analysed.incrementAndGet();
        return ArticleEntities.NONE;
    };
    final List<String> rejections = Collections.synchronizedList(new ArrayList<>());
    final List<String> skips = Collections.synchronizedList(new ArrayList<>());
    final IndexListener listener = new IndexListener() {
        @Override
        public void rejected(Rejected rejected) {
            rejections.add(rejected.message());
        }

        @Override
        public void skipped(Path path, String why) {
            skips.add(path + ": " + why);
        }
    };

    static String record(int n) {
        return "{\"title\": \"Story " + n + "\", \"maintext\": \"Text of story " + n + ".\","
                + " \"date_publish\": \"2023-12-" + (10 + n % 20) + " 08:00:00\", \"url\": \"https://example.com/" + n + "\"}";
    }

    static String lines(int from, int to) {
        StringBuilder out = new StringBuilder();
        for (int n = from; n <= to; n++) {
            out.append(record(n)).append('\n');
        }
        return out.toString();
    }

    IndexReport run(Path... roots) throws IOException {
        return run(IndexSettings.defaults().withPrune(true), null, roots);
    }

    IndexReport run(IndexSettings settings, InputStream stdin, Path... roots) throws IOException {
        analysed.set(0);
        rejections.clear();
        skips.clear();
        try (ArticleIndexer indexer = ArticleIndexer.open(index, counting)) {
            return indexer.index(List.of(roots), stdin, settings, listener);
        }
    }

    /** Headline by id, with the duplicate check of the live documents. */
    Map<String, String> indexed() throws IOException {
        try (var dir = FSDirectory.open(index); var reader = DirectoryReader.open(dir)) {
            Map<String, String> byId = new TreeMap<>();
            var live = MultiBits.getLiveDocs(reader);
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                var d = reader.storedFields().document(doc);
                String previous = byId.put(d.get(ArticleFields.ID.name()), d.get(ArticleFields.HEADLINE.name()) + " @ " + d.get(ArticleFields.PATH.name()));
                assertEquals(null, previous, "duplicate id " + d.get(ArticleFields.ID.name()));
            }
            return byId;
        }
    }

    static String id(int n) {
        return ArticleId.ofUrl("https://example.com/" + n);
    }

    static void touch(Path file, long millis) throws IOException {
        Files.setLastModifiedTime(file, FileTime.fromMillis(millis));
    }

    @Test
    void appendedLinesAreTheOnlyLinesIndexedAgain() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 3));
        IndexReport first = run(archive);
        assertEquals(3, first.added());
        assertEquals(3, analysed.get());

        Files.writeString(feed, lines(4, 5) + "{broken\n", StandardOpenOption.APPEND);
        IndexReport second = run(archive);
        assertEquals(2, second.added());
        assertEquals(3, second.unchanged());
        assertEquals(2, analysed.get()); // lines 1-3 were not read again
        assertEquals(List.of(feed.toRealPath() + ":6: bad JSON: unexpected character ('b' (code 98)): was expecting"
                + " double-quote to start field name (column 2)"), rejections);
        assertEquals(5, indexed().size());

        IndexReport third = run(archive); // untouched: nothing read, nothing rejected again
        assertEquals(0, third.added());
        assertEquals(5, third.unchanged());
        assertEquals(0, analysed.get());
        assertEquals(List.of(), rejections);
    }

    @Test
    void aRewrittenFileIsReadWholeAndItsVanishedRecordsDeleted() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 4));
        run(archive);
        // line 2 edited, line 4 removed: not an append
        Files.writeString(feed, record(1) + "\n" + record(2).replace("Story 2", "Story two") + "\n" + record(3) + "\n");
        IndexReport report = run(archive);
        assertEquals(0, report.added());
        assertEquals(1, report.updated());
        assertEquals(2, report.unchanged());
        assertEquals(1, report.deleted());
        assertEquals(1, analysed.get());
        Map<String, String> now = indexed();
        assertEquals(3, now.size());
        assertEquals("Story two @ " + feed.toRealPath(), now.get(id(2)));
    }

    @Test
    void aBrokenLineInARewrittenFileDeletesNothing() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 3));
        run(archive);
        Files.writeString(feed, record(1) + "\n" + record(2).substring(0, 40) + "\n"); // line 2 broken, line 3 gone
        IndexReport report = run(archive);
        assertEquals(1, report.rejectedCount());
        assertEquals(0, report.deleted());
        assertEquals(3, indexed().size());
    }

    @Test
    void aSyntaxErrorInAJsonArrayDeletesNothing() throws IOException {
        Path export = archive.resolve("export.json");
        Files.writeString(export, "[" + record(1) + ",\n" + record(2) + ",\n" + record(3) + "]");
        run(archive);
        Files.writeString(export, "[" + record(1) + ",\n{oops},\n" + record(3) + "]");
        IndexReport report = run(archive);
        assertEquals(1, report.rejectedCount());
        assertEquals(0, report.deleted());
        assertEquals(3, indexed().size());
    }

    @Test
    void aLineBeingWrittenIsReadAgainWhenComplete() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        String partial = record(3).substring(0, 30);
        Files.writeString(feed, lines(1, 2) + partial);
        IndexReport first = run(archive);
        assertEquals(2, first.added());
        assertEquals(1, first.rejectedCount()); // the half line, reported
        Files.writeString(feed, record(3).substring(30) + "\n", StandardOpenOption.APPEND);
        IndexReport second = run(archive);
        assertEquals(1, second.added());
        assertEquals(0, second.rejectedCount());
        assertEquals(3, indexed().size());
    }

    @Test
    void aCompleteLastLineWithoutLineBreakIsNotIndexedTwice() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 1) + record(2));
        assertEquals(2, run(archive).added());
        Files.writeString(feed, "\n" + record(3) + "\n", StandardOpenOption.APPEND);
        IndexReport second = run(archive);
        assertEquals(1, second.added());
        assertEquals(2, second.unchanged()); // line 1 skipped, line 2 read again and recognised
        assertEquals(1, analysed.get());
        assertEquals(3, indexed().size());
    }

    static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    @Test
    void gzipFilesRoundTripAndGrowByMembers() throws IOException {
        Path feed = archive.resolve("feed.jsonl.gz");
        Files.write(feed, gzip(lines(1, 3)));
        Path one = archive.resolve("one.json.gz");
        Files.write(one, gzip(record(10)));
        Path seed = archive.resolve("old.txt.gz");
        Files.write(seed, gzip(" date 1987-02-26 \nCOCOA TALKS RESUME\n\nTalks resumed on Thursday.\n"));
        IndexReport first = run(archive);
        assertEquals(5, first.added());
        assertEquals(List.of(), rejections);
        Map<String, String> byId = indexed();
        assertEquals("Story 2 @ " + feed.toRealPath(), byId.get(id(2)));
        assertEquals("Story 10 @ " + one.toRealPath(), byId.get(id(10)));
        assertEquals("COCOA TALKS RESUME @ " + seed.toRealPath(), byId.get(ArticleId.of(seed.toRealPath())));

        Files.write(feed, gzip(lines(4, 4)), StandardOpenOption.APPEND); // gzip -c more >> feed.jsonl.gz
        IndexReport second = run(archive);
        assertEquals(1, second.added());
        assertEquals(1, analysed.get());
        assertEquals(6, indexed().size());
    }

    @Test
    void aTruncatedGzipFileKeepsTheLinesBeforeTheBreak() throws IOException {
        Path feed = archive.resolve("feed.jsonl.gz");
        byte[] whole = gzip(lines(1, 2000));
        Files.write(feed, java.util.Arrays.copyOf(whole, whole.length / 2));
        IndexReport report = run(archive);
        assertEquals(1, rejections.size());
        String rejection = rejections.get(0);
        long added = report.added();
        assertTrue(added > 100 && added < 2000, "added " + added);
        assertEquals(feed.toRealPath() + ":" + (added + 1) + ": unreadable: unexpected end of ZLIB input stream"
                + " (the lines before were read)", rejection);
        assertEquals(added, indexed().size());
        Files.write(feed, whole); // the complete file: read whole again, the first part recognised
        IndexReport again = run(archive);
        assertEquals(2000 - added, again.added());
        assertEquals(added, again.unchanged());
    }

    @Test
    void jsonFilesHoldOneArticleOrAnArray() throws IOException {
        Path one = archive.resolve("2023/one.json");
        Files.createDirectories(one.getParent());
        Files.writeString(one, record(1));
        Path many = archive.resolve("export.json");
        Files.writeString(many, "[" + record(2) + ",\n" + record(3) + ",\n" + record(4) + "]");
        assertEquals(4, run(archive).added());

        touch(many, 1_000_000_000_000L); // touched, not changed
        IndexReport touched = run(archive);
        assertEquals(0, touched.added() + touched.updated());
        assertEquals(4, touched.unchanged());
        assertEquals(0, analysed.get());

        Files.writeString(many, "[" + record(2) + ",\n" + record(4) + "]");
        IndexReport changed = run(archive);
        assertEquals(1, changed.deleted());
        assertEquals(0, analysed.get()); // records 2 and 4 are as indexed
        assertEquals(3, indexed().size());
    }

    @Test
    void aSingleArticleFileWhoseUrlChangedReplacesItsArticle() throws IOException {
        Path one = archive.resolve("one.json");
        Files.writeString(one, record(1));
        run(archive);
        Files.writeString(one, record(1).replace("example.com/1", "example.com/1b"));
        touch(one, 1_000_000_000_000L);
        IndexReport report = run(archive);
        assertEquals(1, report.added());
        assertEquals(1, report.deleted());
        assertEquals(List.of(ArticleId.ofUrl("https://example.com/1b")), List.copyOf(indexed().keySet()));
    }

    @Test
    void theSameUrlTwiceIsOneArticle() throws IOException {
        Files.writeString(archive.resolve("a.jsonl"), lines(1, 2) + record(1) + "\n");
        IndexReport report = run(archive);
        assertEquals(2, report.added());
        assertEquals(1, report.duplicates());
        assertEquals(2, indexed().size());
    }

    @Test
    void prunedFilesTakeTheirRecordsAndStateWithThem() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 3));
        Files.writeString(archive.resolve("keep.jsonl"), lines(7, 7));
        run(archive);
        Files.delete(feed);
        IndexReport pruned = run(archive);
        assertEquals(3, pruned.deleted());
        assertEquals(1, indexed().size());
        Files.writeString(feed, lines(1, 3)); // back again: read whole, as new
        assertEquals(3, run(archive).added());
    }

    @Test
    void filesOfOtherJsonArePassedOverInOneLine() throws IOException {
        StringBuilder tags = new StringBuilder();
        for (int i = 0; i < 150; i++) {
            tags.append("{\"file\": \"a").append(i).append(".txt\", \"topics\": [\"cocoa\"]}\n");
        }
        Path tagFile = archive.resolve("tags.jsonl");
        Files.writeString(tagFile, tags);
        Files.writeString(archive.resolve("package.json"), "{\"name\": \"x\", \"version\": \"1.0\"}");
        IndexReport report = run(archive);
        assertEquals(0, report.added());
        assertEquals(0, report.rejectedCount());
        assertEquals(List.of(archive.toRealPath().resolve("package.json") + ": not an article file: no title and no text",
                tagFile.toRealPath() + ": not an article file: its first 100 records have no title and no text"),
                skips.stream().sorted().toList());

        IndexReport again = run(archive); // remembered: passed over in silence, and not new to check
        assertEquals(0, again.added() + again.rejectedCount());
        assertEquals(List.of(), skips);
        assertEquals(List.of(), IndexChecker.check(index).newFiles());

        Files.writeString(tagFile, record(1) + "\n", StandardOpenOption.APPEND);
        touch(tagFile, 1_000_000_000_000L);
        run(archive); // changed: read again, and still no article file
        assertEquals(List.of(tagFile.toRealPath() + ": not an article file: its first 100 records have no title and no text"),
                skips);

        Files.delete(tagFile);
        run(archive); // pruned: its state goes too
        try (var dir = FSDirectory.open(index); IndexedFiles now = IndexedFiles.of(dir)) {
            assertEquals(List.of(archive.toRealPath().resolve("package.json").toString()),
                    List.copyOf(now.recordFileStates().keySet()));
        }
    }

    @Test
    void standardInputIsReadAsJsonLinesAndNotDuplicatedWhenSentAgain() throws IOException {
        byte[] input = (lines(1, 2) + "not json\n").getBytes(StandardCharsets.UTF_8);
        IndexReport first = run(IndexSettings.defaults(), new ByteArrayInputStream(input));
        assertEquals(2, first.added());
        assertEquals(List.of("<stdin>:3: bad JSON: unrecognized token 'not': was expecting (JSON String, Number,"
                + " Array, Object or token 'null', 'true' or 'false') (column 1)"), rejections);
        assertEquals("Story 1 @ <stdin>", indexed().get(id(1)));
        IndexReport again = run(IndexSettings.defaults(), new ByteArrayInputStream(input));
        assertEquals(0, again.added());
        assertEquals(2, again.unchanged());
        assertEquals(0, analysed.get());
    }

    @Test
    void aFieldMapIsRecordedAndUsedByLaterRuns() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, "{\"hed\": \"Custom\", \"story\": \"Text.\", \"when\": \"2023-12-22\"}\n");
        IndexSettings mapped = IndexSettings.defaults().withFieldMap(FieldMap.parse("hed=headline,story=text,when=date"));
        assertEquals(1, run(mapped, null, archive).added());
        Files.writeString(feed, "{\"hed\": \"Second\", \"story\": \"More.\", \"when\": \"2023-12-23\"}\n",
                StandardOpenOption.APPEND);
        assertEquals(1, run(archive).added()); // no --field-map: the recorded one
        assertEquals(List.of("Custom", "Second"), indexed().values().stream().map(v -> v.substring(0, v.indexOf(" @"))).sorted().toList());
    }

    @Test
    void checkComparesFilesOfManyRecordsWithTheirState() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 2));
        Path export = archive.resolve("export.json");
        Files.writeString(export, "[" + record(5) + "]");
        run(archive);
        touch(feed, 1_000_000_000_000L); // touched only
        CheckReport clean = IndexChecker.check(index);
        assertEquals(List.of(), clean.changed());
        assertEquals(List.of(), clean.newFiles());
        assertEquals(List.of(), clean.missing());
        Files.writeString(feed, record(3) + "\n", StandardOpenOption.APPEND);
        Files.delete(export);
        CheckReport after = IndexChecker.check(index);
        assertEquals(List.of(feed.toRealPath().toString()), after.changed());
        assertEquals(List.of(archive.toRealPath().resolve("export.json").toString()), after.missing());
    }

    @Test
    void aRebuildSaysWhatCameFromStandardInput() throws IOException {
        run(IndexSettings.defaults(), new ByteArrayInputStream(lines(1, 2).getBytes(StandardCharsets.UTF_8)));
        try (ArticleIndexer indexer = ArticleIndexer.openForRebuild(index, counting)) {
            indexer.index(List.of(archive), IndexSettings.defaults(), listener);
        }
        assertEquals(List.of("<stdin>: 2 articles were read from standard input and cannot be rebuilt: send them to"
                + " 'index -' again"), skips);
    }

    @Test
    void aRunThatDiesMidFileLosesNothingAndDuplicatesNothing() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, lines(1, 40));
        AtomicInteger calls = new AtomicInteger();
        EntityExtractor dying = (headline, body) -> {
            if (calls.incrementAndGet() == 25) {
                throw new IllegalStateException("disk on fire");
            }
            return ArticleEntities.NONE;
        };
        IndexSettings oneByOne = new IndexSettings(1, 1 << 20, false, 5, Duration.ofHours(1));
        try (ArticleIndexer indexer = ArticleIndexer.open(index, dying)) {
            assertThrows(IllegalStateException.class, () -> indexer.index(List.of(archive), oneByOne, IndexListener.NONE));
        }
        int survived = indexed().size();
        assertTrue(survived >= 20 && survived < 25, "committed before the failure: " + survived);
        IndexReport rerun = run(archive);
        assertEquals(40 - survived, rerun.added());
        assertEquals(survived, rerun.unchanged());
        assertEquals(40, indexed().size());
    }
}
