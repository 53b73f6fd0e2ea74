package org.newsarchive.ingest;

/**
 * A MinHash signature of an article's text over word pairs (2-shingles), for finding near-duplicates:
 * the share of equal positions in two signatures estimates the Jaccard similarity of their
 * shingle sets (a reprint with a few words changed shares most shingles, unrelated articles
 * almost none). {@value #SIZE} minima, each under its own multiply-shift permutation of one
 * 64-bit shingle hash, so a shingle costs one hash and {@value #SIZE} multiply-adds. Words are
 * runs of letters and digits, lower-cased; the signature depends on the text only.
 *
 * <p>Candidates are found by locality-sensitive hashing: the signature is cut into
 * {@value #BANDS} bands of {@value #ROWS} positions, and two articles are candidates when one
 * band is equal in both. Articles with Jaccard similarity 0.6 share a band with probability
 * 1 - (1 - 0.6^4)^16 = 0.89, with 0.8 with probability 0.9998.
 *
 * <p>Why pairs of words: news articles are short (many Reuters items have 50 words), and a
 * shingle of three words is lost to any of its words being edited; single words make every
 * earnings report a copy of every other. On planted reprints (docs/near-duplicates.md) pairs
 * found 92% of copies with six words changed against 77% for triples, at similarity 0.6. A
 * 64-bit SimHash was tried first and found 21% of copies with two words changed within 3 bits.
 */
public final class MinHash {

    /** Positions of a signature. */
    public static final int SIZE = 64;
    /** Bands for candidate look-up, and positions per band. */
    public static final int BANDS = 16;
    public static final int ROWS = SIZE / BANDS;
    static final int SHINGLE = 2;

    /**
     * Bits of each minimum: 16, so a signature is 128 bytes. Two different minima are equal by
     * chance once in 65,536, which moves an estimated similarity by nothing measurable (the
     * planted-copy figures were the same with 31 bits).
     */
    public static final int BITS = 16;

    private static final long[] MULTIPLIERS = new long[SIZE];
    private static final long[] ADDENDS = new long[SIZE];

    static {
        long seed = 0x5eed_0f_a11_5a7eL;
        for (int i = 0; i < SIZE; i++) {
            MULTIPLIERS[i] = mix(seed += 0x9e3779b97f4a7c15L) | 1; // odd: a permutation of 64-bit values
            ADDENDS[i] = mix(seed += 0x9e3779b97f4a7c15L);
        }
    }

    private MinHash() {
    }

    /** The signature of the concatenated texts (headline, then body): {@value #SIZE} values of {@value #BITS} bits. */
    public static int[] of(String... texts) {
        int[] minima = new int[SIZE];
        java.util.Arrays.fill(minima, (1 << BITS) - 1); // the largest value: what a text with no word keeps
        long[] window = new long[SHINGLE];
        int words = 0;
        for (String text : texts) {
            int i = 0;
            int n = text.length();
            while (i < n) {
                while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
                    i++;
                }
                if (i >= n) {
                    break;
                }
                long hash = 0xcbf29ce484222325L;
                while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
                    hash ^= Character.toLowerCase(text.charAt(i++));
                    hash *= 0x100000001b3L;
                }
                window[words % SHINGLE] = hash;
                words++;
                if (words >= SHINGLE) {
                    add(minima, shingle(window, words));
                }
            }
        }
        if (words > 0 && words < SHINGLE) {
            add(minima, shingle(window, words));
        }
        return minima;
    }

    private static long shingle(long[] window, int words) {
        long h = 0;
        for (int k = Math.max(0, words - SHINGLE); k < words; k++) {
            h = mix(h * 31 + window[k % SHINGLE]);
        }
        return h;
    }

    private static void add(int[] minima, long shingle) {
        for (int i = 0; i < SIZE; i++) {
            int value = (int) ((MULTIPLIERS[i] * shingle + ADDENDS[i]) >>> (64 - BITS)); // the top bits
            if (value < minima[i]) {
                minima[i] = value;
            }
        }
    }

    /** Estimated Jaccard similarity: the share of positions where the signatures agree. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return (double) same / SIZE;
    }

    /** Band {@code band}'s key: the band number and its positions, hashed to 64 bits. */
    public static long bandKey(int[] signature, int band) {
        long h = band;
        for (int i = band * ROWS; i < (band + 1) * ROWS; i++) {
            h = mix(h * 31 + signature[i]);
        }
        return h;
    }

    /** SplitMix64's finaliser: every input bit flips each output bit with probability one half. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
