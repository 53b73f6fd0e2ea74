package org.newsarchive.entity.ner;

import java.util.Arrays;
import java.util.Locale;
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

/**
 * The features of a word that depend on the word alone, whatever the sentence: its own (form,
 * shape, token class, affixes, clusters, casing bucket) and those it gives its neighbours
 * ({@code w-1=}, {@code sh+1=}, {@code c3-1=}...). A word recurs many times in an archive, and
 * building these ~35 strings, hashing them and looking them up in the model was most of the cost
 * of tagging; {@link WordFeatureCache} keeps one instance per distinct word so that this happens
 * once per word, and {@link #id} keeps each feature's number in the model once it has been
 * looked up.
 *
 * <p>A slot names one feature: {@link #feature} builds its string exactly as the feature
 * generator always has, {@link #id} is its number in the model's {@link PerceptronWeights}. The
 * numbers belong to one model: asked with another, the word forgets them. Not thread-safe.
 */
final class WordFeatures {

    /** {@code w=} and the lower-cased word. */
    static final int WORD = 0;
    /** {@code sh=} and the shape. */
    static final int SHAPE = 1;
    /** {@code tc=} and OpenNLP's token class. */
    static final int TOKEN_CLASS = 2;
    /** {@code caps,w=}: the word in a sentence written in capitals. */
    static final int CAPS_WORD = 3;
    /** The word as the previous word of a token ({@code w-1=}). */
    static final int PREVIOUS = 4;
    /** The word two before a token ({@code w-2=}). */
    static final int BEFORE_PREVIOUS = 5;
    /** The word as the next word of a token ({@code w+1=}). */
    static final int NEXT = 6;
    /** The word two after a token ({@code w+2=}). */
    static final int AFTER_NEXT = 7;
    /** The shape as the previous token's ({@code sh-1=}). */
    static final int SHAPE_PREVIOUS = 8;
    /** The shape as the next token's ({@code sh+1=}). */
    static final int SHAPE_NEXT = 9;
    /** The shape two before ({@code sh-2=}). */
    static final int SHAPE_BEFORE_PREVIOUS = 10;
    /** The shape two after ({@code sh+2=}). */
    static final int SHAPE_AFTER_NEXT = 11;
    /** {@code cr=} and the casing bucket. */
    static final int CASING = 12;
    /** {@code cru=}, the casing bucket and the shape. */
    static final int CASING_SHAPE = 13;
    /** The word before another occurrence of a capitalised word in the document ({@code ag-1=}). */
    static final int AGGREGATE_BEFORE = 14;
    /** The word after another occurrence ({@code ag+1=}). */
    static final int AGGREGATE_AFTER = 15;
    private static final int AFFIXES = 16;
    static final int MAX_AFFIX = 4;
    private static final int CLUSTERS = AFFIXES + 2 * MAX_AFFIX;

    /** A slot not looked up yet (-1 is a feature the model does not know). */
    private static final int UNRESOLVED = -2;

    private final String token;
    private final String lower;
    private final String shape;
    private final String tokenClass;
    /** Cluster ids by level, "?" where the lexicon has none. */
    private final String[] clusters;
    private final int casing;
    private final int[] ids;
    /** The model {@link #ids} and {@link #outcomeIds} are numbers of. */
    private PerceptronWeights resolvedIn;
    /** Previous-outcome features of the word, by 2 * (previous outcome + 1) (+1: with the token class). */
    private int[] outcomeIds;
    /** The slots {@link #openingSums} were summed for, and the sums. */
    private int[] openingSlots;
    private double[] openingSums;

    private WordFeatures(String token, String lower, String shape, String tokenClass, String[] clusters, int casing) {
        this.token = token;
        this.lower = lower;
        this.shape = shape;
        this.tokenClass = tokenClass;
        this.clusters = clusters;
        this.casing = casing;
        this.ids = new int[CLUSTERS + 3 * clusters.length];
        Arrays.fill(ids, UNRESOLVED);
    }

    /**
     * The features of {@code token}: its cluster ids as {@code clusterIds} (null when the lexicon
     * has none), {@code levels} of them, and its lexicon casing bucket.
     */
    static WordFeatures of(String token, String[] clusterIds, int levels, int casing) {
        String[] clusters = new String[levels];
        for (int level = 0; level < levels; level++) {
            clusters[level] = clusterIds == null ? "?" : clusterIds[level];
        }
        return new WordFeatures(token, token.toLowerCase(Locale.ROOT), WordShapes.shape(token),
                FeatureGeneratorUtil.tokenFeature(token), clusters, casing);
    }

    /**
     * The sentence start or end as a neighbour: its form, shape and every cluster id are
     * {@code marker}, as the feature generator writes them.
     */
    static WordFeatures boundary(String marker, int levels) {
        String[] clusters = new String[levels];
        Arrays.fill(clusters, marker);
        return new WordFeatures(marker, marker, marker, marker, clusters, 0);
    }

    String token() {
        return token;
    }

    /** The word lower-cased (the root locale). */
    String lower() {
        return lower;
    }

    String shape() {
        return shape;
    }

    /** The slot of the prefix ({@code prefix}) or suffix of {@code length} characters, 1 to 4. */
    static int affix(boolean prefix, int length) {
        return AFFIXES + 2 * (length - 1) + (prefix ? 0 : 1);
    }

    /** How many affixes of each kind the word has: up to 4, shorter than the word. */
    int affixLength() {
        return Math.min(MAX_AFFIX, lower.length() - 1);
    }

    /** The slot of the word's own cluster at {@code level} ({@code c0=}...). */
    static int cluster(int level) {
        return CLUSTERS + level;
    }

    /** The slot of the word's cluster at {@code level} seen from the next token ({@code c3-1=}). */
    int clusterPrevious(int level) {
        return CLUSTERS + clusters.length + level;
    }

    /** The slot of the word's cluster at {@code level} seen from the previous token ({@code c3+1=}). */
    int clusterNext(int level) {
        return CLUSTERS + 2 * clusters.length + level;
    }

    /** The feature string of {@code slot}. */
    String feature(int slot) {
        switch (slot) {
            case WORD:
                return "w=" + lower;
            case SHAPE:
                return "sh=" + shape;
            case TOKEN_CLASS:
                return "tc=" + tokenClass;
            case CAPS_WORD:
                return "caps,w=" + lower;
            case PREVIOUS:
                return "w-1=" + lower;
            case BEFORE_PREVIOUS:
                return "w-2=" + lower;
            case NEXT:
                return "w+1=" + lower;
            case AFTER_NEXT:
                return "w+2=" + lower;
            case SHAPE_PREVIOUS:
                return "sh-1=" + shape;
            case SHAPE_NEXT:
                return "sh+1=" + shape;
            case SHAPE_BEFORE_PREVIOUS:
                return "sh-2=" + shape;
            case SHAPE_AFTER_NEXT:
                return "sh+2=" + shape;
            case CASING:
                return "cr=" + casing;
            case CASING_SHAPE:
                return "cru=" + casing + "," + shape;
            case AGGREGATE_BEFORE:
                return "ag-1=" + lower;
            case AGGREGATE_AFTER:
                return "ag+1=" + lower;
            default:
                break;
        }
        if (slot < CLUSTERS) {
            int length = (slot - AFFIXES) / 2 + 1;
            return (slot - AFFIXES) % 2 == 0 ? "p" + length + "=" + lower.substring(0, length)
                    : "s" + length + "=" + lower.substring(lower.length() - length);
        }
        int levels = clusters.length;
        if (slot >= CLUSTERS + 3 * levels) {
            throw new IllegalArgumentException("no slot " + slot);
        }
        int level = (slot - CLUSTERS) % levels;
        return switch ((slot - CLUSTERS) / levels) {
            case 0 -> "c" + level + "=" + clusters[level];
            case 1 -> "c" + level + "-1=" + clusters[level];
            case 2 -> "c" + level + "+1=" + clusters[level];
            default -> throw new IllegalArgumentException("no slot " + slot);
        };
    }

    /** The number of {@code slot}'s feature in {@code weights}, -1 when unknown there; looked up once. */
    int id(int slot, PerceptronWeights weights) {
        if (weights != resolvedIn) {
            forget(weights);
        }
        int id = ids[slot];
        if (id == UNRESOLVED) {
            id = weights.feature(feature(slot));
            ids[slot] = id;
        }
        return id;
    }

    /**
     * The number of OpenNLP's previous outcome and word feature ({@code pow=}) in {@code weights},
     * or with the token class instead of the word ({@code powf=}), for {@code previous} (-1:
     * before the sentence), whose name is {@code previousName}.
     */
    int outcomeId(int previous, String previousName, boolean withTokenClass, PerceptronWeights weights) {
        if (weights != resolvedIn) {
            forget(weights);
        }
        if (outcomeIds == null) {
            outcomeIds = new int[2 * (weights.outcomeCount() + 1)];
            Arrays.fill(outcomeIds, UNRESOLVED);
        }
        int slot = 2 * (previous + 1) + (withTokenClass ? 1 : 0);
        int id = outcomeIds[slot];
        if (id == UNRESOLVED) {
            id = weights.feature(withTokenClass ? OutcomeFeatures.previousAndClass(previousName, tokenClass)
                    : OutcomeFeatures.previousAndWord(previousName, token));
            outcomeIds[slot] = id;
        }
        return id;
    }

    /**
     * The weights of feature {@code bias} and then of {@code slots}' features, added in that order
     * onto zeros, per outcome: what a token's scores are after the features that open them
     * ({@link NerFeatureGenerator.FeatureSink#openToken}), bit for bit. Computed once per word
     * and slot array; a token then adds one array instead of some fifteen features' weights,
     * each a lookup in a table of several megabytes.
     */
    double[] openingSums(int[] slots, int bias, PerceptronWeights weights) {
        if (weights != resolvedIn) {
            forget(weights);
        }
        if (slots != openingSlots) {
            double[] sums = new double[weights.outcomeCount()];
            if (bias >= 0) {
                weights.add(bias, sums, 0);
            }
            for (int slot : slots) {
                int id = id(slot, weights);
                if (id >= 0) {
                    weights.add(id, sums, 0);
                }
            }
            openingSums = sums;
            openingSlots = slots;
        }
        return openingSums;
    }

    private void forget(PerceptronWeights weights) {
        Arrays.fill(ids, UNRESOLVED);
        outcomeIds = null;
        openingSlots = null;
        openingSums = null;
        resolvedIn = weights;
    }
}
