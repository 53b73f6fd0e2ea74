package org.newsarchive.query.eval;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.Bits;
import org.newsarchive.query.IndexUnavailableException;

/**
 * An index opened for evaluation: a point-in-time reader and the docid scheme of the qrels.
 * Opened and refused exactly as {@code ArchiveSearcher} does (same messages), so {@code eval}
 * fails like every other command on a missing or damaged index.
 */
public final class EvalIndex implements Closeable {

    private static final String REBUILD_ADVICE =
            "rebuild it with 'newsarchive reindex PATH...' (the paths it was built from)";

    private final Directory directory;
    private final DirectoryReader reader;
    private final DocIdScheme scheme;

    private EvalIndex(Directory directory, DirectoryReader reader, DocIdScheme scheme) {
        this.directory = directory;
        this.reader = reader;
        this.scheme = scheme;
    }

    /**
     * Opens the index at {@code location}.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    public static EvalIndex open(Path location, DocIdScheme scheme) throws IndexUnavailableException {
        if (!Files.isDirectory(location)) {
            throw new IndexUnavailableException("no index at " + location + ": run 'newsarchive index PATH...' first");
        }
        Directory directory = null;
        try {
            directory = FSDirectory.open(location);
            if (!DirectoryReader.indexExists(directory)) {
                throw new IndexUnavailableException("no index at " + location
                        + ": run 'newsarchive index PATH...' first");
            }
            return new EvalIndex(directory, DirectoryReader.open(directory), scheme);
        } catch (IndexUnavailableException e) {
            closeQuietly(directory);
            throw e;
        } catch (IndexFormatTooOldException | IndexFormatTooNewException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("the index at " + location
                    + " is corrupt or was written by an incompatible version; " + REBUILD_ADVICE, e);
        } catch (IOException | RuntimeException e) {
            closeQuietly(directory);
            throw new IndexUnavailableException("cannot read the index at " + location + " ("
                    + e.getClass().getSimpleName() + "); " + REBUILD_ADVICE, e);
        }
    }

    private static void closeQuietly(Directory directory) {
        if (directory != null) {
            try {
                directory.close();
            } catch (IOException | RuntimeException suppressed) {
                // already failing: the first error is the one to report
            }
        }
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
        return Map.copyOf(reader.getIndexCommit().getUserData());
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
        try {
            reader.close();
        } finally {
            directory.close();
        }
    }
}
