package org.newsarchive.index;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;

/**
 * What one indexing run has done so far, and the first failure that stopped it. The run makes
 * one and hands it to every stage, which only adds to it through these methods; the
 * {@link IndexReport} is made from it at the end, and the progress line reads it while the run
 * goes. Rejections and skips are told to the {@link IndexListener} as they are counted, so that
 * nothing can be counted without being heard, or heard without being counted.
 *
 * <p>Thread-safe: the walker and the workers count at once.
 */
final class IndexCounters {

    private final IndexListener listener;
    private final AtomicLong added = new AtomicLong();
    private final AtomicLong updated = new AtomicLong();
    private final AtomicLong unchanged = new AtomicLong();
    private final AtomicLong deleted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong filesDone = new AtomicLong();
    /** The first {@link IndexReport#MAX_LISTED_REJECTIONS}; guards {@link #rejectedByReason} too. */
    private final List<Rejected> rejected = new ArrayList<>();
    private final Map<RejectReason, Long> rejectedByReason = new EnumMap<>(RejectReason.class);
    private final List<String> skipped = Collections.synchronizedList(new ArrayList<>());
    private final AtomicReference<Throwable> failure = new AtomicReference<>();

    IndexCounters(IndexListener listener) {
        this.listener = listener;
    }

    /** An article new to the index was written. */
    void countAdded() {
        added.incrementAndGet();
    }

    /** An article the index had was written again. */
    void countUpdated() {
        updated.incrementAndGet();
    }

    /** {@code articles} were found to be what the index has. */
    void countUnchanged(long articles) {
        unchanged.addAndGet(articles);
    }

    /** {@code articles} were deleted from the index. */
    void countDeleted(long articles) {
        deleted.addAndGet(articles);
    }

    /** A record was passed over: an earlier one of this run had its id. */
    void countDuplicate() {
        duplicates.incrementAndGet();
    }

    /** A file was dealt with (indexed, unchanged or rejected), for the progress line. */
    void countFileDone() {
        filesDone.incrementAndGet();
    }

    /** A file or record was not indexed. */
    void reject(Rejected r) {
        synchronized (rejected) {
            if (rejected.size() < IndexReport.MAX_LISTED_REJECTIONS) {
                rejected.add(r);
            }
            rejectedByReason.merge(r.reason(), 1L, Long::sum);
        }
        listener.rejected(r);
    }

    /** Something was passed over that is not an error. */
    void skip(Path path, String why) {
        skipped.add(path + ": " + why);
        listener.skipped(path, why);
    }

    long filesDone() {
        return filesDone.get();
    }

    /** Articles dealt with so far: added, updated or unchanged. */
    long articlesDone() {
        return added.get() + updated.get() + unchanged.get();
    }

    /**
     * Keeps {@code e} when it is the run's first failure; later ones are consequences of it
     * (a writer that failed fails every write after).
     *
     * @return whether {@code e} was kept
     */
    boolean fail(Throwable e) {
        return failure.compareAndSet(null, e);
    }

    /** Whether the run has failed, so that readers and workers stop early. */
    boolean failed() {
        return failure.get() != null;
    }

    /** Throws the first failure, if there was one, as what it was (anything else as an IOException). */
    void rethrowFailure() throws IOException {
        Throwable f = failure.get();
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

    /**
     * The report of the run: rejections in file and line order, skips in alphabetical order.
     *
     * @param articles live articles in the index after the run
     */
    IndexReport report(long articles, Duration elapsed) {
        List<Rejected> listed;
        Map<RejectReason, Long> counts;
        synchronized (rejected) {
            listed = rejected.stream().sorted(IndexCounters::byLocation).toList();
            counts = new EnumMap<>(rejectedByReason);
        }
        List<String> skips;
        synchronized (skipped) {
            skips = skipped.stream().sorted().toList();
        }
        return new IndexReport(added.get(), updated.get(), unchanged.get(), deleted.get(), duplicates.get(),
                listed, counts, skips, articles, elapsed);
    }

    private static int byLocation(Rejected a, Rejected b) {
        int byPath = a.path().compareTo(b.path());
        return byPath != 0 ? byPath : Long.compare(a.line(), b.line());
    }
}
