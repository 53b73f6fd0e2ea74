package org.newsarchive.index;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The {@link IndexedFiles} of a local index: its last commit, read through a
 * {@link DirectoryReader}. Lookups by path read the path's postings and doc-value columns, never
 * stored documents, so deciding that 20,000 files are unchanged costs milliseconds.
 * Thread-safe (every lookup makes its own iterators).
 */
final class LuceneIndexedFiles implements IndexedFiles {

    private final DirectoryReader reader;

    private LuceneIndexedFiles(DirectoryReader reader) {
        this.reader = reader;
    }

    /** A snapshot of the last commit in {@code directory}, or an empty one when there is none. */
    static IndexedFiles of(Directory directory) throws IOException {
        return DirectoryReader.indexExists(directory) ? new LuceneIndexedFiles(DirectoryReader.open(directory))
                : IndexedFiles.empty();
    }

    @Override
    public boolean isEmpty() {
        return false;
    }

    @Override
    public Map<String, String> commitData() throws IOException {
        return reader.getIndexCommit().getUserData();
    }

    /** Reads the path's postings and doc values only. */
    @Override
    public Indexed findByPath(String path) throws IOException {
        Indexed[] found = {null};
        forEachLive(ArticleFields.PATH.name(), path, (leaf, doc) -> {
            found[0] = new Indexed(id(leaf, doc), value(leaf, ArticleFields.SIZE.name(), doc), value(leaf, ArticleFields.MODIFIED.name(), doc));
            return false;
        });
        return found[0];
    }

    @Override
    public boolean contains(String id) throws IOException {
        boolean[] found = {false};
        forEachLive(ArticleFields.ID.name(), id, (leaf, doc) -> {
            found[0] = true;
            return false;
        });
        return found[0];
    }

    /** Visits a live document; returns whether to go on. */
    @FunctionalInterface
    private interface LiveDocument {
        boolean visit(LeafReader leaf, int doc) throws IOException;
    }

    /** Visits the live documents with {@code value} in the keyword {@code field}, until told to stop. */
    private void forEachLive(String field, String value, LiveDocument visitor) throws IOException {
        BytesRef term = new BytesRef(value);
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            PostingsEnum postings = postings(leaf, field, term);
            if (postings == null) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                if ((live == null || live.get(doc)) && !visitor.visit(leaf, doc)) {
                    return;
                }
            }
        }
    }

    @Override
    public Source source(String id) throws IOException {
        Source[] found = {null};
        forEachLive(ArticleFields.ID.name(), id, (leaf, doc) -> {
            var stored = leaf.storedFields().document(doc, SOURCE_FIELDS);
            found[0] = new Source(ArticleFields.PATH.read(stored), ArticleFields.HASH.read(stored));
            return false;
        });
        return found[0];
    }

    private static final Set<String> SOURCE_FIELDS = Set.of(ArticleFields.PATH.name(), ArticleFields.HASH.name());

    /** From the id's doc values. */
    @Override
    public List<String> idsWithPath(String path) throws IOException {
        List<String> ids = new ArrayList<>();
        forEachLive(ArticleFields.PATH.name(), path, (leaf, doc) -> {
            String id = id(leaf, doc);
            if (id != null) {
                ids.add(id);
            }
            return true;
        });
        return ids;
    }

    /** Reads the path terms, one per file, not the documents. */
    @Override
    public Map<String, Long> pathsStartingWith(String prefix) throws IOException {
        Map<String, Long> paths = new TreeMap<>();
        BytesRef start = new BytesRef(prefix);
        for (LeafReaderContext context : reader.leaves()) {
            LeafReader leaf = context.reader();
            Terms terms = leaf.terms(ArticleFields.PATH.name());
            if (terms == null) {
                continue;
            }
            TermsEnum termsEnum = terms.iterator();
            if (termsEnum.seekCeil(start) == TermsEnum.SeekStatus.END) {
                continue;
            }
            Bits live = leaf.getLiveDocs();
            PostingsEnum postings = null;
            for (BytesRef term = termsEnum.term(); term != null; term = termsEnum.next()) {
                if (!StringHelper.startsWith(term, start)) {
                    break;
                }
                postings = termsEnum.postings(postings, PostingsEnum.NONE);
                long count = 0;
                for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
                    if (live == null || live.get(doc)) {
                        count++;
                    }
                }
                if (count > 0) {
                    paths.merge(term.utf8ToString(), count, Long::sum);
                }
            }
        }
        return paths;
    }

    private static PostingsEnum postings(LeafReader leaf, String field, BytesRef term) throws IOException {
        Terms terms = leaf.terms(field);
        if (terms == null) {
            return null;
        }
        TermsEnum termsEnum = terms.iterator();
        return termsEnum.seekExact(term) ? termsEnum.postings(null, PostingsEnum.NONE) : null;
    }

    private static String id(LeafReader leaf, int doc) throws IOException {
        SortedDocValues ids = ArticleFields.ID.values(leaf);
        return ids.advanceExact(doc) ? ids.lookupOrd(ids.ordValue()).utf8ToString() : null;
    }

    private static long value(LeafReader leaf, String field, int doc) throws IOException {
        NumericDocValues values = leaf.getNumericDocValues(field);
        return values != null && values.advanceExact(doc) ? values.longValue() : -1;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
