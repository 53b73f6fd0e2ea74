package org.newsarchive.index;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A fixed number of worker threads that each take work (files, records of a JSON lines file) in
 * batches from a bounded queue; the thread that submits (the archive walker) waits when they
 * fall behind.
 *
 * <p>Why not a thread pool with one task per file and the caller running tasks when the queue is
 * full: the walker then indexes too, so two cores ran three indexing threads, and the
 * IndexWriter kept a third in-memory segment. Indexing 200,000 articles without entities took
 * a fifth more CPU that way, and left more, smaller segments to merge. Handing files over in
 * batches keeps the queue's wake-ups (system time) to one per batch rather than one per file.
 *
 * <p>The queue holds at most {@code 2 * workers} batches, so memory stays flat whatever the
 * archive's size. A worker never stops before {@link #finish} or {@link #abandon}, even when the
 * action throws: otherwise a walker could wait forever on a queue nobody takes from.
 */
final class BatchWorkers<T> {

    /** Items per hand-over: small enough that workers share the tail of a run evenly. */
    static final int BATCH = 32;

    private final List<T> end = new ArrayList<>(0);

    private final BlockingQueue<List<T>> queue;
    private final List<Thread> threads = new ArrayList<>();
    private List<T> batch = new ArrayList<>(BATCH);
    private final AtomicReference<Throwable> escaped = new AtomicReference<>();

    /**
     * Starts {@code workers} threads, each applying {@code action} to the items it takes.
     *
     * @param action should handle its own failures; the first throwable that escapes it is
     *               rethrown by {@link #finish}, and the workers go on with the next items
     */
    BatchWorkers(int workers, String name, Consumer<T> action) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be 1 or more, not " + workers);
        }
        queue = new ArrayBlockingQueue<>(2 * workers);
        for (int i = 0; i < workers; i++) {
            Thread thread = new Thread(() -> work(action), name + "-" + (i + 1));
            thread.setDaemon(true); // a worker must never keep the JVM alive after a fatal error
            threads.add(thread);
            thread.start();
        }
    }

    /** Hands {@code item} to the workers; waits while the queue is full. */
    void submit(T item) throws InterruptedException {
        batch.add(item);
        if (batch.size() == BATCH) {
            queue.put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /**
     * Hands over the last partial batch, tells every worker to stop, and waits for all of them.
     * Rethrows the first throwable that escaped the action, if one did.
     */
    void finish() throws InterruptedException {
        if (!batch.isEmpty()) {
            queue.put(batch);
            batch = new ArrayList<>(0);
        }
        for (int i = 0; i < threads.size(); i++) {
            queue.put(end);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        Throwable t = escaped.get();
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    /**
     * Drops the files still queued, tells the workers to stop after the batch in hand and waits
     * for them, so that nothing writes to the index after a failed run returns. Called by the
     * submitting thread only. Workers are not interrupted: an interrupt during a write closes
     * Lucene's file channels and fails the IndexWriter for good.
     */
    void abandon() {
        queue.clear();
        for (int i = 0; i < threads.size(); i++) {
            queue.offer(end); // room for all: the queue holds twice as many batches as workers
        }
        boolean interrupted = Thread.interrupted();
        for (Thread thread : threads) {
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void work(Consumer<T> action) {
        try {
            while (true) {
                List<T> items = queue.take();
                if (items == end) {
                    return;
                }
                for (T item : items) {
                    try {
                        action.accept(item);
                    } catch (RuntimeException | Error e) {
                        escaped.compareAndSet(null, e);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // nobody interrupts workers; end quietly if someone does
        }
    }
}
