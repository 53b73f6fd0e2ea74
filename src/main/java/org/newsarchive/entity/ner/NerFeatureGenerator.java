package org.newsarchive.entity.ner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import opennlp.tools.util.featuregen.AdaptiveFeatureGenerator;
import opennlp.tools.util.featuregen.AggregatedFeatureGenerator;

/**
 * All our token features in one generator, computed once per sentence and then served for every
 * position and every beam candidate: OpenNLP asks for the features of a token once per hypothesis
 * in the beam, and building ~60 strings each time would cost more than the model itself. Only
 * the features that depend on the previous outcomes (added here and by OpenNLP's context
 * generator) are built per call.
 *
 * <p>Feature groups ({@link Group}) can be switched on and off from the descriptor, which is how
 * the experiments in docs/entities.md were run. The previous-outcome map is adaptive: it is
 * filled from the outcomes of earlier sentences ({@link #updateAdaptiveData}) and emptied at
 * each new document ({@link #clearAdaptiveData}). Not thread-safe: OpenNLP creates one per name
 * finder.
 */
final class NerFeatureGenerator implements AdaptiveFeatureGenerator {

    /** Feature groups, named in the descriptor's {@code features} list. */
    enum Group {
        /** Word, shape, token class, position, a ±2 window of words and shapes. */
        BASE,
        /** Word and shape bigrams around the token. */
        BIGRAMS,
        /** Prefixes and suffixes of 1 to 4 characters. */
        AFFIXES,
        /** Word clusters of the token (all levels) and of its neighbours. */
        CLUSTERS,
        /** How often the word is capitalised mid-sentence in the background corpus. */
        CASING,
        /** Label-free document features (see {@link DocumentContext}). */
        DOCUMENT,
        /** The type earlier occurrences of the word in the document were tagged with. */
        PREVMAP,
        /** Gazetteer matches (types, first names, organisation suffixes...). */
        GAZETTEER,
        /** The pair of the two previous outcomes. */
        OUTCOMES,
        /**
         * Runs of capitalised words ({@code South China Sea}, {@code Asia-Pacific Economic
         * Cooperation}): each word sees the run's first and last word, whose head usually says
         * the type; with DOCUMENT, an acronym sees the last word of the run it abbreviates.
         */
        RUNS,
        /**
         * Context aggregation (Ratinov and Roth, 2009): the words before and after the other
         * occurrences of the capitalised word in the document ({@code Mr. Clinton} elsewhere says
         * what a sentence-initial {@code Clinton} is). Label-free, from {@link DocumentContext}.
         */
        AGGREGATE;

        static Set<Group> parse(String list) {
            Set<Group> groups = EnumSet.noneOf(Group.class);
            for (String name : list.split(",")) {
                String trimmed = name.strip();
                if (!trimmed.isEmpty()) {
                    groups.add(Group.valueOf(trimmed.toUpperCase(Locale.ROOT)));
                }
            }
            return groups;
        }
    }

    /** The feature every token has, first. */
    static final String BIAS = "bias";
    private static final String BOS = "<s>";
    private static final String EOS = "</s>";

    private final NerLexicon lexicon;
    private final boolean bigrams;
    private final boolean affixes;
    private final boolean clusters;
    private final boolean casing;
    private final boolean document;
    private final boolean prevmap;
    private final boolean gazetteer;
    private final boolean outcomes;
    private final boolean runs;
    private final boolean aggregate;

    /** Type of the last tagged occurrence of each word in the current document ("O" for none). */
    private final Map<String, String> previousTypes = new HashMap<>();

    /** The gazetteer's feature names by category ({@link #gazetteerFeatureNames}). */
    private final Map<String, String[]> gazetteerNames;

    private final WordFeatureCache words;
    /**
     * The slots {@link FeatureSink#openToken} gives for a word with 0 to 4 affixes, in sentences
     * in capitals and in the others: one array each, shared by every word.
     */
    private final int[][] openingSlots;
    private final int[][] capsOpeningSlots;
    private final WordFeatures sentenceStart;
    private final WordFeatures sentenceEnd;

    private String[] cachedTokens;
    private String[][] cachedFeatures;

    NerFeatureGenerator(NerLexicon lexicon, Set<Group> groups) {
        this(lexicon, groups, CACHED_WORDS);
    }

    /** A generator that keeps the features of at most {@code cachedWords} words. */
    NerFeatureGenerator(NerLexicon lexicon, Set<Group> groups, int cachedWords) {
        this.lexicon = lexicon;
        this.words = new WordFeatureCache(cachedWords, this::buildWord);
        this.bigrams = groups.contains(Group.BIGRAMS);
        this.affixes = groups.contains(Group.AFFIXES);
        this.clusters = groups.contains(Group.CLUSTERS) && lexicon.clusterLevels() > 0;
        this.casing = groups.contains(Group.CASING);
        this.document = groups.contains(Group.DOCUMENT);
        this.prevmap = groups.contains(Group.PREVMAP);
        this.gazetteer = groups.contains(Group.GAZETTEER) && lexicon.maxPhraseLength() > 0;
        this.outcomes = groups.contains(Group.OUTCOMES);
        this.runs = groups.contains(Group.RUNS);
        this.aggregate = groups.contains(Group.AGGREGATE);
        this.gazetteerNames = gazetteer ? gazetteerFeatureNames(lexicon.gazetteerCategories()) : Map.of();
        this.sentenceStart = WordFeatures.boundary(BOS, lexicon.clusterLevels());
        this.sentenceEnd = WordFeatures.boundary(EOS, lexicon.clusterLevels());
        this.openingSlots = openingSlots(false);
        this.capsOpeningSlots = openingSlots(true);
    }

    /**
     * A word's own features, by its number of affixes: form, shape and token class; its affixes;
     * its clusters, except in a sentence in capitals; its casing bucket.
     */
    private int[][] openingSlots(boolean caps) {
        int[][] byAffixes = new int[WordFeatures.MAX_AFFIX + 1][];
        for (int affixCount = 0; affixCount < byAffixes.length; affixCount++) {
            List<Integer> slots = new ArrayList<>(List.of(WordFeatures.WORD, WordFeatures.SHAPE, WordFeatures.TOKEN_CLASS));
            for (int k = 1; k <= affixCount; k++) {
                slots.add(WordFeatures.affix(true, k));
                slots.add(WordFeatures.affix(false, k));
            }
            if (clusters && !caps) {
                for (int level = 0; level < lexicon.clusterLevels(); level++) {
                    slots.add(WordFeatures.cluster(level));
                }
            }
            if (casing) {
                slots.add(WordFeatures.CASING);
            }
            byAffixes[affixCount] = slots.stream().mapToInt(Integer::intValue).toArray();
        }
        return byAffixes;
    }

    @Override
    public void createFeatures(List<String> features, String[] tokens, int index, String[] previousOutcomes) {
        if (tokens != cachedTokens) {
            cachedFeatures = sentenceFeatures(tokens);
            cachedTokens = tokens;
        }
        Collections.addAll(features, cachedFeatures[index]);
        if (outcomes) {
            String po = index > 0 ? previousOutcomes[index - 1] : OutcomeFeatures.SENTENCE_START;
            String ppo = index > 1 ? previousOutcomes[index - 2] : OutcomeFeatures.SENTENCE_START;
            features.add(OutcomeFeatures.pair(ppo, po));
        }
    }

    @Override
    public void updateAdaptiveData(String[] tokens, String[] outcomes) {
        if (prevmap) {
            for (int i = 0; i < tokens.length; i++) {
                if (WordShapes.isCapitalized(tokens[i])) {
                    previousTypes.put(tokens[i], typeOf(outcomes[i]));
                }
            }
        }
        cachedTokens = null;
    }

    @Override
    public void clearAdaptiveData() {
        previousTypes.clear();
        cachedTokens = null;
    }

    /** "PER-start" to "PER", "other" to "O". */
    private static String typeOf(String outcome) {
        int dash = outcome.lastIndexOf('-');
        return dash < 0 ? "O" : outcome.substring(0, dash);
    }

    /**
     * The generator that {@code generator} is, or that it aggregates alone (as OpenNLP wraps the
     * generators of a descriptor), or null when it is or holds anything else.
     */
    static NerFeatureGenerator of(AdaptiveFeatureGenerator generator) {
        if (generator instanceof AggregatedFeatureGenerator aggregate && aggregate.getGenerators().size() == 1) {
            return of(aggregate.getGenerators().iterator().next());
        }
        return generator instanceof NerFeatureGenerator ours ? ours : null;
    }

    /** Whether {@link #createFeatures} adds the pair of previous outcomes ({@link Group#OUTCOMES}). */
    boolean addsOutcomePairs() {
        return outcomes;
    }

    /**
     * Receives the features of a sentence's tokens that do not depend on previous outcomes,
     * token after token, each token's in the order {@link #createFeatures} adds them. The
     * features of a word alone come as a slot of its {@link WordFeatures}, so that a receiver
     * that wants feature numbers need not build their strings.
     */
    interface FeatureSink {

        /** A feature of the current token. */
        void add(String feature);

        /** A feature of the current token, named by {@code parts} joined. */
        void join(String... parts);

        /** Feature {@code slot} of {@code word} is a feature of the current token. */
        void add(WordFeatures word, int slot);

        /**
         * The features that open every token's: {@link #BIAS}, then {@code slots} of the token's
         * word. They depend on the word alone and the kind of sentence, and {@code slots} is the
         * same array for every occurrence of a word in sentences of one kind, so a receiver that
         * sums weights may sum these once per word: added first, onto nothing, they give the
         * same bits whether added one by one or as their sum.
         */
        void openToken(WordFeatures word, int[] slots);

        /**
         * Token {@code index}, whose word is {@code word}, has all its features; the next feature
         * is the next token's.
         */
        void endToken(int index, WordFeatures word);
    }

    /** Words kept per generator: a few tens of MB at most, as the indexer runs with a 1 GB heap. */
    static final int CACHED_WORDS = 50_000;

    /**
     * The features of each token of a sentence that do not depend on previous outcomes, in the
     * order {@link #createFeatures} adds them: it adds the outcome pair, if any, after them.
     * Depends on the adaptive data and the current {@link DocumentContext}.
     */
    String[][] sentenceFeatures(String[] tokens) {
        String[][] result = new String[tokens.length][];
        List<String> f = new ArrayList<>(96);
        sentenceFeatures(tokens, new FeatureSink() {
            @Override
            public void add(String feature) {
                f.add(feature);
            }

            @Override
            public void join(String... parts) {
                f.add(String.join("", parts));
            }

            @Override
            public void add(WordFeatures word, int slot) {
                f.add(word.feature(slot));
            }

            @Override
            public void openToken(WordFeatures word, int[] slots) {
                f.add(BIAS);
                for (int slot : slots) {
                    f.add(word.feature(slot));
                }
            }

            @Override
            public void endToken(int index, WordFeatures word) {
                result[index] = f.toArray(String[]::new);
                f.clear();
            }
        });
        return result;
    }

    /** The features {@link #sentenceFeatures(String[])} lists, given to {@code sink}. */
    void sentenceFeatures(String[] tokens, FeatureSink sink) {
        int n = tokens.length;
        WordFeatures[] words = new WordFeatures[n];
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            words[i] = words(tokens[i]);
            lower[i] = words[i].lower();
        }
        boolean caps = WordShapes.isAllCapsSentence(tokens);
        DocumentContext context = document ? DocumentContext.current() : null;
        String[][] gazetteerCategories = null;
        int[] gazetteerPositions = null;
        if (gazetteer) {
            gazetteerCategories = new String[n][];
            gazetteerPositions = new int[n];
            gazetteerMatches(lower, tokens, gazetteerCategories, gazetteerPositions);
        }
        String[][] runFeatures = runs && !caps ? runFeatures(tokens, lower) : null;
        int levels = lexicon.clusterLevels();
        for (int i = 0; i < n; i++) {
            String token = tokens[i];
            WordFeatures word = words[i];
            String lw = word.lower();
            String shape = word.shape();
            // the word's own features, whatever its neighbours: base, affixes, clusters (unless the
            // sentence is in capitals: then they are those of the word's usual form) and casing
            sink.openToken(word, (caps ? capsOpeningSlots : openingSlots)[affixes ? Math.max(0, word.affixLength()) : 0]);
            if (i == 0) {
                sink.add("first");
            }
            if (caps) {
                sink.add("caps");
                sink.add(word, WordFeatures.CAPS_WORD);
            }
            WordFeatures previous = i > 0 ? words[i - 1] : sentenceStart;
            WordFeatures beforePrevious = i > 1 ? words[i - 2] : sentenceStart;
            WordFeatures next = i + 1 < n ? words[i + 1] : sentenceEnd;
            WordFeatures afterNext = i + 2 < n ? words[i + 2] : sentenceEnd;
            sink.add(previous, WordFeatures.PREVIOUS);
            sink.add(beforePrevious, WordFeatures.BEFORE_PREVIOUS);
            sink.add(next, WordFeatures.NEXT);
            sink.add(afterNext, WordFeatures.AFTER_NEXT);
            sink.add(previous, WordFeatures.SHAPE_PREVIOUS);
            sink.add(next, WordFeatures.SHAPE_NEXT);
            sink.add(beforePrevious, WordFeatures.SHAPE_BEFORE_PREVIOUS);
            sink.add(afterNext, WordFeatures.SHAPE_AFTER_NEXT);
            if (bigrams) {
                String prev1 = previous.lower();
                String next1 = next.lower();
                String prevShape = previous.shape();
                String nextShape = next.shape();
                sink.join("b-1=", prev1, "|", lw);
                sink.join("b+1=", lw, "|", next1);
                sink.join("sb-1=", prevShape, "|", shape);
                sink.join("sb+1=", shape, "|", nextShape);
                sink.join("sb3=", prevShape, "|", shape, "|", nextShape);
                sink.join("w-1sh=", prev1, "|", shape);
                sink.join("shw+1=", shape, "|", next1);
            }
            boolean uninformativeCapital = i == 0 || caps || isOpening(tokens[i - 1]);
            String cased = token;
            if (caps && context != null) {
                String form = context.casedForm(lw);
                if (form != null) {
                    cased = form;
                } else if (context.lowerCaseSeen(lw)) {
                    cased = lw;
                }
            }
            if (caps) {
                sink.add("tsh=" + WordShapes.shape(cased));
            }
            if (clusters) {
                // in ordinary sentences the word's clusters opened the token; in capitals, its usual form's
                if (caps && cased.equals(token)) {
                    for (int level = 0; level < levels; level++) {
                        sink.add(word, WordFeatures.cluster(level));
                    }
                } else if (caps) {
                    String[] ids = clusterIds(cased, lw);
                    for (int level = 0; level < levels; level++) {
                        sink.add("c" + level + "=" + (ids == null ? "?" : ids[level]));
                    }
                }
                for (int level = Math.max(0, levels - 2); level < levels; level++) {
                    sink.add(previous, previous.clusterPrevious(level));
                    sink.add(next, next.clusterNext(level));
                }
            }
            if (casing && uninformativeCapital) {
                sink.add(word, WordFeatures.CASING_SHAPE);
            }
            if (context != null && uninformativeCapital && !WordShapes.isLowerCase(token)) {
                sink.add((context.capitalizedInside(token) || context.casedForm(lw) != null) ? "dmid=true" : "dmid=false");
                sink.add(context.lowerCaseSeen(lw) ? "dlow=true" : "dlow=false");
            }
            if (prevmap && WordShapes.isCapitalized(token)) {
                String type = previousTypes.get(token);
                if (type == null && caps) {
                    type = previousTypes.get(cased);
                }
                if (type != null) {
                    sink.add("pm=" + type);
                }
            }
            if (aggregate && context != null && WordShapes.isCapitalized(token)) {
                DocumentContext.Neighbours around = context.neighbours(caps ? cased : token);
                if (around != null) {
                    // the neighbours as words, whose features are built and looked up once per word
                    WordFeatures[] features = around.features;
                    int before = around.beforeCount();
                    if (features == null) {
                        features = new WordFeatures[before + around.afterCount()];
                        for (int k = 0; k < features.length; k++) {
                            features[k] = words(k < before ? around.before(k) : around.after(k - before));
                        }
                        around.features = features;
                    }
                    for (int k = 0; k < features.length; k++) {
                        sink.add(features[k], k < before ? WordFeatures.AGGREGATE_BEFORE : WordFeatures.AGGREGATE_AFTER);
                    }
                }
            }
            if (runFeatures != null && runFeatures[i] != null) {
                for (String feature : runFeatures[i]) {
                    sink.add(feature);
                }
            }
            if (runs && context != null && !caps && token.length() > 1 && WordShapes.isAllCaps(token)) {
                String head = context.acronymHead(token);
                if (head != null) {
                    sink.add("acro");
                    sink.add("acro=" + head);
                    String category = CapitalizedRuns.headCategory(head);
                    if (category != null) {
                        sink.add("acrocat=" + category);
                    }
                }
            }
            if (gazetteerCategories != null && gazetteerCategories[i] != null) {
                for (String category : gazetteerCategories[i]) {
                    String[] names = gazetteerNames.get(category);
                    sink.add(names[gazetteerPositions[i]]);
                    sink.add(names[GAZETTEER_CATEGORY]);
                }
            }
            sink.endToken(i, word);
        }
    }

    /** The features of {@code token} as a word, from the cache. */
    WordFeatures words(String token) {
        return words.get(token);
    }

    private WordFeatures buildWord(String token) {
        int levels = lexicon.clusterLevels();
        String[] ids = levels > 0 ? clusterIds(token, token.toLowerCase(Locale.ROOT)) : null;
        return WordFeatures.of(token, ids, levels, lexicon.casing(token.toLowerCase(Locale.ROOT)));
    }

    private static boolean isOpening(String previous) {
        return previous.equals("\"") || previous.equals("``") || previous.equals(":") || previous.equals("(")
                || previous.equals("'") || previous.equals("-") || previous.equals("--");
    }

    private String[] clusterIds(String token, String lowerCased) {
        String[] ids = lexicon.clusters(token);
        if (ids == null && WordShapes.isAllCaps(token) && token.length() > 1) {
            ids = lexicon.clusters(WordShapes.titleCase(token));
        }
        if (ids == null) {
            ids = lexicon.clusters(lowerCased);
        }
        return ids;
    }

    /** Features of the tokens inside runs of two or more capitalised words. */
    private String[][] runFeatures(String[] tokens, String[] lower) {
        int n = tokens.length;
        String[][] result = new String[n][];
        int i = 0;
        while (i < n) {
            int end = CapitalizedRuns.runEnd(tokens, i);
            if (end - i >= 2) {
                String first = lower[i];
                String last = lower[end - 1];
                String[] lastIds = clusters ? clusterIds(tokens[end - 1], last) : null;
                String category = CapitalizedRuns.headCategory(last);
                // "Asia-Pacific Economic Cooperation ( APEC )": a name that spells out an acronym
                boolean spelledOut = end + 2 < n && tokens[end].equals("(") && tokens[end + 2].equals(")")
                        && tokens[end + 1].equals(CapitalizedRuns.initials(tokens, i, end));
                for (int k = i; k < end; k++) {
                    String position = k == i ? "B" : k == end - 1 ? "L" : "I";
                    List<String> list = new ArrayList<>(5);
                    list.add("rf=" + first);
                    list.add("rl=" + last);
                    list.add("rp=" + position);
                    list.add("rpl=" + position + "," + last);
                    if (lastIds != null) {
                        list.add("rlc=" + lastIds[lastIds.length - 1]);
                    }
                    if (spelledOut) {
                        list.add("racro");
                    }
                    if (category != null) {
                        list.add("rcat=" + category);
                        list.add("rcat=" + category + "," + position);
                    }
                    result[k] = list.toArray(String[]::new);
                }
                i = end;
            } else {
                i = Math.max(end, i + 1);
            }
        }
        return result;
    }

    /**
     * The longest gazetteer match covering each token, as the categories of its phrase and the
     * token's position in it (B, I, L or U). Matches ignore case but start only at a token that
     * begins with a capital or a digit ("may" is not the name May), and a token covered by a
     * match is not the start of another.
     */
    private void gazetteerMatches(String[] lower, String[] tokens, String[][] categories, int[] positions) {
        int n = tokens.length;
        int i = 0;
        while (i < n) {
            PhraseTrie.Match match = tokens[i].isEmpty() || !(Character.isUpperCase(tokens[i].charAt(0))
                    || Character.isDigit(tokens[i].charAt(0))) ? null : lexicon.longestPhrase(lower, i);
            if (match == null) {
                i++;
                continue;
            }
            int length = match.length();
            for (int k = 0; k < length; k++) {
                categories[i + k] = match.categories();
                positions[i + k] = length == 1 ? GAZETTEER_UNIT : k == 0 ? 0 : k == length - 1 ? 2 : 1;
            }
            i += length;
        }
    }

    /** {@code gz=CATEGORY-B}, {@code -I}, {@code -L}, {@code -U} and {@code gz=CATEGORY}, built once per category. */
    private static Map<String, String[]> gazetteerFeatureNames(List<String> categories) {
        Map<String, String[]> names = new HashMap<>();
        for (String category : categories) {
            names.put(category, new String[] {"gz=" + category + "-B", "gz=" + category + "-I",
                "gz=" + category + "-L", "gz=" + category + "-U", "gz=" + category});
        }
        return names;
    }

    private static final int GAZETTEER_UNIT = 3;
    private static final int GAZETTEER_CATEGORY = 4;
}
