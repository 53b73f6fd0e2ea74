package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeferrableMergePolicyTest {

    @TempDir
    Path dir;

    private static IndexWriter writer(Directory directory, DeferrableMergePolicy policy) throws IOException {
        return new IndexWriter(directory, new IndexWriterConfig(new KeywordAnalyzer())
                .setMergePolicy(policy).setMergeScheduler(new SerialMergeScheduler()));
    }

    private static void commitOneDocument(IndexWriter writer, int i) throws IOException {
        Document doc = new Document();
        doc.add(new StringField("id", "d" + i, Field.Store.NO));
        writer.addDocument(doc);
        writer.commit();
    }

    private static int segments(IndexWriter writer) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(writer)) {
            return reader.leaves().size();
        }
    }

    @Test
    void deferredNothingIsMergedBelowTheLimitAndForcedMergesStillRun() throws IOException {
        DeferrableMergePolicy policy = new DeferrableMergePolicy();
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = writer(directory, policy)) {
            policy.defer();
            for (int i = 0; i < 30; i++) {
                commitOneDocument(writer, i);
            }
            assertEquals(30, segments(writer)); // the tiered policy alone would have merged these
            writer.forceMerge(10);
            assertTrue(segments(writer) <= 10);
            assertEquals(30, writer.getDocStats().numDocs);
        }
    }

    @Test
    void resumedTheTieredPolicyMergesAgain() throws IOException {
        DeferrableMergePolicy policy = new DeferrableMergePolicy();
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = writer(directory, policy)) {
            policy.defer();
            policy.resume();
            for (int i = 0; i < 30; i++) {
                commitOneDocument(writer, i);
            }
            assertTrue(segments(writer) < 30, "segments: " + segments(writer));
        }
    }

    @Tag("slow") // commits documents one at a time up to the merge limit
    @Test
    void pastTheLimitItMergesEvenWhenDeferred() throws IOException {
        DeferrableMergePolicy policy = new DeferrableMergePolicy();
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = writer(directory, policy)) {
            policy.defer();
            for (int i = 0; i < DeferrableMergePolicy.MAX_DEFERRED_SEGMENTS + 5; i++) {
                commitOneDocument(writer, i);
            }
            assertTrue(segments(writer) <= DeferrableMergePolicy.MAX_DEFERRED_SEGMENTS, "segments: " + segments(writer));
            assertEquals(DeferrableMergePolicy.MAX_DEFERRED_SEGMENTS + 5, writer.getDocStats().numDocs);
        }
    }
}
