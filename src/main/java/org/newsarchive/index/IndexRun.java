package org.newsarchive.index;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleId;
import org.newsarchive.ingest.JsonArticleMapper;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;
import org.newsarchive.ingest.SourceFormat;
import org.newsarchive.schema.ArticleSchema;

/**
 * One indexing run: the walker feeds work through a bounded queue to a fixed set of workers
 * ({@link BatchWorkers}). A file of one article (seed format, a JSON file of one object) is
 * handed over as a file: its worker decides whether it is unchanged (same size and modification
 * time as indexed, else same bytes), and otherwise parses it, extracts its entities and hands
 * the document to the shared {@link IndexWriter}. A JSON lines file, which may hold millions of
 * articles, is read by the walker itself ({@link RecordFiles}) and handed over record by record,
 * so that both cores index one big file. The bounded queue keeps memory flat whatever the
 * archive's size: when workers fall behind, the walker waits.
 */
final class IndexRun {

    private final IndexWriter writer;
    private final IndexedFiles before;
    private final EntityExtractor entities;
    private final IndexSettings settings;
    private final IndexListener listener;
    private final boolean rebuild;
    private final DeferrableMergePolicy merges;
    private final ArticleFiles articleFiles;
    private final RecordFiles recordFiles;

    /**
     * Segments a run that builds an index from nothing leaves: it merges them into one at the
     * end (and makes no merge before, see {@link DeferrableMergePolicy}). A search visits every
     * segment: on 200,000 articles left in seven segments, phrase and multi-word searches took
     * 2.1-2.5 ms (p50) against 1.2-1.6 ms in one, and entity counts 13-22 ms against 7; the
     * merge costs about 4 s of a 22 s build, on one thread. Later runs leave merging to
     * Lucene's tiered policy.
     */
    static final int MAX_SEGMENTS_AFTER_BUILD = 1;

    /** Every id handled in this run: an article reached twice is handled once. */
    final IdSet seen = new IdSet();
    /**
     * Every file reached in this run, by the id of its path (64 bits, not a string of a hundred
     * bytes), kept only when pruning needs it. Two paths with one id would only keep a gone
     * file's articles, never delete a present one's.
     */
    private final IdSet seenPaths;
    final AtomicLong added = new AtomicLong();
    final AtomicLong updated = new AtomicLong();
    final AtomicLong unchanged = new AtomicLong();
    final AtomicLong deleted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong changedSinceCommit = new AtomicLong();
    private final List<Rejected> rejected = new ArrayList<>();
    private final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock committing = new ReentrantLock();
    private volatile Throwable failure;
    private volatile long lastCommit = System.nanoTime();
    private List<Path> roots = List.of();

    /** Work for a worker: a file to read, or one record of a file the walker reads. */
    sealed interface Task permits FileTask, RecordTask {
    }

    record FileTask(Path file) implements Task {
    }

    /**
     * @param modified the modification time of the record's file, 0 for standard input
     * @param file     the progress of the record's file, told when the record is in the index
     */
    record RecordTask(Article article, long modified, RecordFiles.Progress file) implements Task {
    }

    IndexRun(IndexWriter writer, DeferrableMergePolicy merges, IndexedFiles before, EntityExtractor entities,
            IndexSettings settings, IndexListener listener, boolean rebuild) throws IOException {
        this.writer = writer;
        this.merges = merges;
        this.before = before;
        this.entities = entities;
        this.settings = settings;
        this.listener = listener;
        this.rebuild = rebuild;
        this.seenPaths = settings.prune() && !rebuild ? new IdSet() : null;
        this.articleFiles = new ArticleFiles(this, settings.maxFileSize());
        this.recordFiles = new RecordFiles(this, new JsonArticleMapper(settings.fieldMap()),
                settings.maxFileSize(), rebuild ? Map.of() : before.recordFileStates());
        this.articleFiles.recordFiles(recordFiles);
    }

    /**
     * Indexes the files under {@code roots}, then the JSON lines of {@code standardInput} when it
     * is not null, and commits.
     */
    IndexReport run(List<Path> roots, InputStream standardInput) throws IOException {
        this.roots = roots;
        long started = System.nanoTime();
        boolean building = rebuild || before.isEmpty();
        if (building) {
            merges.defer(); // merged once, at the end: see MAX_SEGMENTS_AFTER_BUILD
        }
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(() -> listener.progress(filesDone.get(), articlesDone()), 200, 200,
                TimeUnit.MILLISECONDS);
        BatchWorkers<Task> workers = new BatchWorkers<>(settings.threads(), "index", this::process);
        boolean finished = false;
        try {
            ArchiveWalker walker = new ArchiveWalker();
            ArchiveVisitor visitor = new ArchiveVisitor() {
                @Override
                public void file(Path realPath) {
                    if (seenPaths != null) {
                        seenPaths.add(ArticleId.of(realPath));
                    }
                    if (SourceFormat.of(realPath) == SourceFormat.JSON_LINES) {
                        recordFiles.readJsonLines(realPath, task -> submit(workers, task));
                        filesDone.incrementAndGet();
                    } else {
                        submit(workers, new FileTask(realPath));
                    }
                }

                @Override
                public void rejected(Rejected r) {
                    reject(r);
                }

                @Override
                public void skipped(Path path, String why) {
                    skip(path, why);
                }
            };
            for (Path root : roots) {
                walker.walk(root, visitor);
                if (failure != null) {
                    break;
                }
            }
            if (standardInput != null && failure == null) {
                recordFiles.readStandardInput(standardInput, task -> submit(workers, task));
            }
            workers.finish();
            finished = true;
            rethrowFailure();
            merges.resume();
            if (settings.prune() && !rebuild) {
                prune(roots);
            }
            if (writer.hasUncommittedChanges() || commitDataChanged()) {
                commit();
            }
            if (building) {
                writer.forceMerge(MAX_SEGMENTS_AFTER_BUILD); // nothing to do when there are no more
                if (writer.hasUncommittedChanges()) {
                    commit();
                }
            }
            listener.progress(filesDone.get(), articlesDone());
            List<Rejected> listed;
            Map<RejectReason, Long> counts;
            synchronized (rejected) {
                listed = rejected.stream().sorted(IndexRun::byLocation).toList();
                counts = new EnumMap<>(rejectedByReason);
            }
            return new IndexReport(added.get(), updated.get(), unchanged.get(), deleted.get(), duplicates.get(),
                    listed, counts, sortedStrings(skipped), writer.getDocStats().numDocs,
                    Duration.ofNanos(System.nanoTime() - started));
        } catch (InterruptedException | IndexInterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("indexing interrupted");
        } finally {
            ticker.shutdownNow();
            merges.resume();
            if (!finished) {
                workers.abandon();
            }
        }
    }

    private long articlesDone() {
        return added.get() + updated.get() + unchanged.get();
    }

    private static int byLocation(Rejected a, Rejected b) {
        int byPath = a.path().compareTo(b.path());
        return byPath != 0 ? byPath : Long.compare(a.line(), b.line());
    }

    private static void submit(BatchWorkers<Task> workers, Task task) {
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

    /** Whether the run has failed, so that readers stop early. */
    boolean failed() {
        return failure != null;
    }

    /** Does one task. Never throws: a failure of the writer stops the run. */
    private void process(Task task) {
        if (failure != null) {
            return;
        }
        try {
            if (task instanceof FileTask file) {
                try {
                    articleFiles.handle(file.file());
                } finally {
                    filesDone.incrementAndGet();
                }
            } else {
                RecordTask record = (RecordTask) task;
                indexRecord(record.article(), record.modified());
                record.file().done(); // only once the article is in the writer: see RecordFiles.Progress
            }
            maybeCommit();
        } catch (IOException | RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            }
        }
    }

    /** Called by a record reader for every failure of the writer it meets while indexing inline. */
    void fail(Throwable e) {
        if (failure == null) {
            failure = e;
        }
    }

    /**
     * Indexes one record of a file of many, unless the index has it already from the same file
     * with the same bytes (a file read whole again after a change elsewhere in it).
     */
    void indexRecord(Article article, long modified) throws IOException {
        IndexedFiles.Source known = before.source(article.id());
        if (known != null && known.sha256().equals(article.sha256()) && known.path().equals(article.path().toString())) {
            unchanged.incrementAndGet();
            return;
        }
        write(article, modified, known != null);
    }

    /** Adds or replaces an article's document. */
    void write(Article article, long modified, boolean known) throws IOException {
        var document = ArticleSchema.toDocument(article, entities.extract(article.headline(), article.body()), modified);
        if (known) {
            writer.updateDocument(ArticleSchema.idTerm(article.id()), document);
        } else {
            // Not in the index when the run began, and each id is handled once per run: a plain
            // add cannot duplicate it. An update would buffer a delete per article, applied to
            // every segment at each flush: about a tenth of the CPU time of indexing an archive from empty.
            writer.addDocument(document);
        }
        (known ? updated : added).incrementAndGet();
        changedSinceCommit.incrementAndGet();
    }

    /** Records that a touched file holds what the index has: the next run need not read it. */
    void touched(Path file, long modified) throws IOException {
        writer.updateNumericDocValue(ArticleSchema.pathTerm(file.toString()), ArticleSchema.MODIFIED, modified);
    }

    /**
     * Deletes the articles indexed from {@code file} that this run has not seen: records gone
     * from a file that was rewritten. Only the document of that id <em>and</em> that file goes,
     * so an article that moved to another file is kept.
     */
    void deleteUnseen(String file) throws IOException {
        for (String id : before.idsWithPath(file)) {
            if (!seen.contains(id)) {
                writer.deleteDocuments(ArticleSchema.idAndPathQuery(id, file));
                deleted.incrementAndGet();
                changedSinceCommit.incrementAndGet();
            }
        }
    }

    IndexedFiles before() {
        return before;
    }

    /** Reports something passed over that is not an error. */
    void skip(Path path, String why) {
        skipped.add(path + ": " + why);
        listener.skipped(path, why);
    }

    void reject(Rejected r) {
        synchronized (rejected) {
            if (rejected.size() < IndexReport.MAX_LISTED_REJECTIONS) {
                rejected.add(r);
            }
            rejectedByReason.merge(r.reason(), 1L, Long::sum);
        }
        listener.rejected(r);
    }

    /**
     * Commits when enough has changed or enough time has passed; never during a rebuild. Called
     * by workers; one commits while the others go on adding documents.
     */
    private void maybeCommit() throws IOException {
        if (rebuild) {
            return;
        }
        long changed = changedSinceCommit.get();
        boolean due = changed >= settings.commitEvery()
                || (changed > 0 && System.nanoTime() - lastCommit >= settings.commitInterval().toNanos());
        if (due && committing.tryLock()) {
            try {
                commit();
            } finally {
                committing.unlock();
            }
        }
    }

    /** Commits; called by one worker at a time (see {@link #maybeCommit}) or after all workers ended. */
    private void commit() throws IOException {
        changedSinceCommit.set(0);
        writer.setLiveCommitData(commitData().entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
    }

    private Map<String, String> commitData() throws IOException {
        Map<String, String> data = new HashMap<>(ArticleSchema.commitData());
        data.put(ArticleSchema.COMMIT_ENTITY_MODEL, entities.version());
        data.put(ArticleSchema.COMMIT_ROOTS, String.join("\n", recordedRoots(roots)));
        String states = recordFiles.encodedStates();
        if (!states.isEmpty()) {
            data.put(RecordFileState.COMMIT_KEY, states);
        }
        String fieldMap = recordFiles.fieldMapSpec(); // the map in use: given, or as recorded before
        if (!fieldMap.isEmpty()) {
            data.put(ArticleSchema.COMMIT_FIELD_MAP, fieldMap);
        }
        return data;
    }

    /** The roots of earlier runs plus this run's (a rebuild records only its own). */
    private Set<String> recordedRoots(List<Path> roots) throws IOException {
        Set<String> all = new LinkedHashSet<>();
        if (!rebuild) {
            String previous = before.commitData().get(ArticleSchema.COMMIT_ROOTS);
            if (previous != null && !previous.isBlank()) {
                all.addAll(List.of(previous.split("\n")));
            }
        }
        for (Path root : roots) {
            all.add(realOrAbsolute(root).toString());
        }
        return all;
    }

    /**
     * Whether this run has something to record without a changed article: new roots, a file's
     * new state, another field map. The entity model is left out: it says what wrote the
     * documents, and only a written document changes that.
     */
    private boolean commitDataChanged() throws IOException {
        Map<String, String> now = new HashMap<>(commitData());
        Map<String, String> then = new HashMap<>(before.commitData());
        now.remove(ArticleSchema.COMMIT_ENTITY_MODEL);
        then.remove(ArticleSchema.COMMIT_ENTITY_MODEL);
        return !now.equals(then);
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Deletes the articles of the files under the given roots that this run did not reach. */
    private void prune(List<Path> roots) throws IOException {
        for (Path root : roots) {
            Path real = realOrAbsolute(root);
            boolean folder = Files.isDirectory(real);
            String prefix = real.toString();
            if (folder && !prefix.endsWith(real.getFileSystem().getSeparator())) {
                prefix += real.getFileSystem().getSeparator();
            }
            for (Map.Entry<String, Long> path : before.pathsStartingWith(prefix).entrySet()) {
                if (!folder && !path.getKey().equals(prefix)) {
                    continue;
                }
                if (seenPaths.add(pathId(path.getKey()))) {
                    writer.deleteDocuments(ArticleSchema.pathTerm(path.getKey()));
                    recordFiles.forget(path.getKey());
                    deleted.addAndGet(path.getValue());
                }
            }
            for (String known : recordFiles.pathsStartingWith(prefix)) {
                if ((folder || known.equals(prefix)) && !seenPaths.contains(pathId(known))) {
                    recordFiles.forget(known); // a file without articles (a tag list) that is gone
                }
            }
        }
    }

    private static String pathId(String path) {
        return ArticleId.of(Path.of(path));
    }

    private void rethrowFailure() throws IOException {
        Throwable f = failure;
        if (f instanceof IOException io) {
            throw io;
        }
        if (f instanceof RuntimeException re) {
            throw re;
        }
        if (f instanceof Error error) {
            throw error;
        }
        if (f != null) {
            throw new IOException(f);
        }
    }

    private static List<String> sortedStrings(List<String> list) {
        synchronized (list) {
            return list.stream().sorted().toList();
        }
    }
}
