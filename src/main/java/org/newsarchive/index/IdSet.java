package org.newsarchive.index;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The ids a run has handled, as 64-bit numbers: an id is 16 hex digits, so a set of strings
 * spends about 100 bytes on each (string, array, hash node), this one 16. A run over a JSON lines
 * file of two million records must fit in a small heap beside the writer's buffer; with strings,
 * the set alone took 190 MB of a 256 MB heap and the run died.
 *
 * <p>Open addressing with linear probing in 64 stripes, each behind its own lock: the walker and
 * the workers add at once, and a stripe is held for a few array reads. Thread-safe.
 */
final class IdSet {

    private static final int STRIPES = 64;

    private final Stripe[] stripes = new Stripe[STRIPES];

    /** Ids not in the usual form (never written by this version; kept exact rather than refused). */
    private final Set<String> others = ConcurrentHashMap.newKeySet();

    IdSet() {
        for (int i = 0; i < STRIPES; i++) {
            stripes[i] = new Stripe();
        }
    }

    /** Adds the id; false when it was there already. */
    boolean add(String id) {
        if (!isHex64(id)) {
            return others.add(id);
        }
        long value = Long.parseUnsignedLong(id, 16);
        return stripe(value).add(value);
    }

    boolean contains(String id) {
        if (!isHex64(id)) {
            return others.contains(id);
        }
        long value = Long.parseUnsignedLong(id, 16);
        return stripe(value).contains(value);
    }

    private Stripe stripe(long value) {
        return stripes[(int) (mix(value) >>> 58)]; // the top 6 bits pick one of 64
    }

    private static boolean isHex64(String id) {
        if (id.length() != 16) {
            return false;
        }
        for (int i = 0; i < 16; i++) {
            char c = id.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** Ids are hash prefixes already; mixing still guards against an adversarial or patterned set. */
    private static long mix(long value) {
        long h = value * 0x9E3779B97F4A7C15L;
        return h ^ (h >>> 31);
    }

    private static final class Stripe {
        private long[] table = new long[16];
        private boolean hasZero;
        private int size;

        synchronized boolean add(long value) {
            if (value == 0) {
                boolean added = !hasZero;
                hasZero = true;
                return added;
            }
            if (insert(table, value)) {
                if (++size * 2 > table.length) {
                    grow();
                }
                return true;
            }
            return false;
        }

        synchronized boolean contains(long value) {
            if (value == 0) {
                return hasZero;
            }
            int mask = table.length - 1;
            for (int i = (int) mix(value) & mask; ; i = (i + 1) & mask) {
                if (table[i] == value) {
                    return true;
                }
                if (table[i] == 0) {
                    return false;
                }
            }
        }

        private static boolean insert(long[] table, long value) {
            int mask = table.length - 1;
            for (int i = (int) mix(value) & mask; ; i = (i + 1) & mask) {
                if (table[i] == value) {
                    return false;
                }
                if (table[i] == 0) {
                    table[i] = value;
                    return true;
                }
            }
        }

        private void grow() {
            long[] bigger = new long[table.length * 2];
            for (long value : table) {
                if (value != 0) {
                    insert(bigger, value);
                }
            }
            table = bigger;
        }
    }
}
