package org.newsarchive.index;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleId;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.schema.ArticleSchema;

/**
 * One indexing run: the walker feeds file paths through a bounded queue to a fixed set of
 * workers ({@link FileWorkers}); each worker decides whether its file is unchanged (same size
 * and modification time as indexed, else same bytes), and otherwise parses it, extracts its
 * entities and hands the document to the shared {@link IndexWriter}. The bounded queue keeps
 * memory flat whatever the archive's size: when workers fall behind, the walker waits.
 */
final class IndexRun {

    private final IndexWriter writer;
    private final IndexedFiles before;
    private final EntityExtractor entities;
    private final IndexSettings settings;
    private final IndexListener listener;
    private final boolean rebuild;
    private final ArticleParser parser;
    private final DeferrableMergePolicy merges;

    /**
     * Segments a run that builds an index from nothing leaves: it merges them into one at the
     * end (and makes no merge before, see {@link DeferrableMergePolicy}). A search visits every
     * segment: on 200,000 articles left in seven segments, phrase and multi-word searches took
     * 2.1-2.5 ms (p50) against 1.2-1.6 ms in one, and entity counts 13-22 ms against 7; the
     * merge costs about 4 s of a 22 s build, on one thread. Later runs leave merging to
     * Lucene's tiered policy.
     */
    static final int MAX_SEGMENTS_AFTER_BUILD = 1;

    /** Every id handled in this run: a file reached twice is handled once, and pruning keeps what was seen. */
    private final Set<String> seen = ConcurrentHashMap.newKeySet();
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    private final AtomicLong changedSinceCommit = new AtomicLong();
    private final List<Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final ReentrantLock committing = new ReentrantLock();
    private volatile Throwable failure;
    private volatile long lastCommit = System.nanoTime();

    IndexRun(IndexWriter writer, DeferrableMergePolicy merges, IndexedFiles before, EntityExtractor entities,
            IndexSettings settings, IndexListener listener, boolean rebuild) {
        this.writer = writer;
        this.merges = merges;
        this.before = before;
        this.entities = entities;
        this.settings = settings;
        this.listener = listener;
        this.rebuild = rebuild;
        this.parser = new ArticleParser(settings.maxFileSize());
    }

    IndexReport run(List<Path> roots) throws IOException {
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
        ticker.scheduleAtFixedRate(() -> listener.progress(filesDone.get()), 200, 200, TimeUnit.MILLISECONDS);
        FileWorkers workers = new FileWorkers(settings.threads(), "index", file -> process(file, roots));
        boolean finished = false;
        try {
            ArchiveWalker walker = new ArchiveWalker();
            ArchiveVisitor visitor = new ArchiveVisitor() {
                @Override
                public void file(Path realPath) {
                    try {
                        workers.submit(realPath);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IndexInterruptedException();
                    }
                }

                @Override
                public void rejected(Rejected r) {
                    reject(r);
                }

                @Override
                public void skipped(Path path, String why) {
                    skipped.add(path + ": " + why);
                    listener.skipped(path, why);
                }
            };
            for (Path root : roots) {
                walker.walk(root, visitor);
                if (failure != null) {
                    break;
                }
            }
            workers.finish();
            finished = true;
            rethrowFailure();
            merges.resume();
            long deleted = settings.prune() && !rebuild ? prune(roots) : 0;
            if (writer.hasUncommittedChanges() || rootsChanged(roots)) {
                commit(roots);
            }
            if (building) {
                writer.forceMerge(MAX_SEGMENTS_AFTER_BUILD); // nothing to do when there are no more
                if (writer.hasUncommittedChanges()) {
                    commit(roots);
                }
            }
            listener.progress(filesDone.get());
            return new IndexReport(added.get(), updated.get(), unchanged.get(), deleted, sorted(rejected),
                    sortedStrings(skipped), writer.getDocStats().numDocs, Duration.ofNanos(System.nanoTime() - started));
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

    /** Carries an interrupt out of the walker's visitor, which may not throw checked exceptions. */
    private static final class IndexInterruptedException extends RuntimeException {
        IndexInterruptedException() {
            super("interrupted", null, false, false);
        }
    }

    /** Works out what one file needs, and does it. Never throws: a failure of the writer stops the run. */
    private void process(Path file, List<Path> roots) {
        if (failure != null) {
            return;
        }
        try {
            handle(file);
            maybeCommit(roots);
        } catch (IOException | RuntimeException | Error e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            filesDone.incrementAndGet();
        }
    }

    private void handle(Path file) throws IOException {
        String id = ArticleId.of(file);
        if (!seen.add(id)) {
            return; // the same file reached again, through a link: handled once
        }
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            outcome(parser.parse(file), id, 0, false);
            return;
        }
        long modified = attributes.lastModifiedTime().toMillis();
        IndexedFiles.Indexed indexed = before.find(id);
        if (indexed != null && indexed.size() == attributes.size() && indexed.modifiedMillis() == modified) {
            unchanged.incrementAndGet();
            return;
        }
        if (!attributes.isRegularFile() || attributes.size() > settings.maxFileSize()) {
            outcome(parser.parse(file), id, modified, indexed != null);
            return;
        }
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            outcome(parser.parse(file), id, modified, indexed != null);
            return;
        }
        if (indexed != null && before.hasHash(id, ArticleParser.sha256Hex(content))) {
            // touched, not changed: remember the new time so the next run need not read it again
            writer.updateNumericDocValue(ArticleSchema.idTerm(id), ArticleSchema.MODIFIED, modified);
            unchanged.incrementAndGet();
            return;
        }
        outcome(parser.parse(file, content), id, modified, indexed != null);
    }

    private void outcome(ParseOutcome outcome, String id, long modified, boolean known) throws IOException {
        if (outcome instanceof Rejected r) {
            reject(r); // an article indexed from an earlier, valid version of the file is kept
            return;
        }
        Article article = ((ParseOutcome.Parsed) outcome).article();
        var document = ArticleSchema.toDocument(article, entities.extract(article.headline(), article.body()), modified);
        if (known) {
            writer.updateDocument(ArticleSchema.idTerm(id), document);
        } else {
            // Not in the index when the run began, and each id is handled once per run: a plain
            // add cannot duplicate it. An update would buffer a delete per article, applied to
            // every segment at each flush: about a tenth of the CPU time of indexing an archive from empty.
            writer.addDocument(document);
        }
        (known ? updated : added).incrementAndGet();
        changedSinceCommit.incrementAndGet();
    }

    private void reject(Rejected r) {
        rejected.add(r);
        listener.rejected(r);
    }

    /**
     * Commits when enough has changed or enough time has passed; never during a rebuild. Called
     * by workers; one commits while the others go on adding documents.
     */
    private void maybeCommit(List<Path> roots) throws IOException {
        if (rebuild) {
            return;
        }
        long changed = changedSinceCommit.get();
        boolean due = changed >= settings.commitEvery()
                || (changed > 0 && System.nanoTime() - lastCommit >= settings.commitInterval().toNanos());
        if (due && committing.tryLock()) {
            try {
                commit(roots);
            } finally {
                committing.unlock();
            }
        }
    }

    /** Commits; called by one worker at a time (see {@link #maybeCommit}) or after all workers ended. */
    private void commit(List<Path> roots) throws IOException {
        changedSinceCommit.set(0);
        writer.setLiveCommitData(commitData(roots).entrySet());
        writer.commit();
        lastCommit = System.nanoTime();
    }

    private Map<String, String> commitData(List<Path> roots) throws IOException {
        Map<String, String> data = new java.util.HashMap<>(ArticleSchema.commitData());
        data.put(ArticleSchema.COMMIT_ENTITY_MODEL, entities.version());
        data.put(ArticleSchema.COMMIT_ROOTS, String.join("\n", recordedRoots(roots)));
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

    private boolean rootsChanged(List<Path> roots) throws IOException {
        String previous = before.commitData().get(ArticleSchema.COMMIT_ROOTS);
        return !String.join("\n", recordedRoots(roots)).equals(previous);
    }

    private static Path realOrAbsolute(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }

    /** Deletes the articles whose files under the given roots were not seen in this run. */
    private long prune(List<Path> roots) throws IOException {
        long deleted = 0;
        for (Path root : roots) {
            Path real = realOrAbsolute(root);
            Query below = Files.isDirectory(real) ? ArticleSchema.pathsBelow(real) : ArticleSchema.pathQuery(real);
            for (String id : before.idsMatching(below)) {
                if (!seen.contains(id)) {
                    writer.deleteDocuments(ArticleSchema.idTerm(id));
                    seen.add(id);
                    deleted++;
                }
            }
        }
        return deleted;
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

    private static List<Rejected> sorted(List<Rejected> list) {
        synchronized (list) {
            return list.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
        }
    }

    private static List<String> sortedStrings(List<String> list) {
        synchronized (list) {
            return list.stream().sorted().toList();
        }
    }
}
