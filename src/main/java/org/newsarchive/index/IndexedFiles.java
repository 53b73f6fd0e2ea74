package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.apache.lucene.store.Directory;

/**
 * An archive as it was when a run started: which articles it has, the size, modification time and
 * hash of the file each came from, and what its last commit recorded (among which the state of
 * each file of many records). The {@link ChangeDecision} judges every file against it.
 *
 * <p>Two kinds: the local index's last commit ({@link #of(Directory)}), and a table held in
 * memory ({@link IndexedFileTable}) that a store elsewhere (a SolrCloud collection) fills from
 * what it reads back. Implementations are thread-safe: the walker and the workers ask at once.
 */
public interface IndexedFiles extends Closeable {

    /** What the archive knows of an article's source file: the article's id, the file's size and time. */
    record Indexed(String id, long size, long modifiedMillis) {
    }

    /** The file an article was indexed from, and the SHA-256 of its bytes. */
    record Source(String path, String sha256) {
    }

    /** A snapshot of the last commit of the local index in {@code directory}, or an empty one when there is none. */
    static IndexedFiles of(Directory directory) throws IOException {
        return LuceneIndexedFiles.of(directory);
    }

    /** A snapshot that knows no article and no commit, for a rebuild from scratch. */
    static IndexedFiles empty() {
        return IndexedFileTable.EMPTY;
    }

    /** Whether there was no archive before this run: nothing committed, no article. */
    boolean isEmpty();

    /** What the last commit recorded, empty when there is none. */
    Map<String, String> commitData() throws IOException;

    /**
     * The article indexed from the file at {@code path}, or null when the archive has none: the
     * first one, for a file of one article.
     */
    Indexed findByPath(String path) throws IOException;

    /** Whether the archive has an article with this id. */
    boolean contains(String id) throws IOException;

    /** Where an article came from and the hash of its bytes, or null when the archive does not have it. */
    Source source(String id) throws IOException;

    /** Ids of the articles indexed from the file at {@code path}. */
    List<String> idsWithPath(String path) throws IOException;

    /**
     * Every source path the archive has articles from, that starts with {@code prefix}, with how
     * many articles came from it, in path order.
     */
    Map<String, Long> pathsStartingWith(String prefix) throws IOException;

    /** Whether the article with this id was indexed from a file with these bytes. */
    default boolean hasHash(String id, String sha256) throws IOException {
        Source source = source(id);
        return source != null && sha256.equals(source.sha256());
    }

    /** The states of the files of many records, as the last commit recorded them. */
    default Map<String, RecordFileState> recordFileStates() throws IOException {
        return RecordFileState.decode(commitData().get(RecordFileState.COMMIT_KEY));
    }

    @Override
    default void close() throws IOException {
    }
}
