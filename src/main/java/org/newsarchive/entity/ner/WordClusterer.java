package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Distributional word clusters by the exchange algorithm (Kneser and Ney 1993; Martin, Liermann
 * and Ney 1998): words are put into a fixed number of classes so as to maximise the likelihood of
 * a class bigram model of the corpus, by moving one word at a time to the class that helps most.
 * Words that occur in the same contexts end up together (surnames with surnames, towns with
 * towns), which lets the tagger generalise to names it never saw labelled. It gives the same
 * kind of features as Brown clusters at a fraction of the cost; several granularities stand in for
 * Brown's bit-string prefixes.
 *
 * <p>Deterministic: the initial classes follow the frequency order (ties broken by the word),
 * and words are visited in that order, so the same corpus gives the same clusters.
 */
public final class WordClusterer {

    /** Token standing for sentence boundaries. */
    static final String BOUNDARY = "<s>";
    /** Token standing for all words below the frequency threshold. */
    static final String RARE = "<rare>";

    private static final int TABLE = 1 << 20;
    private static final double[] X_LOG_X = new double[TABLE];

    static {
        for (int i = 1; i < TABLE; i++) {
            X_LOG_X[i] = i * Math.log(i);
        }
    }

    private final String[] words;
    private final int[] counts;
    private final int[][] successors;      // per word: successor word ids
    private final int[][] successorCounts;
    private final int[][] predecessors;
    private final int[][] predecessorCounts;
    private final int[] selfCounts;

    private WordClusterer(String[] words, int[] counts, Map<Long, int[]> bigrams) {
        this.words = words;
        this.counts = counts;
        int v = words.length;
        int[] outDegree = new int[v];
        int[] inDegree = new int[v];
        selfCounts = new int[v];
        for (var entry : bigrams.entrySet()) {
            int left = (int) (entry.getKey() >>> 32);
            int right = (int) (long) entry.getKey();
            if (left == right) {
                selfCounts[left] += entry.getValue()[0];
            } else {
                outDegree[left]++;
                inDegree[right]++;
            }
        }
        successors = new int[v][];
        successorCounts = new int[v][];
        predecessors = new int[v][];
        predecessorCounts = new int[v][];
        for (int w = 0; w < v; w++) {
            successors[w] = new int[outDegree[w]];
            successorCounts[w] = new int[outDegree[w]];
            predecessors[w] = new int[inDegree[w]];
            predecessorCounts[w] = new int[inDegree[w]];
        }
        int[] outFill = new int[v];
        int[] inFill = new int[v];
        // sorted keys: deterministic adjacency order whatever the map's iteration order
        long[] keys = bigrams.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
        for (long key : keys) {
            int left = (int) (key >>> 32);
            int right = (int) key;
            if (left == right) {
                continue;
            }
            int count = bigrams.get(key)[0];
            successors[left][outFill[left]] = right;
            successorCounts[left][outFill[left]++] = count;
            predecessors[right][inFill[right]] = left;
            predecessorCounts[right][inFill[right]++] = count;
        }
    }

    /**
     * Builds the bigram statistics of {@code sentences}; words seen fewer than {@code minCount}
     * times share one {@link #RARE} entry.
     */
    public static WordClusterer of(List<String[]> sentences, int minCount) {
        Map<String, int[]> frequency = new HashMap<>();
        for (String[] sentence : sentences) {
            for (String token : sentence) {
                frequency.computeIfAbsent(token, t -> new int[1])[0]++;
            }
        }
        List<String> vocabulary = new ArrayList<>();
        for (var entry : frequency.entrySet()) {
            if (entry.getValue()[0] >= minCount) {
                vocabulary.add(entry.getKey());
            }
        }
        vocabulary.add(BOUNDARY);
        vocabulary.add(RARE);
        Map<String, Integer> ids = new HashMap<>();
        int[] counts = new int[vocabulary.size()];
        // frequency order, ties by the word itself: the deterministic order of everything after
        vocabulary.sort((a, b) -> {
            int fa = a.equals(BOUNDARY) ? sentences.size() : frequency.getOrDefault(a, new int[1])[0];
            int fb = b.equals(BOUNDARY) ? sentences.size() : frequency.getOrDefault(b, new int[1])[0];
            return fa != fb ? Integer.compare(fb, fa) : a.compareTo(b);
        });
        for (int i = 0; i < vocabulary.size(); i++) {
            ids.put(vocabulary.get(i), i);
        }
        int boundary = ids.get(BOUNDARY);
        int rare = ids.get(RARE);
        Map<Long, int[]> bigrams = new HashMap<>();
        for (String[] sentence : sentences) {
            int previous = boundary;
            counts[boundary]++;
            for (String token : sentence) {
                Integer id = ids.get(token);
                int current = id == null ? rare : id;
                counts[current]++;
                bigrams.computeIfAbsent(((long) previous << 32) | current, k -> new int[1])[0]++;
                previous = current;
            }
            bigrams.computeIfAbsent(((long) previous << 32) | boundary, k -> new int[1])[0]++;
        }
        return new WordClusterer(vocabulary.toArray(String[]::new), counts, bigrams);
    }

    /** The vocabulary, most frequent first (including {@link #BOUNDARY} and {@link #RARE}). */
    public String[] words() {
        return words.clone();
    }

    /**
     * Clusters the vocabulary into {@code classes} classes with at most {@code iterations} passes
     * of the exchange algorithm; returns each word's class, indexed like {@link #words()}.
     */
    public int[] cluster(int classes, int iterations) {
        int v = words.length;
        int c = Math.min(classes, v);
        int[] classOf = new int[v];
        for (int w = 0; w < v; w++) {
            classOf[w] = w % c;
        }
        long[] classCounts = new long[c];
        int[] bigram = new int[c * c];     // bigram[a * c + b] = N(a, b)
        int[] transposed = new int[c * c]; // transposed[b * c + a] = N(a, b)
        for (int w = 0; w < v; w++) {
            classCounts[classOf[w]] += counts[w];
            int a = classOf[w];
            for (int k = 0; k < successors[w].length; k++) {
                int b = classOf[successors[w][k]];
                bigram[a * c + b] += successorCounts[w][k];
                transposed[b * c + a] += successorCounts[w][k];
            }
            bigram[a * c + a] += selfCounts[w];
            transposed[a * c + a] += selfCounts[w];
        }
        int[] right = new int[c];   // counts of w followed by class
        int[] left = new int[c];    // counts of class followed by w
        int[] rightClasses = new int[c];
        int[] leftClasses = new int[c];
        for (int iteration = 0; iteration < iterations; iteration++) {
            int moves = 0;
            for (int w = 0; w < v; w++) {
                // gather w's class contexts
                int nRight = 0;
                for (int k = 0; k < successors[w].length; k++) {
                    int b = classOf[successors[w][k]];
                    if (right[b] == 0) {
                        rightClasses[nRight++] = b;
                    }
                    right[b] += successorCounts[w][k];
                }
                int nLeft = 0;
                for (int k = 0; k < predecessors[w].length; k++) {
                    int b = classOf[predecessors[w][k]];
                    if (left[b] == 0) {
                        leftClasses[nLeft++] = b;
                    }
                    left[b] += predecessorCounts[w][k];
                }
                int self = selfCounts[w];
                int from = classOf[w];
                // take w out of its class
                update(bigram, transposed, c, from, right, rightClasses, nRight, left, leftClasses, nLeft, self, -1);
                classCounts[from] -= counts[w];
                // best class to put it in
                int best = from;
                double bestGain = Double.NEGATIVE_INFINITY;
                for (int b = 0; b < c; b++) {
                    double gain = 0;
                    int rowBase = b * c;
                    for (int k = 0; k < nRight; k++) {
                        int x = rightClasses[k];
                        if (x != b) {
                            int old = bigram[rowBase + x];
                            gain += xlogx(old + right[x]) - xlogx(old);
                        }
                    }
                    for (int k = 0; k < nLeft; k++) {
                        int x = leftClasses[k];
                        if (x != b) {
                            int old = transposed[rowBase + x];
                            gain += xlogx(old + left[x]) - xlogx(old);
                        }
                    }
                    int diagonal = bigram[rowBase + b];
                    gain += xlogx(diagonal + right[b] + left[b] + self) - xlogx(diagonal);
                    gain -= 2 * (xlogx(classCounts[b] + counts[w]) - xlogx(classCounts[b]));
                    if (gain > bestGain + 1e-9 || (b == from && gain >= bestGain - 1e-9)) {
                        bestGain = gain;
                        best = b;
                    }
                }
                update(bigram, transposed, c, best, right, rightClasses, nRight, left, leftClasses, nLeft, self, +1);
                classCounts[best] += counts[w];
                if (best != from) {
                    classOf[w] = best;
                    moves++;
                }
                for (int k = 0; k < nRight; k++) {
                    right[rightClasses[k]] = 0;
                }
                for (int k = 0; k < nLeft; k++) {
                    left[leftClasses[k]] = 0;
                }
            }
            if (moves == 0) {
                break;
            }
        }
        return classOf;
    }

    private static void update(int[] bigram, int[] transposed, int c, int target, int[] right, int[] rightClasses,
            int nRight, int[] left, int[] leftClasses, int nLeft, int self, int sign) {
        for (int k = 0; k < nRight; k++) {
            int x = rightClasses[k];
            bigram[target * c + x] += sign * right[x];
            transposed[x * c + target] += sign * right[x];
        }
        for (int k = 0; k < nLeft; k++) {
            int x = leftClasses[k];
            bigram[x * c + target] += sign * left[x];
            transposed[target * c + x] += sign * left[x];
        }
        bigram[target * c + target] += sign * self;
        transposed[target * c + target] += sign * self;
    }

    private static double xlogx(long x) {
        return x < TABLE ? X_LOG_X[(int) x] : x * Math.log(x);
    }

    /** For tests: the class of each word as a map. */
    static Map<String, Integer> asMap(String[] words, int[] classOf) {
        Map<String, Integer> map = new HashMap<>();
        for (int i = 0; i < words.length; i++) {
            map.put(words[i], classOf[i]);
        }
        return map;
    }

    @Override
    public String toString() {
        return "WordClusterer[" + words.length + " words, " + Arrays.stream(counts).asLongStream().sum() + " tokens]";
    }
}
