package org.newsarchive.query.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.util.Bits;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;

/**
 * An index opened for evaluation: a point-in-time reader and the docid scheme of the qrels.
 * Opened and refused exactly as {@code ArchiveSearcher} does (same messages), so {@code eval}
 * fails like every other command on a missing or damaged index.
 */
public final class EvalIndex implements Closeable {

    private final OpenIndex index;
    private final DirectoryReader reader;
    private final DocIdScheme scheme;

    private EvalIndex(OpenIndex index, DocIdScheme scheme) {
        this.index = index;
        this.reader = index.reader();
        this.scheme = scheme;
    }

    /**
     * Opens the index at {@code location}.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    public static EvalIndex open(Path location, DocIdScheme scheme) throws IndexUnavailableException {
        return new EvalIndex(OpenIndex.open(location), scheme);
    }

    /** The reader (do not close it). */
    public DirectoryReader reader() {
        return reader;
    }

    /** What names articles in the qrels. */
    public DocIdScheme scheme() {
        return scheme;
    }

    /** What the commit recorded (schema version, analyzer ...). */
    public Map<String, String> commitData() throws IOException {
        return index.commitData();
    }

    /** The docid of the document {@code doc}, read with {@code stored}. */
    String docid(StoredFields stored, int doc) throws IOException {
        Document document = stored.document(doc, Set.of(scheme.field()));
        return scheme.of(document);
    }

    /** The docids of every live article. */
    public Set<String> docids() throws IOException {
        Set<String> all = new HashSet<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            StoredFields stored = leaf.reader().storedFields();
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                if (live == null || live.get(doc)) {
                    all.add(docid(stored, doc));
                }
            }
        }
        return all;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
