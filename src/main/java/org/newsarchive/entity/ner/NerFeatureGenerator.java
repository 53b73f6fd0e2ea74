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
import opennlp.tools.util.featuregen.FeatureGeneratorUtil;

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
        RUNS;

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

    /** Type of the last tagged occurrence of each word in the current document ("O" for none). */
    private final Map<String, String> previousTypes = new HashMap<>();

    private String[] cachedTokens;
    private String[][] cachedFeatures;

    NerFeatureGenerator(NerLexicon lexicon, Set<Group> groups) {
        this.lexicon = lexicon;
        this.bigrams = groups.contains(Group.BIGRAMS);
        this.affixes = groups.contains(Group.AFFIXES);
        this.clusters = groups.contains(Group.CLUSTERS) && lexicon.clusterLevels() > 0;
        this.casing = groups.contains(Group.CASING);
        this.document = groups.contains(Group.DOCUMENT);
        this.prevmap = groups.contains(Group.PREVMAP);
        this.gazetteer = groups.contains(Group.GAZETTEER) && lexicon.maxPhraseLength() > 0;
        this.outcomes = groups.contains(Group.OUTCOMES);
        this.runs = groups.contains(Group.RUNS);
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
     * The features of each token of a sentence that do not depend on previous outcomes, in the
     * order {@link #createFeatures} adds them: it adds the outcome pair, if any, after them.
     * Depends on the adaptive data and the current {@link DocumentContext}.
     */
    String[][] sentenceFeatures(String[] tokens) {
        int n = tokens.length;
        String[] lower = new String[n];
        String[] shapes = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = tokens[i].toLowerCase(Locale.ROOT);
            shapes[i] = WordShapes.shape(tokens[i]);
        }
        boolean caps = WordShapes.isAllCapsSentence(tokens);
        DocumentContext context = document ? DocumentContext.current() : null;
        String[][] gazetteerFeatures = gazetteer ? gazetteerFeatures(tokens, lower) : null;
        String[][] runFeatures = runs && !caps ? runFeatures(tokens, lower) : null;
        // the clusters of each token, looked up once: each is used as the token's and its neighbours'
        String[][] clusterIds = null;
        if (clusters) {
            clusterIds = new String[n][];
            for (int i = 0; i < n; i++) {
                clusterIds[i] = clusterIds(tokens[i], lower[i]);
            }
        }
        String[][] result = new String[n][];
        List<String> f = new ArrayList<>(96);
        for (int i = 0; i < n; i++) {
            f.clear();
            String token = tokens[i];
            String lw = lower[i];
            // BASE
            f.add("bias");
            f.add("w=" + lw);
            f.add("sh=" + shapes[i]);
            f.add("tc=" + FeatureGeneratorUtil.tokenFeature(token));
            if (i == 0) {
                f.add("first");
            }
            if (caps) {
                f.add("caps");
                f.add("caps,w=" + lw);
            }
            String prev1 = i > 0 ? lower[i - 1] : BOS;
            String prev2 = i > 1 ? lower[i - 2] : BOS;
            String next1 = i + 1 < n ? lower[i + 1] : EOS;
            String next2 = i + 2 < n ? lower[i + 2] : EOS;
            f.add("w-1=" + prev1);
            f.add("w-2=" + prev2);
            f.add("w+1=" + next1);
            f.add("w+2=" + next2);
            String prevShape = i > 0 ? shapes[i - 1] : BOS;
            String nextShape = i + 1 < n ? shapes[i + 1] : EOS;
            f.add("sh-1=" + prevShape);
            f.add("sh+1=" + nextShape);
            f.add("sh-2=" + (i > 1 ? shapes[i - 2] : BOS));
            f.add("sh+2=" + (i + 2 < n ? shapes[i + 2] : EOS));
            if (bigrams) {
                f.add("b-1=" + prev1 + "|" + lw);
                f.add("b+1=" + lw + "|" + next1);
                f.add("sb-1=" + prevShape + "|" + shapes[i]);
                f.add("sb+1=" + shapes[i] + "|" + nextShape);
                f.add("sb3=" + prevShape + "|" + shapes[i] + "|" + nextShape);
                f.add("w-1sh=" + prev1 + "|" + shapes[i]);
                f.add("shw+1=" + shapes[i] + "|" + next1);
            }
            if (affixes) {
                int max = Math.min(4, lw.length() - 1);
                for (int k = 1; k <= max; k++) {
                    f.add("p" + k + "=" + lw.substring(0, k));
                    f.add("s" + k + "=" + lw.substring(lw.length() - k));
                }
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
                f.add("tsh=" + WordShapes.shape(cased));
            }
            if (clusters) {
                addClusters(f, "c", cased.equals(token) ? clusterIds[i] : clusterIds(cased, lw));
                String[] prevIds = i > 0 ? clusterIds[i - 1] : null;
                String[] nextIds = i + 1 < n ? clusterIds[i + 1] : null;
                int levels = lexicon.clusterLevels();
                for (int level = Math.max(0, levels - 2); level < levels; level++) {
                    f.add("c" + level + "-1=" + (i == 0 ? BOS : prevIds == null ? "?" : prevIds[level]));
                    f.add("c" + level + "+1=" + (i + 1 >= n ? EOS : nextIds == null ? "?" : nextIds[level]));
                }
            }
            if (casing) {
                int bucket = lexicon.casing(lw);
                f.add("cr=" + bucket);
                if (uninformativeCapital) {
                    f.add("cru=" + bucket + "," + shapes[i]);
                }
            }
            if (context != null && uninformativeCapital && !WordShapes.isLowerCase(token)) {
                f.add("dmid=" + (context.capitalizedInside(token) || context.casedForm(lw) != null));
                f.add("dlow=" + context.lowerCaseSeen(lw));
            }
            if (prevmap && WordShapes.isCapitalized(token)) {
                String type = previousTypes.get(token);
                if (type == null && caps) {
                    type = previousTypes.get(cased);
                }
                if (type != null) {
                    f.add("pm=" + type);
                }
            }
            if (runFeatures != null && runFeatures[i] != null) {
                Collections.addAll(f, runFeatures[i]);
            }
            if (runs && context != null && !caps && token.length() > 1 && WordShapes.isAllCaps(token)) {
                String head = context.acronymHead(token);
                if (head != null) {
                    f.add("acro");
                    f.add("acro=" + head);
                    String category = CapitalizedRuns.headCategory(head);
                    if (category != null) {
                        f.add("acrocat=" + category);
                    }
                }
            }
            if (gazetteerFeatures != null && gazetteerFeatures[i] != null) {
                Collections.addAll(f, gazetteerFeatures[i]);
            }
            result[i] = f.toArray(String[]::new);
        }
        return result;
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

    private void addClusters(List<String> f, String prefix, String[] ids) {
        int levels = lexicon.clusterLevels();
        for (int level = 0; level < levels; level++) {
            f.add(prefix + level + "=" + (ids == null ? "?" : ids[level]));
        }
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

    /** Longest gazetteer match starting at each capitalised token, as B/I/L/U features per category. */
    private String[][] gazetteerFeatures(String[] tokens, String[] lower) {
        int n = tokens.length;
        List<List<String>> perToken = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            perToken.add(null);
        }
        int maxLength = lexicon.maxPhraseLength();
        for (int i = 0; i < n; i++) {
            if (!Character.isLetterOrDigit(tokens[i].isEmpty() ? ' ' : tokens[i].charAt(0))) {
                continue;
            }
            StringBuilder phrase = new StringBuilder();
            String[] bestCategories = null;
            int bestLength = 0;
            for (int length = 1; length <= maxLength && i + length <= n; length++) {
                if (length > 1) {
                    phrase.append(' ');
                }
                phrase.append(lower[i + length - 1]);
                String[] categories = lexicon.gazetteer(phrase.toString());
                if (categories != null) {
                    bestCategories = categories;
                    bestLength = length;
                }
            }
            if (bestCategories == null) {
                continue;
            }
            for (int k = 0; k < bestLength; k++) {
                String position = bestLength == 1 ? "U" : k == 0 ? "B" : k == bestLength - 1 ? "L" : "I";
                List<String> list = perToken.get(i + k);
                if (list == null) {
                    list = new ArrayList<>(4);
                    perToken.set(i + k, list);
                }
                for (String category : bestCategories) {
                    list.add("gz=" + category + "-" + position);
                    list.add("gz=" + category);
                }
            }
        }
        String[][] result = new String[n][];
        for (int i = 0; i < n; i++) {
            List<String> list = perToken.get(i);
            if (list != null) {
                result[i] = list.toArray(String[]::new);
            }
        }
        return result;
    }
}
