package org.newsarchive.server;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.store.Directory;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.Archive;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;
import org.newsarchive.query.RequestDeadline;

/**
 * The local index a resident server reads (what a plain {@code serve} serves), kept fresh while
 * other processes write it: the reader of the last commit, replaced when a newer commit appears
 * (checked every {@code refresh}), and shared by all requests in flight.
 *
 * <p>Each request takes a reference on the reader it starts with ({@link #acquire}) and gives it
 * back when done, so a reader replaced meanwhile stays open until its last request ends, and is
 * closed then; no request ever sees a reader change under it. This is Lucene's
 * {@code SearcherManager} discipline, kept here because the unit shared is our
 * {@link ArchiveSearcher} (with its entity counter and its caches), not a bare
 * {@code IndexSearcher}. A {@code reindex} rewrites the same folder, so it is one more new
 * commit; a reader that cannot be opened (the index was removed or damaged) leaves the last good
 * one serving, and {@link #health} says so.
 */
final class LiveIndex implements ServedArchive {

    /** A reader of one commit and the searcher over it. */
    private record Generation(DirectoryReader reader, Archive searcher) {
    }

    private final Path location;
    private final Directory directory;
    private final AliasTable aliases;
    private final ScheduledExecutorService refresher;
    private volatile Generation current;
    private volatile String problem;

    private LiveIndex(Path location, Directory directory, AliasTable aliases, Generation first, long refreshMillis) {
        this.location = location;
        this.directory = directory;
        this.aliases = aliases;
        this.current = first;
        this.refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "index-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::refreshQuietly, refreshMillis, refreshMillis, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the index at {@code location} and starts watching it for new commits.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    static LiveIndex open(Path location, AliasTable aliases, long refreshMillis) throws IndexUnavailableException {
        OpenIndex opened = OpenIndex.open(location);
        // the first reader's folder stays open for the server's life: every later reader is
        // opened from it (openIfChanged reuses the segments that did not change)
        return new LiveIndex(location, opened.directory(), aliases,
                generation(location, opened.directory(), opened.reader(), aliases), refreshMillis);
    }

    /** Where the index lives. */
    Path location() {
        return location;
    }

    @Override
    public String describe() {
        return "the index at " + location;
    }

    /**
     * The searcher of the newest reader, with a reference taken on it: close the lease when the
     * request is done.
     */
    @Override
    public Lease acquire() throws IndexUnavailableException {
        while (true) {
            Generation generation = current;
            if (generation == null) {
                throw new IndexUnavailableException("the server is shutting down");
            }
            if (generation.reader().tryIncRef()) {
                return new Lease(generation);
            }
            // replaced and closed between reading 'current' and taking the reference: take the new one
        }
    }

    /** A request's hold on one reader. */
    static final class Lease implements ServedArchive.Lease {
        private final Generation generation;
        private boolean released;

        private Lease(Generation generation) {
            this.generation = generation;
        }

        @Override
        public Archive searcher() {
            return generation.searcher();
        }

        /** The reader leased (its reference count shows whether it is still open). */
        DirectoryReader reader() {
            return generation.reader();
        }

        @Override
        public void close() {
            if (!released) {
                released = true;
                try {
                    generation.reader().decRef();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }
    }

    /**
     * The newest reader as an {@link OpenIndex} for code that opens and closes indexes itself
     * (the CLI's commands): closing it gives the reference back.
     */
    OpenIndex lend() throws IndexUnavailableException {
        Lease lease = acquire();
        return OpenIndex.lease(directory, lease.generation.reader());
    }

    /** Null when the newest commit could be read, else why not. */
    @Override
    public String health() {
        return problem;
    }

    /**
     * Opens the newest commit when it differs from the one served, and makes it the one new
     * requests get. Returns whether it changed.
     */
    synchronized boolean refresh() throws IOException {
        Generation old = current;
        if (old == null) {
            return false;
        }
        DirectoryReader newer = DirectoryReader.openIfChanged(old.reader());
        if (newer == null) {
            problem = null;
            return false;
        }
        current = generation(location, directory, newer, aliases);
        problem = null;
        old.reader().decRef(); // the server's own reference; requests still on it keep it open
        return true;
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (IOException | RuntimeException e) {
            // the last good reader keeps serving; health reports the failure until a commit reads
            problem = "cannot read the newest commit of " + location + " (" + e.getClass().getSimpleName() + ")";
        }
    }

    private static Generation generation(Path location, Directory directory, DirectoryReader reader,
            AliasTable aliases) {
        // the lease holds no reference: generations are closed by reference counting, not by
        // closing their searcher
        OpenIndex index = new OpenIndex(directory, reader, () -> { });
        return new Generation(reader, ArchiveSearcher.over(location, index, aliases, RequestDeadline.PER_THREAD));
    }

    @Override
    public synchronized void close() throws IOException {
        refresher.shutdownNow();
        Generation last = current;
        current = null;
        try {
            if (last != null) {
                last.reader().decRef();
            }
        } finally {
            directory.close();
        }
    }

}
