package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class BatchWorkersTest {

    private static List<Path> files(int n) {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(Path.of("f" + i + ".txt"));
        }
        return files;
    }

    @Test
    void everyFileIsHandledOnceWhateverTheBatching() throws InterruptedException {
        for (int n : new int[] {0, 1, BatchWorkers.BATCH - 1, BatchWorkers.BATCH, BatchWorkers.BATCH + 1, 1000}) {
            Set<Path> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger calls = new AtomicInteger();
            BatchWorkers<Path> workers = new BatchWorkers<>(3, "test", file -> {
                calls.incrementAndGet();
                seen.add(file);
            });
            for (Path file : files(n)) {
                workers.submit(file);
            }
            workers.finish();
            assertEquals(n, calls.get(), "files: " + n);
            assertEquals(Set.copyOf(files(n)), seen);
        }
    }

    @Test
    void exactlyTheGivenNumberOfThreadsWork() throws InterruptedException {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch bothStarted = new CountDownLatch(2);
        BatchWorkers<Path> workers = new BatchWorkers<>(2, "test", file -> {
            threads.add(Thread.currentThread().getName());
            bothStarted.countDown();
            try {
                bothStarted.await(5, TimeUnit.SECONDS); // hold each worker until the other has a batch too
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        for (Path file : files(20 * BatchWorkers.BATCH)) {
            workers.submit(file);
        }
        workers.finish();
        assertEquals(Set.of("test-1", "test-2"), threads);
        assertTrue(!threads.contains(Thread.currentThread().getName()), "the submitting thread never works");
    }

    @Test
    void aThrowingActionDoesNotStopTheOtherFilesAndIsRethrownAtTheEnd() throws InterruptedException {
        List<Path> done = Collections.synchronizedList(new ArrayList<>());
        IllegalStateException boom = new IllegalStateException("boom");
        BatchWorkers<Path> workers = new BatchWorkers<>(2, "test", file -> {
            if (file.toString().equals("f7.txt")) {
                throw boom;
            }
            done.add(file);
        });
        for (Path file : files(100)) {
            workers.submit(file);
        }
        IllegalStateException thrown = assertThrows(IllegalStateException.class, workers::finish);
        assertSame(boom, thrown);
        assertEquals(99, done.size());
    }

    @Test
    void theSubmitterWaitsWhileTheQueueIsFullAndAbandonEndsTheWorkers() throws InterruptedException {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger handled = new AtomicInteger();
        BatchWorkers<Path> workers = new BatchWorkers<>(1, "test", file -> {
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            handled.incrementAndGet();
        });
        AtomicInteger submitted = new AtomicInteger();
        Thread submitter = new Thread(() -> {
            try {
                for (Path file : files(10 * BatchWorkers.BATCH)) {
                    workers.submit(file);
                    submitted.incrementAndGet();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        submitter.start();
        submitter.join(300);
        // one batch in hand, two queued, one being filled: the rest waits
        assertTrue(submitter.isAlive());
        assertTrue(submitted.get() < 5 * BatchWorkers.BATCH, "submitted " + submitted.get());
        submitter.interrupt();
        submitter.join();
        release.countDown();
        workers.abandon(); // waits for the batch in hand
        int afterAbandon = handled.get();
        // at most the batch in hand and the two the queue held
        assertTrue(afterAbandon <= BatchWorkers.BATCH * 3, "handled " + afterAbandon);
        Thread.sleep(50);
        assertEquals(afterAbandon, handled.get()); // nothing runs after abandon returns
    }

    @Test
    void refusesNoWorkers() {
        assertThrows(IllegalArgumentException.class, () -> new BatchWorkers<Object>(0, "test", item -> { }));
    }
}
