package org.newsarchive.index;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.schema.ArticleSchema;

/**
 * Adds article files to an index: walks the given paths, parses files on a pool of workers, and
 * has each worker hand its document straight to the one {@link IndexWriter}, which is built for
 * concurrent callers (each thread fills its own in-memory segment, so analysis runs in parallel
 * too). Articles are written with {@code updateDocument} keyed by id, so a file indexed twice is
 * one article (and one walker reports each real path once, however many roots reach it); a file whose bytes did not change is not rewritten at all. Everything becomes
 * visible in one commit at the end: a run that dies half-way leaves the previous commit intact.
 */
public final class ArticleIndexer implements Closeable {

    private final Path location;
    private final Directory directory;
    private final IndexWriter writer;
    private final EntityExtractor entities;

    private ArticleIndexer(Path location, Directory directory, IndexWriter writer, EntityExtractor entities) {
        this.location = location;
        this.directory = directory;
        this.writer = writer;
        this.entities = entities;
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
     * Opens (creating if needed) the index at {@code location} for writing; each article's
     * entities are extracted by {@code entities} on the worker that parsed it.
     *
     * @throws IndexLockedException   when another process is writing to it
     * @throws IndexLocationException when the location is a file or cannot be created
     */
    public static ArticleIndexer open(Path location, EntityExtractor entities) throws IOException {
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
            IndexWriterConfig config = new IndexWriterConfig(ArticleSchema.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                    .setRAMBufferSizeMB(64)
                    .setCommitOnClose(false);
            return new ArticleIndexer(location, directory, new IndexWriter(directory, config), entities);
        } catch (LockObtainFailedException e) {
            directory.close();
            throw new IndexLockedException("the index at " + location
                    + " is being written by another process; wait for it to finish", e);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Indexes every article file under {@code roots} and commits.
     *
     * @throws IOException when the index itself cannot be written (bad files are reported, not thrown)
     */
    public IndexReport index(List<Path> roots, IndexSettings settings, IndexListener listener) throws IOException {
        long started = System.nanoTime();
        Run run = new Run(new ArticleParser(settings.maxFileSize()), listener, existingArticles());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(settings.threads(), settings.threads(), 0,
                TimeUnit.SECONDS, new ArrayBlockingQueue<>(settings.threads() * 64),
                new ThreadPoolExecutor.CallerRunsPolicy());
        try {
            ArchiveWalker walker = new ArchiveWalker();
            ArchiveVisitor visitor = new ArchiveVisitor() {
                @Override
                public void file(Path realPath) {
                    pool.execute(() -> run.index(realPath));
                }

                @Override
                public void rejected(Rejected rejected) {
                    run.reject(rejected);
                }

                @Override
                public void skipped(Path path, String why) {
                    run.skip(path, why);
                }
            };
            for (Path root : roots) {
                walker.walk(root, visitor);
            }
            pool.shutdown();
            awaitQuietly(pool);
            rethrowFirstFailure(run);
        } catch (IOException | RuntimeException e) {
            pool.shutdownNow();
            awaitQuietly(pool);
            writer.rollback();
            throw e;
        } finally {
            run.close();
        }
        if (writer.hasUncommittedChanges()) {
            writer.setLiveCommitData(ArticleSchema.commitData().entrySet());
            writer.commit();
        }
        return new IndexReport(run.added.get(), run.updated.get(), run.unchanged.get(),
                run.rejectedSorted(), run.skippedSorted(), writer.getDocStats().numDocs,
                Duration.ofNanos(System.nanoTime() - started));
    }

    private static void awaitQuietly(ExecutorService pool) {
        boolean interrupted = false;
        while (true) {
            try {
                if (pool.awaitTermination(1, TimeUnit.HOURS)) {
                    break;
                }
            } catch (InterruptedException e) {
                interrupted = true;
                pool.shutdownNow();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void rethrowFirstFailure(Run run) throws IOException {
        Throwable failure = run.failure;
        if (failure instanceof IOException io) {
            throw io;
        }
        if (failure instanceof RuntimeException re) {
            throw re;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        if (failure != null) {
            throw new IOException(failure);
        }
    }

    /** A snapshot of the index as it was before this run, to tell new, changed and unchanged apart. */
    private DirectoryReader existingArticles() throws IOException {
        return DirectoryReader.indexExists(directory) ? DirectoryReader.open(directory) : null;
    }

    /** The shared state of one indexing run. */
    private final class Run implements Closeable {
        final ArticleParser parser;
        final IndexListener listener;
        final DirectoryReader before;
        final IndexSearcher beforeSearcher;
        final AtomicLong added = new AtomicLong();
        final AtomicLong updated = new AtomicLong();
        final AtomicLong unchanged = new AtomicLong();
        final List<Rejected> rejected = Collections.synchronizedList(new ArrayList<>());
        final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
        volatile Throwable failure;

        Run(ArticleParser parser, IndexListener listener, DirectoryReader before) {
            this.parser = parser;
            this.listener = listener;
            this.before = before;
            this.beforeSearcher = before == null ? null : new IndexSearcher(before);
            if (beforeSearcher != null) {
                beforeSearcher.setQueryCache(null);
            }
        }

        void index(Path file) {
            if (failure != null) {
                return;
            }
            try {
                ParseOutcome outcome = parser.parse(file);
                if (outcome instanceof Rejected r) {
                    reject(r);
                    return;
                }
                Article article = ((ParseOutcome.Parsed) outcome).article();
                switch (stateOf(article)) {
                    case UNCHANGED -> unchanged.incrementAndGet();
                    case CHANGED -> {
                        writer.updateDocument(ArticleSchema.idTerm(article.id()), document(article));
                        updated.incrementAndGet();
                    }
                    case NEW -> {
                        writer.updateDocument(ArticleSchema.idTerm(article.id()), document(article));
                        added.incrementAndGet();
                    }
                }
            } catch (IOException | RuntimeException | Error e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }

        private Document document(Article article) {
            return ArticleSchema.toDocument(article, entities.extract(article.headline(), article.body()));
        }

        private State stateOf(Article article) throws IOException {
            if (beforeSearcher == null) {
                return State.NEW;
            }
            TermQuery byId = new TermQuery(ArticleSchema.idTerm(article.id()));
            if (beforeSearcher.count(byId) == 0) {
                return State.NEW;
            }
            BooleanQuery same = new BooleanQuery.Builder()
                    .add(byId, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(ArticleSchema.HASH, article.sha256())), BooleanClause.Occur.FILTER)
                    .build();
            return beforeSearcher.count(same) > 0 ? State.UNCHANGED : State.CHANGED;
        }

        void reject(Rejected r) {
            rejected.add(r);
            listener.rejected(r);
        }

        void skip(Path path, String why) {
            skipped.add(path + ": " + why);
            listener.skipped(path, why);
        }

        List<Rejected> rejectedSorted() {
            synchronized (rejected) {
                return rejected.stream().sorted((a, b) -> a.path().compareTo(b.path())).toList();
            }
        }

        List<String> skippedSorted() {
            synchronized (skipped) {
                return skipped.stream().sorted().toList();
            }
        }

        @Override
        public void close() throws IOException {
            if (before != null) {
                before.close();
            }
        }
    }

    private enum State { NEW, CHANGED, UNCHANGED }

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
