package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.schema.ArticleSchema;

/**
 * The index as it was when a run started: which articles it has, and the size, modification time
 * and hash of the file each came from. Lookups read the id's postings and two doc-value columns,
 * never stored documents, so deciding that 20,000 files are unchanged costs milliseconds.
 * Thread-safe (every lookup makes its own iterators).
 */
final class IndexedFiles implements Closeable {

    /** What the index knows of an article's source file. */
    record Indexed(long size, long modifiedMillis) {
    }

    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private IndexedFiles(DirectoryReader reader) {
        this.reader = reader;
        this.searcher = reader == null ? null : new IndexSearcher(reader);
        if (searcher != null) {
            searcher.setQueryCache(null);
        }
    }

    /** A snapshot of the last commit in {@code directory}, or an empty one when there is none. */
    static IndexedFiles of(Directory directory) throws IOException {
        return new IndexedFiles(DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null);
    }

    /** A snapshot that knows no article, for a rebuild from scratch. */
    static IndexedFiles empty() {
        return new IndexedFiles(null);
    }

    /** Whether there was no index before this run. */
    boolean isEmpty() {
        return reader == null;
    }

    /** What the last commit recorded, empty when there is none. */
    Map<String, String> commitData() throws IOException {
        return reader == null ? Map.of() : reader.getIndexCommit().getUserData();
    }

    /** The stamp of the article with this id, or null when the index does not have it. */
    Indexed find(String id) throws IOException {
        if (reader == null) {
            return null;
        }
        BytesRef term = new BytesRef(id);
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Terms terms = leaf.terms(ArticleSchema.ID);
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (!termsEnum.seekExact(term)) {
                continue;
            }
            PostingsEnum postings = termsEnum.postings(null, PostingsEnum.NONE);
            Bits live = leaf.getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if (live == null || live.get(doc)) {
                    return new Indexed(value(leaf, ArticleSchema.SIZE, doc), value(leaf, ArticleSchema.MODIFIED, doc));
                }
            }
        }
        return null;
    }

    private static long value(LeafReader leaf, String field, int doc) throws IOException {
        NumericDocValues values = leaf.getNumericDocValues(field);
        return values != null && values.advanceExact(doc) ? values.longValue() : -1;
    }

    /** Whether the article with this id was indexed from a file with these bytes. */
    boolean hasHash(String id, String sha256) throws IOException {
        if (searcher == null) {
            return false;
        }
        TopDocs found = searcher.search(ArticleSchema.idQuery(id), 1);
        if (found.scoreDocs.length == 0) {
            return false;
        }
        String stored = searcher.storedFields().document(found.scoreDocs[0].doc, Set.of(ArticleSchema.HASH))
                .get(ArticleSchema.HASH);
        return sha256.equals(stored);
    }

    /** Ids of the articles whose source paths the query matches. */
    List<String> idsMatching(Query pathQuery) throws IOException {
        if (searcher == null) {
            return List.of();
        }
        TopDocs top = searcher.search(pathQuery, Math.max(1, reader.maxDoc()));
        List<String> ids = new ArrayList<>(top.scoreDocs.length);
        var stored = searcher.storedFields();
        for (ScoreDoc hit : top.scoreDocs) {
            ids.add(stored.document(hit.doc, Set.of(ArticleSchema.ID)).get(ArticleSchema.ID));
        }
        return ids;
    }

    @Override
    public void close() throws IOException {
        if (reader != null) {
            reader.close();
        }
    }
}
