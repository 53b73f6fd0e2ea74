package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;

class IndexCountersTest {

    final List<String> heard = Collections.synchronizedList(new ArrayList<>());
    final IndexListener listener = new IndexListener() {
        @Override
        public void rejected(Rejected rejected) {
            heard.add("rejected " + rejected.message());
        }

        @Override
        public void skipped(Path path, String why) {
            heard.add("skipped " + path + ": " + why);
        }
    };

    @Test
    void theReportIsMadeOfTheCounts() {
        IndexCounters counters = new IndexCounters(listener);
        counters.countAdded();
        counters.countAdded();
        counters.countUpdated();
        counters.countUnchanged(5);
        counters.countUnchanged(1);
        counters.countDeleted(3);
        counters.countDeleted(1);
        counters.countDuplicate();
        counters.countFileDone();
        counters.countFileDone();
        counters.countFileDone();

        assertEquals(3, counters.filesDone());
        assertEquals(9, counters.articlesDone());
        IndexReport report = counters.report(42, Duration.ofSeconds(7));
        assertEquals(new IndexReport(2, 1, 6, 4, 1, List.of(), Map.of(), List.of(), 42, Duration.ofSeconds(7)), report);
        assertEquals(List.of(), heard);
    }

    @Test
    void everyRejectionIsCountedAndHeardAndTheFirstThousandListedInFileAndLineOrder() {
        IndexCounters counters = new IndexCounters(listener);
        for (int line = IndexReport.MAX_LISTED_REJECTIONS; line >= 1; line--) {
            counters.reject(new Rejected(Path.of("b.jsonl"), line, RejectReason.BAD_JSON, "bad JSON"));
        }
        counters.reject(new Rejected(Path.of("a.txt"), RejectReason.EMPTY, "empty"));

        IndexReport report = counters.report(0, Duration.ZERO);
        assertEquals(IndexReport.MAX_LISTED_REJECTIONS, report.rejected().size());
        assertEquals(Map.of(RejectReason.BAD_JSON, 1000L, RejectReason.EMPTY, 1L), report.rejectedByReason());
        assertEquals(1001, report.rejectedCount());
        // the thousand listed are the first thousand found, then sorted: a.txt came too late
        assertEquals("b.jsonl:1: bad JSON", report.rejected().get(0).message());
        assertEquals("b.jsonl:2: bad JSON", report.rejected().get(1).message());
        assertEquals("b.jsonl:1000: bad JSON", report.rejected().get(999).message());
        assertEquals(1001, heard.size());
        assertEquals("rejected b.jsonl:1000: bad JSON", heard.get(0));
        assertEquals("rejected a.txt: empty", heard.get(1000));
    }

    @Test
    void rejectionsAreSortedByPathThenLine() {
        IndexCounters counters = new IndexCounters(listener);
        counters.reject(new Rejected(Path.of("b.jsonl"), 12, RejectReason.NO_DATE, "no date"));
        counters.reject(new Rejected(Path.of("c.txt"), RejectReason.EMPTY, "empty"));
        counters.reject(new Rejected(Path.of("b.jsonl"), 3, RejectReason.BAD_JSON, "bad JSON"));
        counters.reject(new Rejected(Path.of("a.txt"), RejectReason.BINARY, "binary"));

        assertEquals(List.of("a.txt: binary", "b.jsonl:3: bad JSON", "b.jsonl:12: no date", "c.txt: empty"),
                counters.report(0, Duration.ZERO).rejected().stream().map(Rejected::message).toList());
    }

    @Test
    void skipsAreHeardAsFoundAndReportedInOrder() {
        IndexCounters counters = new IndexCounters(listener);
        counters.skip(Path.of("z.json"), "not an article file: no title and no text");
        counters.skip(Path.of("loop"), "symlink loop");

        assertEquals(List.of("loop: symlink loop", "z.json: not an article file: no title and no text"),
                counters.report(0, Duration.ZERO).skipped());
        assertEquals(List.of("skipped z.json: not an article file: no title and no text", "skipped loop: symlink loop"),
                heard);
        assertEquals(0, counters.report(0, Duration.ZERO).rejectedCount());
    }

    @Test
    void theFirstFailureIsKeptAndRethrownAsItWas() {
        IndexCounters counters = new IndexCounters(listener);
        assertFalse(counters.failed());
        assertDoesNotThrow(counters::rethrowFailure);

        IOException first = new IOException("disk full");
        assertTrue(counters.fail(first));
        assertFalse(counters.fail(new IllegalStateException("this IndexWriter is closed")));
        assertTrue(counters.failed());
        assertSame(first, assertThrows(IOException.class, counters::rethrowFailure));
    }

    @Test
    void aFailureOfAnotherKindIsRethrownAsItWasOrInAnIOException() {
        IndexCounters runtime = new IndexCounters(listener);
        IllegalStateException closed = new IllegalStateException("closed");
        runtime.fail(closed);
        assertSame(closed, assertThrows(IllegalStateException.class, runtime::rethrowFailure));

        IndexCounters error = new IndexCounters(listener);
        OutOfMemoryError memory = new OutOfMemoryError("Java heap space");
        error.fail(memory);
        assertSame(memory, assertThrows(OutOfMemoryError.class, error::rethrowFailure));

        IndexCounters checked = new IndexCounters(listener);
        Exception other = new Exception("other");
        checked.fail(other);
        assertSame(other, assertThrows(IOException.class, checked::rethrowFailure).getCause());
    }

    @Test
    void ofFailuresAtTheSameMomentExactlyOneIsKept() throws InterruptedException {
        IndexCounters counters = new IndexCounters(listener);
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger kept = new AtomicInteger();
        List<Thread> all = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            IOException failure = new IOException("failure " + i);
            Thread thread = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                if (counters.fail(failure)) {
                    kept.incrementAndGet();
                }
            });
            all.add(thread);
            thread.start();
        }
        start.countDown();
        for (Thread thread : all) {
            thread.join();
        }
        assertEquals(1, kept.get());
    }
}
