package org.newsarchive.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleFields;
import org.newsarchive.schema.ArticleSchema;

/**
 * The local index as an {@link ArticleStore}: the one {@link IndexWriter} a Lucene index may
 * have. In place ({@link #open}), or building a complete new index beside the live one in the same
 * folder ({@link #openForRebuild}, OpenMode.CREATE): until its first commit, readers (and a
 * crash) see the old index whole; the commit switches to the new one atomically, and Lucene
 * deletes the old files after it.
 */
final class LuceneArticleStore implements ArticleStore {

    private final Path location;
    private final Directory directory;
    private final IndexWriter writer;
    private final DeferrableMergePolicy merges;
    private Path movedAside;

    private LuceneArticleStore(Path location, Directory directory, IndexWriter writer, DeferrableMergePolicy merges) {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.merges = merges;
    }

    /**
     * Opens (creating if needed) the index at {@code location} for incremental updates.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    static LuceneArticleStore open(Path location) throws IOException {
        return open(location, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /**
     * Opens the index at {@code location} to be rebuilt from scratch: what is written replaces
     * the whole index at the first commit, and not before. A damaged index that Lucene cannot
     * start a new one beside is moved aside ({@link #movedAside}).
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    static LuceneArticleStore openForRebuild(Path location) throws IOException {
        try {
            return open(location, IndexWriterConfig.OpenMode.CREATE);
        } catch (IndexLocationException damaged) {
            if (!(damaged.getCause() instanceof CorruptIndexException
                    || damaged.getCause() instanceof IndexFormatTooOldException
                    || damaged.getCause() instanceof IndexFormatTooNewException)) {
                throw damaged;
            }
            // Lucene cannot start a new index beside one it cannot read. The damaged index is no
            // use to anyone, but it is kept, renamed, rather than deleted.
            Path aside = location.resolveSibling(location.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(location, aside, StandardCopyOption.ATOMIC_MOVE);
            LuceneArticleStore store = open(location, IndexWriterConfig.OpenMode.CREATE);
            store.movedAside = aside;
            return store;
        }
    }

    /**
     * The writer's buffer: 64 MB, or a quarter of a smaller heap (at least 8 MB). Flushing less
     * often than every 64 MB gained nothing measurable on 200,000 articles; a fixed 64 MB would
     * not fit beside the workers' articles in a 96 MB heap, and indexing must run in a small one.
     */
    static double ramBufferMb(long maxHeapBytes) {
        return Math.max(8, Math.min(64, maxHeapBytes / 4 / (1024.0 * 1024.0)));
    }

    private static LuceneArticleStore open(Path location, IndexWriterConfig.OpenMode mode) throws IOException {
        if (Files.exists(location) && !Files.isDirectory(location)) {
            throw new IndexLocationException("cannot write an index at " + location + ": it is a file, not a folder");
        }
        try {
            Files.createDirectories(location);
        } catch (IOException e) {
            throw new IndexLocationException("cannot create the index folder " + location + ": "
                    + e.getClass().getSimpleName(), e);
        }
        Directory directory = FSDirectory.open(location);
        try {
            DeferrableMergePolicy merges = new DeferrableMergePolicy();
            IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer())
                    .setOpenMode(mode)
                    .setRAMBufferSizeMB(ramBufferMb(Runtime.getRuntime().maxMemory()))
                    .setMergePolicy(merges)
                    .setMergeScheduler(new QuietMergeScheduler())
                    .setCommitOnClose(false);
            return new LuceneArticleStore(location, directory, new IndexWriter(directory, config), merges);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexLockedException("the index at " + location
                    + " is being written by another process; wait for it to finish", e);
        } catch (CorruptIndexException | IndexFormatTooOldException | IndexFormatTooNewException e) {
            directory.close();
            throw new IndexLocationException("the index at " + location + " is damaged or from an incompatible"
                    + " version (" + e.getClass().getSimpleName() + "); rebuild it with 'newsarchive reindex'", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /** A store over a writer someone else opened (tests); closing it rolls the writer back, not the directory. */
    static LuceneArticleStore over(IndexWriter writer) {
        return new LuceneArticleStore(null, null, writer, null);
    }

    /** Where the index lives. */
    Path location() {
        return location;
    }

    /** Where a rebuild moved a damaged index it could not rebuild in place, or null. */
    Path movedAside() {
        return movedAside;
    }

    @Override
    public String describe() {
        return "the index at " + location;
    }

    @Override
    public IndexedFiles snapshot() throws IOException {
        return IndexedFiles.of(writer.getDirectory());
    }

    @Override
    public void write(Article article, ArticleEntities entities, long modifiedMillis, boolean replacing)
            throws IOException {
        var document = ArticleSchema.toDocument(article, entities, modifiedMillis);
        if (replacing) {
            writer.updateDocument(ArticleSchema.idTerm(article.id()), document);
        } else {
            // Not in the index when the run began, and each id is handled once per run: a plain
            // add cannot duplicate it. An update would buffer a delete per article, applied to
            // every segment at each flush: about a tenth of the CPU time of indexing an archive from empty.
            writer.addDocument(document);
        }
    }

    /** Updates the time of every document of the file, in place (numeric doc values). */
    @Override
    public void touch(String id, String path, long modifiedMillis) throws IOException {
        writer.updateNumericDocValue(ArticleSchema.pathTerm(path), ArticleFields.MODIFIED.name(), modifiedMillis);
    }

    @Override
    public void deleteRecord(String id, String path) throws IOException {
        writer.deleteDocuments(ArticleSchema.idAndPathQuery(id, path));
    }

    @Override
    public void deleteFile(String path) throws IOException {
        writer.deleteDocuments(ArticleSchema.pathTerm(path));
    }

    @Override
    public boolean hasUncommittedChanges() {
        return writer.hasUncommittedChanges();
    }

    /** The data is committed with the documents, in one atomic step. */
    @Override
    public void commit(Map<String, String> commitData) throws IOException {
        writer.setLiveCommitData(commitData.entrySet());
        writer.commit();
    }

    /** Live articles, including those written since the last commit. */
    @Override
    public long articles() {
        return writer.getDocStats().numDocs;
    }

    @Override
    public Throwable rollback() throws IOException {
        Throwable tragedy = writer.getTragicException();
        writer.rollback();
        return tragedy;
    }

    @Override
    public void deferMerges() {
        if (merges != null) {
            merges.defer();
        }
    }

    @Override
    public void resumeMerges() {
        if (merges != null) {
            merges.resume();
        }
    }

    @Override
    public void mergeDown(int maxSegments) throws IOException {
        writer.forceMerge(maxSegments); // nothing to do when there are no more
    }

    /** Releases the write lock. Uncommitted work is discarded, never half-committed. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            if (directory != null) {
                directory.close();
            }
        }
    }

    /**
     * Lucene's merge scheduler, without the stack trace a failed background merge prints on
     * stderr: the writer keeps the failure, and the run reports it in one line.
     */
    private static final class QuietMergeScheduler extends ConcurrentMergeScheduler {
        @Override
        protected void handleMergeException(Throwable exc) {
            // recorded by the IndexWriter (as its tragic exception, or rethrown by forceMerge)
        }
    }
}
