package org.newsarchive.entity.ner;

import java.util.Map;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.model.MaxentModel;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.TokenNameFinderModel;

/**
 * The weights of an OpenNLP perceptron model, laid out so that a feature is looked up once and
 * then added by number. {@link PerceptronModel#eval(String[], double[])} looks every feature
 * string up in a hash map each time it scores a context, and a beam search scores the same
 * token's features once per hypothesis; here the caller resolves a feature to its number once
 * and {@link #add adds} it as often as needed.
 *
 * <p>Tagging spends most of its time resolving features, and a {@code HashMap} lookup that
 * finds one touches five objects spread over the heap (bucket, node, key, key bytes, boxed
 * value), then the weights two more. Here a feature is one record in a single {@code long}
 * array: its key's length and the outcomes it has weights for, the weights, then its characters
 * packed four to a long; its number is where the record starts. An open-addressed table of
 * (hash, number) pairs finds it. A feature found costs about two cache misses, one the model
 * does not know usually one; adding a feature already found, usually one.
 *
 * <p>The arithmetic is OpenNLP's, step for step: scores start at zero, each feature's weights
 * are added in the order the features come, and {@link #normalize} is the perceptron's
 * normalisation. Adding the same features in the same order therefore gives the same bits as the
 * model itself, which is what keeps the tags identical.
 *
 * <p>Immutable and thread-safe: the taggers of one model on several threads share one instance.
 */
final class PerceptronWeights {

    /** Name of the classifier inside a name finder model file. */
    private static final String CLASSIFIER_ARTIFACT = "nameFinder.model";

    private final String[] outcomes;
    private final int mask;
    /** Per slot: the key's hash, then its feature number + 1 (0: an empty slot). */
    private final int[] slots;
    /**
     * Feature records: key length << 32 | the set of outcomes it has weights for (one bit each),
     * then those weights (as bits) in outcome order, then the key's characters. Adding a feature
     * reads the first long and the weights that follow, usually one cache line.
     */
    private final long[] records;

    private PerceptronWeights(Map<String, Context> parameters, String[] outcomes) {
        if (outcomes.length > Integer.SIZE) {
            throw new IllegalArgumentException(outcomes.length + " outcomes, at most " + Integer.SIZE);
        }
        this.outcomes = outcomes.clone();
        int capacity = Integer.highestOneBit(Math.max(2, parameters.size()) * 2) * 2;
        this.mask = capacity - 1;
        this.slots = new int[2 * capacity];
        long size = 0;
        for (Map.Entry<String, Context> entry : parameters.entrySet()) {
            size += 1 + keyLongs(entry.getKey().length()) + entry.getValue().getOutcomes().length;
        }
        if (size >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("model too large: " + parameters.size() + " features");
        }
        this.records = new long[(int) size];
        int at = 0;
        for (Map.Entry<String, Context> entry : parameters.entrySet()) {
            String key = entry.getKey();
            int[] outcomeIds = entry.getValue().getOutcomes();
            double[] values = entry.getValue().getParameters();
            int slot = slotOf(key);
            slots[slot] = key.hashCode();
            slots[slot + 1] = at + 1;
            // one weight per outcome; each goes to its own sum, so their order does not matter
            long[] byOutcome = new long[outcomes.length];
            int set = 0;
            for (int k = 0; k < outcomeIds.length; k++) {
                if ((set & 1 << outcomeIds[k]) != 0) {
                    throw new IllegalArgumentException("feature " + key + " weighs twice on outcome " + outcomeIds[k]);
                }
                set |= 1 << outcomeIds[k];
                byOutcome[outcomeIds[k]] = Double.doubleToRawLongBits(values[k]);
            }
            records[at++] = (long) key.length() << 32 | (set & 0xFFFFFFFFL);
            for (int bits = set; bits != 0; bits &= bits - 1) {
                records[at++] = byOutcome[Integer.numberOfTrailingZeros(bits)];
            }
            for (int i = 0; i < key.length(); i++) {
                records[at + i / 4] |= (long) key.charAt(i) << (16 * (i % 4));
            }
            at += keyLongs(key.length());
        }
    }

    private static int keyLongs(int keyLength) {
        return (keyLength + 3) / 4;
    }

    /** The weights of the model's classifier, or null when it is not a perceptron of at most 32 outcomes. */
    static PerceptronWeights of(TokenNameFinderModel model) {
        Object classifier = model.getArtifact(CLASSIFIER_ARTIFACT);
        return classifier instanceof PerceptronModel perceptron ? of(perceptron) : null;
    }

    static PerceptronWeights of(PerceptronModel model) {
        Object[] data = ((AbstractModel) model).getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> parameters = (Map<String, Context>) data[1];
        String[] outcomes = (String[]) data[2];
        return outcomes.length > Integer.SIZE ? null : new PerceptronWeights(parameters, outcomes);
    }

    /** Number of outcomes; score arrays have this length. */
    int outcomeCount() {
        return outcomes.length;
    }

    /** The name of outcome {@code id}, as {@link MaxentModel#getOutcome} gives it. */
    String outcome(int id) {
        return outcomes[id];
    }

    /** The number of a feature, or -1 when the model does not know it (it then adds nothing). */
    int feature(String name) {
        return slots[slotOf(name) + 1] - 1;
    }

    /**
     * The number of the feature named by {@code parts} joined, as {@link #feature(String)},
     * without building the name: its hash is composed from the parts' own (which strings keep
     * once computed) and it is compared part by part. Bigram features join two words the cache
     * already holds, and most of them are not in the model, so this usually costs one probe.
     */
    int feature(String... parts) {
        int hash = 0;
        int length = 0;
        for (String part : parts) {
            hash = hash * powerOf31(part.length()) + part.hashCode();
            length += part.length();
        }
        int index = (hash ^ (hash >>> 16)) & mask;
        while (true) {
            int slot = 2 * index;
            int feature = slots[slot + 1] - 1;
            if (feature < 0) {
                return -1;
            }
            if (slots[slot] == hash && hasKey(feature, parts, length)) {
                return feature;
            }
            index = (index + 1) & mask;
        }
    }

    private static final int[] POWERS_OF_31 = new int[64];

    static {
        int power = 1;
        for (int i = 0; i < POWERS_OF_31.length; i++) {
            POWERS_OF_31[i] = power;
            power *= 31;
        }
    }

    /** 31 to the power {@code n}, wrapping as {@link String#hashCode} does. */
    private static int powerOf31(int n) {
        if (n < POWERS_OF_31.length) {
            return POWERS_OF_31[n];
        }
        int power = POWERS_OF_31[POWERS_OF_31.length - 1];
        for (int i = POWERS_OF_31.length - 1; i < n; i++) {
            power *= 31;
        }
        return power;
    }

    /** Where the key of the feature whose record starts at {@code feature} starts. */
    private int keyStart(int feature) {
        return feature + 1 + Integer.bitCount((int) records[feature]);
    }

    private boolean hasKey(int feature, String[] parts, int length) {
        if ((int) (records[feature] >>> 32) != length) {
            return false;
        }
        int key = keyStart(feature);
        int i = 0;
        for (String part : parts) {
            for (int k = 0; k < part.length(); k++, i++) {
                if ((char) (records[key + i / 4] >>> (16 * (i % 4))) != part.charAt(k)) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The slot holding {@code key}, or the empty slot where it would go. */
    private int slotOf(String key) {
        int hash = key.hashCode();
        int index = (hash ^ (hash >>> 16)) & mask;
        while (true) {
            int slot = 2 * index;
            int feature = slots[slot + 1] - 1;
            if (feature < 0 || slots[slot] == hash && hasKey(feature, key)) {
                return slot;
            }
            index = (index + 1) & mask;
        }
    }

    private boolean hasKey(int feature, String key) {
        int length = key.length();
        if ((int) (records[feature] >>> 32) != length) {
            return false;
        }
        int start = keyStart(feature);
        for (int i = 0; i < length; i++) {
            if ((char) (records[start + i / 4] >>> (16 * (i % 4))) != key.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Adds the weights of feature {@code feature} to {@code scores[offset..offset + outcomeCount())}. */
    void add(int feature, double[] scores, int offset) {
        int k = feature + 1;
        for (int set = (int) records[feature]; set != 0; set &= set - 1) {
            scores[offset + Integer.numberOfTrailingZeros(set)] += Double.longBitsToDouble(records[k++]);
        }
    }

    /**
     * Turns summed weights into probabilities as the perceptron does: each sum is divided by the
     * largest absolute sum (at least 1), exponentiated, and the results are normalised to 1.
     */
    static void normalize(double[] scores) {
        double max = 1;
        for (double score : scores) {
            if (max < StrictMath.abs(score)) {
                max = StrictMath.abs(score);
            }
        }
        double total = 0.0;
        for (int k = 0; k < scores.length; k++) {
            scores[k] = StrictMath.exp(scores[k] / max);
            total += scores[k];
        }
        for (int k = 0; k < scores.length; k++) {
            scores[k] /= total;
        }
    }
}
