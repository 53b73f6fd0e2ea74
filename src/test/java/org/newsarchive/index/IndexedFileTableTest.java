package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/**
 * The in-memory table a store elsewhere (SolrCloud) fills from what it reads back: every decision
 * of {@link ChangeDecisionTest} again, judged against a table holding the rows of the same index,
 * and the table's own bookkeeping.
 */
class IndexedFileTableTest extends ChangeDecisionTest {

    /** The rows of the index's documents, as a store would read them back. */
    @Override
    IndexedFiles snapshot(Directory directory) throws IOException {
        IndexedFileTable.Builder table = IndexedFileTable.builder();
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            table.commitData(reader.getIndexCommit().getUserData());
            for (LeafReaderContext leaf : reader.leaves()) {
                NumericDocValues modified = leaf.reader().getNumericDocValues(ArticleFields.MODIFIED.name());
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    var stored = ArticleSchema.fromDocument(leaf.reader().storedFields().document(doc));
                    assertTrue(modified.advanceExact(doc));
                    table.add(stored.id(), stored.path(), stored.sizeBytes(), modified.longValue(), stored.sha256());
                }
            }
        }
        return table.build();
    }

    @Test
    void aRowWithAKnownIdMovesTheArticleToItsNewFile() throws IOException {
        String hash = "ab".repeat(32);
        IndexedFileTable table = IndexedFileTable.builder()
                .add("00000000000000a1", "/x/one.jsonl", 10, 100, hash)
                .add("00000000000000a2", "/x/one.jsonl", 10, 100, "not-hex")
                .add("00000000000000a1", "/x/two.jsonl", 20, 200, hash)
                .build();
        assertEquals(2, table.size());
        assertEquals(List.of("00000000000000a2"), table.idsWithPath("/x/one.jsonl"));
        assertEquals(new IndexedFiles.Source("/x/two.jsonl", hash), table.source("00000000000000a1"));
        assertEquals(new IndexedFiles.Source("/x/one.jsonl", "not-hex"), table.source("00000000000000a2"));
        assertEquals(new IndexedFiles.Indexed("00000000000000a1", 20, 200), table.findByPath("/x/two.jsonl"));
        assertEquals(Map.of("/x/one.jsonl", 1L, "/x/two.jsonl", 1L), table.pathsStartingWith("/x/"));
        assertEquals(Map.of(), table.pathsStartingWith("/y"));
        assertTrue(table.hasHash("00000000000000a1", hash));
        assertFalse(table.hasHash("00000000000000a2", hash));
        assertNull(table.findByPath("/x/three.jsonl"));
        assertFalse(table.isEmpty());
    }

    @Test
    void emptyMeansNoArticleAndNoCommitData() {
        assertTrue(IndexedFiles.empty().isEmpty());
        assertFalse(IndexedFileTable.builder().commitData(Map.of(ArticleSchema.COMMIT_SCHEMA_VERSION, "5")).build().isEmpty());
    }
}
