package org.newsarchive.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.JsonArticleMapper;

/**
 * One indexing run, as a pipeline of stages that share one {@link IndexCounters}:
 * <ol>
 * <li>the source ({@link ArchiveSource}) walks the archive and hands work through a bounded
 * queue to a fixed set of workers ({@link BatchWorkers}): files of one article as files, and the
 * records of JSON lines files, read on the walker's thread by {@link RecordFiles}, one by one;
 * <li>the readers ({@link ArticleFiles}, {@link RecordFiles}) turn files into articles, with
 * their file's size, time and hash, or, for a file of many records, its {@link RecordFileState};
 * <li>the change decision ({@link ChangeDecision}) says, against the index as it was when the
 * run began, what each file, record and article needs: nothing (unchanged or touched), a read
 * from where the last run stopped (appended), an add (new), a replacement (changed), or a
 * deletion (records gone from a file, files gone with {@code --prune});
 * <li>the writer ({@link DocumentWriter}) extracts entities, writes the documents through the
 * run's {@link ArticleStore} (the local index's one IndexWriter, or a SolrCloud collection) and
 * commits, with the run's {@link CommitData}.
 * </ol>
 * The bounded queue keeps memory flat whatever the archive's size: when workers fall behind,
 * the walker waits. The first failure (of the writer, never of a bad file) is kept and stops the
 * run; the report is made from the counters at the end.
 */
final class IndexRun {

    private final ArticleStore store;
    private final IndexedFiles before;
    private final EntityExtractor entities;
    private final IndexSettings settings;
    private final IndexListener listener;
    private final boolean rebuild;

    /**
     * Segments a run that builds an index from nothing leaves: it merges them into one at the
     * end (and makes no merge before, see {@link DeferrableMergePolicy}). A search visits every
     * segment: on 200,000 articles left in seven segments, phrase and multi-word searches took
     * 2.1-2.5 ms (p50) against 1.2-1.6 ms in one, and entity counts 13-22 ms against 7; the
     * merge costs about 4 s of a 22 s build, on one thread. Later runs leave merging to
     * Lucene's tiered policy.
     */
    static final int MAX_SEGMENTS_AFTER_BUILD = 1;

    IndexRun(ArticleStore store, IndexedFiles before, EntityExtractor entities, IndexSettings settings,
            IndexListener listener, boolean rebuild) {
        this.store = store;
        this.before = before;
        this.entities = entities;
        this.settings = settings;
        this.listener = listener;
        this.rebuild = rebuild;
    }

    /**
     * Indexes the files under {@code roots}, then the JSON lines of {@code standardInput} when it
     * is not null, and commits.
     */
    IndexReport run(List<Path> roots, InputStream standardInput) throws IOException {
        long started = System.nanoTime();
        IndexCounters counters = new IndexCounters(listener);
        RecordFileStates states = new RecordFileStates(rebuild ? Map.of() : before.recordFileStates());
        boolean pruning = settings.prune() && !rebuild;
        ChangeDecision changes = new ChangeDecision(before, states, pruning);
        JsonArticleMapper mapper = new JsonArticleMapper(settings.fieldMap());
        // the field map in use, given or as recorded before: recorded so that a rebuild reads alike
        CommitData commitData = new CommitData(before, rebuild, roots, entities, states, mapper.fields().spec());
        DocumentWriter documents = new DocumentWriter(store, entities, commitData, settings, rebuild, counters);
        RecordFiles recordFiles = new RecordFiles(mapper, settings.maxFileSize(), changes, states, documents, counters);
        ArticleFiles articleFiles = new ArticleFiles(settings.maxFileSize(), recordFiles, changes, documents, counters);
        ArchiveSource source = new ArchiveSource(recordFiles, changes, counters);

        boolean building = rebuild || before.isEmpty();
        if (building) {
            store.deferMerges(); // merged once, at the end: see MAX_SEGMENTS_AFTER_BUILD
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> listener.progress(counters.filesDone(), counters.articlesDone()), 200, 200,
                TimeUnit.MILLISECONDS);
        BatchWorkers<IndexTask> workers = new BatchWorkers<>(settings.threads(), "index",
                new Worker(articleFiles, recordFiles, documents, counters));
        boolean finished = false;
        try {
            source.read(roots, standardInput, task -> submit(workers, task));
            workers.finish();
            finished = true;
            counters.rethrowFailure();
            store.resumeMerges();
            if (pruning) {
                prune(roots, changes, states, documents);
            }
            documents.finish(building, MAX_SEGMENTS_AFTER_BUILD);
            listener.progress(counters.filesDone(), counters.articlesDone());
            return counters.report(documents.articles(), Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException | IndexInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("indexing interrupted");
        } finally {
            ticker.shutdownNow();
            store.resumeMerges();
            if (!finished) {
                workers.abandon();
            }
        }
    }

    /** What a worker does with a task: reads a file, or writes a record, then commits when due. */
    private record Worker(ArticleFiles articleFiles, RecordFiles recordFiles, DocumentWriter documents,
            IndexCounters counters) implements Consumer<IndexTask> {

        /** Never throws: a failure of the writer is kept, and stops the run. */
        @Override
        public void accept(IndexTask task) {
            if (counters.failed()) {
                return;
            }
            try {
                if (task instanceof IndexTask.FileTask file) {
                    try {
                        articleFiles.handle(file.file());
                    } finally {
                        counters.countFileDone();
                    }
                } else {
                    IndexTask.RecordTask record = (IndexTask.RecordTask) task;
                    recordFiles.index(record.article(), record.modified());
                    record.progress().done(); // only once the article is in the writer: see RecordFileStates.Progress
                }
                documents.maybeCommit();
            } catch (IOException | RuntimeException | Error e) {
                counters.fail(e);
            }
        }
    }

    private static void submit(BatchWorkers<IndexTask> workers, IndexTask task) {
        try {
            workers.submit(task);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexInterruptedException();
        }
    }

    /** Carries an interrupt out of the walker's visitor, which may not throw checked exceptions. */
    private static final class IndexInterruptedException extends RuntimeException {
        IndexInterruptedException() {
            super("interrupted", null, false, false);
        }
    }

    /** Deletes the articles, and forgets the states, of the files under the given roots that this run did not reach. */
    private static void prune(List<Path> roots, ChangeDecision changes, RecordFileStates states, DocumentWriter documents)
            throws IOException {
        for (Path root : roots) {
            ChangeDecision.Removed removed = changes.removedUnder(root);
            for (Map.Entry<String, Long> file : removed.articlesByFile().entrySet()) {
                documents.deleteFile(file.getKey(), file.getValue());
                states.forget(file.getKey());
            }
            removed.statesOnly().forEach(states::forget);
        }
    }
}
