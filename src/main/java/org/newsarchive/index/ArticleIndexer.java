package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.ConcurrentMergeScheduler;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.FieldMap;
import org.newsarchive.schema.ArticleSchema;

/**
 * Writes article files into an index, with the one {@link IndexWriter} a Lucene index may have.
 *
 * <p>Two modes. {@link #open} updates the index in place: new files are added, changed files
 * replace their article (keyed by id, so an article is never duplicated), unchanged files are
 * skipped, and the run commits every few thousand articles so that a killed run loses only its
 * tail, which the next run picks up. {@link #openForRebuild} builds a complete new index beside
 * the live one in the same folder and commits once, at the end: until that commit, readers (and
 * a crash) see the old index whole; the commit switches to the new one atomically, and Lucene
 * deletes the old files after it.
 */
public final class ArticleIndexer implements Closeable {

    private final Path location;
    private final Directory directory;
    private final IndexWriter writer;
    private final DeferrableMergePolicy merges;
    private final EntityExtractor entities;
    private final boolean rebuild;
    private Path movedAside;

    private ArticleIndexer(Path location, Directory directory, IndexWriter writer, DeferrableMergePolicy merges,
            EntityExtractor entities, boolean rebuild) {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.merges = merges;
        this.entities = entities;
        this.rebuild = rebuild;
    }

    /**
     * Opens (creating if needed) the index at {@code location} for writing, without entity
     * extraction.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    public static ArticleIndexer open(Path location) throws IOException {
        return open(location, EntityExtractor.NONE);
    }

    /**
     * Opens (creating if needed) the index at {@code location} for incremental updates; each
     * article's entities are extracted by {@code entities} on the worker that parsed it.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    public static ArticleIndexer open(Path location, EntityExtractor entities) throws IOException {
        return open(location, entities, IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    }

    /**
     * Opens the index at {@code location} to be rebuilt from scratch: what is indexed replaces
     * the whole index at the final commit, and not before.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    public static ArticleIndexer openForRebuild(Path location, EntityExtractor entities) throws IOException {
        try {
            return open(location, entities, IndexWriterConfig.OpenMode.CREATE);
        } catch (IndexLocationException damaged) {
            if (!(damaged.getCause() instanceof CorruptIndexException
                    || damaged.getCause() instanceof IndexFormatTooOldException
                    || damaged.getCause() instanceof IndexFormatTooNewException)) {
                throw damaged;
            }
            // Lucene cannot start a new index beside one it cannot read. The damaged index is no
            // use to anyone, but it is kept, renamed, rather than deleted.
            Path aside = location.resolveSibling(location.getFileName() + ".damaged-" + System.currentTimeMillis());
            Files.move(location, aside, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            ArticleIndexer indexer = open(location, entities, IndexWriterConfig.OpenMode.CREATE);
            indexer.movedAside = aside;
            return indexer;
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

    /** Where a rebuild moved a damaged index it could not rebuild in place, or null. */
    public Path movedAside() {
        return movedAside;
    }

    private static ArticleIndexer open(Path location, EntityExtractor entities, IndexWriterConfig.OpenMode mode)
            throws IOException {
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
            return new ArticleIndexer(location, directory, new IndexWriter(directory, config), merges, entities,
                    mode == IndexWriterConfig.OpenMode.CREATE);
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

    /**
     * Indexes every article file under {@code roots} and commits.
     *
     * @throws IOException when the index itself cannot be written (bad files are reported, not thrown);
     *                     the index then holds its last commit
     */
    public IndexReport index(List<Path> roots, IndexSettings settings, IndexListener listener) throws IOException {
        return index(roots, null, settings, listener);
    }

    /**
     * Indexes every article file under {@code roots}, then the JSON lines read from
     * {@code standardInput} (when not null), and commits.
     *
     * @throws IOException when the index itself cannot be written (bad files and records are
     *                     reported, not thrown); the index then holds its last commit
     */
    public IndexReport index(List<Path> roots, InputStream standardInput, IndexSettings settings, IndexListener listener)
            throws IOException {
        try (IndexedFiles before = rebuild ? IndexedFiles.empty() : IndexedFiles.of(directory)) {
            String stale = before.isEmpty() ? null : ArticleSchema.staleness(before.commitData());
            if (stale != null) {
                throw new IndexLocationException("cannot add to the index at " + location + ": " + stale
                        + "; rebuild it with 'newsarchive reindex'");
            }
            IndexSettings resolved = settings.fieldMap() != null ? settings : settings.withFieldMap(recordedFieldMap(before));
            if (rebuild) {
                warnOfStandardInput(listener);
            }
            return new IndexRun(writer, merges, before, entities, resolved, listener, rebuild).run(roots, standardInput);
        } catch (IOException | RuntimeException | Error e) {
            Throwable tragedy = writer.getTragicException();
            writer.rollback();
            if (e instanceof OutOfMemoryError || tragedy instanceof OutOfMemoryError) {
                throw new IndexWriteException("out of memory while indexing; the index holds its last commit."
                        + " Give Java a larger heap, e.g. NEWSARCHIVE_JAVA_OPTS=-Xmx1g, and run again", e);
            }
            throw e;
        }
    }

    /**
     * The field mapping the index was built with: a rebuild, or a run given none, reads JSON
     * records as the last run that named one did.
     */
    private FieldMap recordedFieldMap(IndexedFiles before) throws IOException {
        String spec;
        if (rebuild) {
            try (IndexedFiles live = IndexedFiles.of(directory)) {
                spec = live.commitData().get(ArticleSchema.COMMIT_FIELD_MAP);
            }
        } else {
            spec = before.commitData().get(ArticleSchema.COMMIT_FIELD_MAP);
        }
        try {
            return spec == null ? FieldMap.DEFAULT : FieldMap.parse(spec);
        } catch (IllegalArgumentException e) {
            return FieldMap.DEFAULT; // written by a version that knew other parts: read with the default
        }
    }

    /**
     * A rebuild reads files again; what came from standard input has no file to be read from,
     * so the user is told how many articles the new index will not have.
     */
    private void warnOfStandardInput(IndexListener listener) throws IOException {
        try (IndexedFiles live = IndexedFiles.of(directory)) {
            long piped = live.pathsStartingWith(Article.STANDARD_INPUT.toString())
                    .getOrDefault(Article.STANDARD_INPUT.toString(), 0L);
            if (piped > 0) {
                listener.skipped(Article.STANDARD_INPUT, piped + " article" + (piped == 1 ? " was" : "s were")
                        + " read from standard input and cannot be rebuilt: send them to 'index -' again");
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

    /** Where the index lives. */
    public Path location() {
        return location;
    }

    /** Releases the write lock. Uncommitted work is discarded, never half-committed. */
    @Override
    public void close() throws IOException {
        try {
            writer.rollback();
        } finally {
            directory.close();
        }
    }
}
