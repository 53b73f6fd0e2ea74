package org.newsarchive.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class IdSetTest {

    static String hex(long value) {
        return String.format("%016x", value);
    }

    @Test
    void behavesAsASetOfIds() {
        IdSet set = new IdSet();
        Set<String> reference = new HashSet<>();
        Random random = new Random(3);
        for (int i = 0; i < 200_000; i++) {
            String id = hex(random.nextInt(150_000) * 0x9E3779B97F4A7C15L); // many repeats
            assertEquals(reference.add(id), set.add(id), id);
        }
        for (int i = 0; i < 1_000; i++) {
            String id = hex(random.nextLong());
            assertEquals(reference.contains(id), set.contains(id));
        }
        reference.forEach(id -> assertTrue(set.contains(id)));
    }

    @Test
    void zeroAndIdsOfAnotherFormAreKept() {
        IdSet set = new IdSet();
        assertTrue(set.add("0000000000000000"));
        assertFalse(set.add("0000000000000000"));
        assertTrue(set.contains("0000000000000000"));
        assertTrue(set.add("NOT-HEX"));
        assertFalse(set.add("NOT-HEX"));
        assertFalse(set.contains("ffffffffffffffff"));
        assertTrue(set.add("ffffffffffffffff"));
    }

    @Test
    void concurrentAddsCountEachIdOnce() throws InterruptedException {
        IdSet set = new IdSet();
        AtomicInteger added = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 50_000; i++) {
                    if (set.add(hex(i * 31L + 7))) {
                        added.incrementAndGet();
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(50_000, added.get());
    }
}
