package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.FieldMap;
import org.newsarchive.schema.ArticleSchema;

/**
 * Writes article files into an archive through an {@link ArticleStore}: the local index, with
 * the one {@code IndexWriter} a Lucene index may have ({@link #open}, {@link #openForRebuild}),
 * or a store elsewhere ({@link #over}).
 *
 * <p>Two modes. An incremental run updates the archive in place: new files are added, changed
 * files replace their article (keyed by id, so an article is never duplicated), unchanged files
 * are skipped, and the run commits every so many articles so that a killed run loses only its
 * tail, which the next run picks up. A rebuild writes a complete new archive that replaces the
 * live one at the end (locally, beside the live one in the same folder, committed once: until
 * that commit, readers and a crash see the old index whole).
 */
public final class ArticleIndexer implements Closeable {

    private final ArticleStore store;
    private final EntityExtractor entities;
    private final boolean rebuild;

    private ArticleIndexer(ArticleStore store, EntityExtractor entities, boolean rebuild) {
        this.store = store;
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
        return new ArticleIndexer(LuceneArticleStore.open(location), entities, false);
    }

    /**
     * Opens the index at {@code location} to be rebuilt from scratch: what is indexed replaces
     * the whole index at the final commit, and not before.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    public static ArticleIndexer openForRebuild(Path location, EntityExtractor entities) throws IOException {
        return new ArticleIndexer(LuceneArticleStore.openForRebuild(location), entities, true);
    }

    /**
     * Indexes through {@code store}: incrementally, against what it holds, or, with
     * {@code rebuild}, into a store that builds a replacement of the archive its
     * {@link ArticleStore#snapshot} shows. Closing the indexer closes the store.
     */
    public static ArticleIndexer over(ArticleStore store, EntityExtractor entities, boolean rebuild) {
        return new ArticleIndexer(store, entities, rebuild);
    }

    /** Where a rebuild moved a damaged local index it could not rebuild in place, or null. */
    public Path movedAside() {
        return store instanceof LuceneArticleStore local ? local.movedAside() : null;
    }

    /** Where the local index lives, or null for another store. */
    public Path location() {
        return store instanceof LuceneArticleStore local ? local.location() : null;
    }

    /** What the archive is, for messages. */
    public String describe() {
        return store.describe();
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
        try (IndexedFiles live = store.snapshot()) {
            IndexedFiles before = rebuild ? IndexedFiles.empty() : live;
            String stale = before.isEmpty() ? null : ArticleSchema.staleness(before.commitData());
            if (stale != null) {
                throw new IndexLocationException("cannot add to " + store.describe() + ": " + stale
                        + "; rebuild it with '" + store.reindexCommand() + "'");
            }
            IndexSettings resolved = settings.fieldMap() != null ? settings : settings.withFieldMap(recordedFieldMap(live));
            if (rebuild) {
                warnOfStandardInput(live, listener);
            } else {
                noteOtherEntityModels(before, listener);
            }
            return new IndexRun(store, before, entities, resolved, listener, rebuild).run(roots, standardInput);
        } catch (IOException | RuntimeException | Error e) {
            Throwable tragedy = store.rollback();
            if (e instanceof OutOfMemoryError || tragedy instanceof OutOfMemoryError) {
                throw new IndexWriteException("out of memory while indexing; the index holds its last commit."
                        + " Give Java a larger heap, e.g. NEWSARCHIVE_JAVA_OPTS=-Xmx1g, and run again", e);
            }
            throw e;
        }
    }

    /**
     * The field mapping the archive was built with: a rebuild, or a run given none, reads JSON
     * records as the last run that named one did.
     */
    private static FieldMap recordedFieldMap(IndexedFiles live) throws IOException {
        String spec = live.commitData().get(ArticleSchema.COMMIT_FIELD_MAP);
        try {
            return spec == null ? FieldMap.DEFAULT : FieldMap.parse(spec);
        } catch (IllegalArgumentException e) {
            return FieldMap.DEFAULT; // written by a version that knew other parts: read with the default
        }
    }

    /**
     * A rebuild reads files again; what came from standard input has no file to be read from,
     * so the user is told how many articles the new archive will not have.
     */
    /**
     * Says when the articles already indexed had their entities recognised by another model (a
     * new version's, or none): this run's articles will not be counted and filtered alike with
     * them until a rebuild recognises them all again. Indexing goes on: the index is sound.
     */
    private void noteOtherEntityModels(IndexedFiles before, IndexListener listener) throws IOException {
        if (before.isEmpty()) {
            return;
        }
        String recorded = before.commitData().get(ArticleSchema.COMMIT_ENTITY_MODEL);
        if (recorded != null && !recorded.equals(entities.version())) {
            listener.note("the articles already indexed had their entities recognised by " + recorded
                    + ", this run recognises them with " + entities.version() + "; run '" + store.reindexCommand()
                    + "' to recognise them all alike");
        }
    }

    private static void warnOfStandardInput(IndexedFiles live, IndexListener listener) throws IOException {
        long piped = live.pathsStartingWith(Article.STANDARD_INPUT.toString())
                .getOrDefault(Article.STANDARD_INPUT.toString(), 0L);
        if (piped > 0) {
            listener.skipped(Article.STANDARD_INPUT, piped + " article" + (piped == 1 ? " was" : "s were")
                    + " read from standard input and cannot be rebuilt: send them to 'index -' again");
        }
    }

    /** Releases the store (locally, the write lock). Uncommitted work is discarded, never half-committed. */
    @Override
    public void close() throws IOException {
        store.close();
    }
}
