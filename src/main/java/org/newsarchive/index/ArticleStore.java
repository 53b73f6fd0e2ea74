package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.util.Map;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.ingest.Article;

/**
 * Where an indexing run keeps the articles: the local Lucene index ({@link ArticleIndexer#open}),
 * or a store elsewhere, implemented outside this package (a SolrCloud collection). A run
 * ({@link ArticleIndexer#index}) walks, parses, recognises entities and decides what is new,
 * changed, unchanged, appended or removed in the same way whatever the store; the store only
 * writes what it is told and says what it held before.
 *
 * <p>What a store must guarantee, for the run's rules to hold:
 * <ul>
 * <li>One article per id: {@link #write} of an id the store has replaces it.
 * <li>{@link #commit} makes everything written before it durable and visible to the next
 * {@link #snapshot}, and records the commit data no earlier than the articles it describes: a
 * failure in between may leave the articles without their data (the next run recognises them by
 * id and hash), never data that claims articles the store does not have.
 * <li>A failed run leaves what was committed intact.
 * </ul>
 *
 * <p>Thread-safe: the workers write at once, while one of them commits.
 */
public interface ArticleStore extends Closeable {

    /** What the store is, for messages: "the index at DIR", "collection news on zk:host:2181". */
    String describe();

    /** The command that rebuilds this archive, for the advice of a message. */
    default String reindexCommand() {
        return "newsarchive reindex";
    }

    /**
     * The archive as readers see it now, as of its last commit: for an incremental run, what it
     * is judged against; for a store that builds a replacement, the archive it will replace
     * (whose commit data says how it was built). The caller closes it.
     */
    IndexedFiles snapshot() throws IOException;

    /**
     * Adds an article's document, or replaces the one with its id.
     *
     * @param replacing whether the archive had the id when the run began (a store may add more
     *                  cheaply what it knows to be new)
     */
    void write(Article article, ArticleEntities entities, long modifiedMillis, boolean replacing) throws IOException;

    /**
     * Records a new modification time for the article {@code id} of the file of one article at
     * {@code path}, whose bytes did not change: the next run need not read the file.
     */
    void touch(String id, String path, long modifiedMillis) throws IOException;

    /**
     * Deletes the article {@code id} if it was indexed from the file at {@code path} (an article
     * that moved to another file is kept).
     */
    void deleteRecord(String id, String path) throws IOException;

    /** Deletes every article whose file is {@code path}. */
    void deleteFile(String path) throws IOException;

    /** Whether anything was written or deleted since the last commit. */
    boolean hasUncommittedChanges();

    /** Makes everything written so far durable and visible, and records {@code commitData} with it. */
    void commit(Map<String, String> commitData) throws IOException;

    /** Articles in the store, as of the last commit (or including what was written since, when the store knows). */
    long articles() throws IOException;

    /**
     * Throws away what was written since the last commit, as far as the store can, after a
     * failed run.
     *
     * @return the failure the store itself met, if it met one that explains the run's (for
     *         example running out of memory while writing), else null
     */
    Throwable rollback() throws IOException;

    /** A run that builds the archive from nothing starts: a store that merges may leave merging to the end. */
    default void deferMerges() {
    }

    /** The run's writes are over (or failed): merging as usual again. */
    default void resumeMerges() {
    }

    /**
     * The end of a run that built the archive from nothing: a store may merge what it wrote into
     * at most {@code maxSegments} parts, to be committed after.
     */
    default void mergeDown(int maxSegments) throws IOException {
    }
}
