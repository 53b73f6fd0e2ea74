package org.newsarchive.entity.ner;

import java.util.Arrays;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinder;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;

/**
 * Finds the same names as {@link NameFinderME} does with one of our perceptron models, several
 * times faster. NameFinderME asks the context generator for every feature of every token once per
 * hypothesis of the beam, as strings, and the perceptron looks each up in a hash map; most of
 * them depend only on the sentence. Here their weights are summed once per token, and those of a
 * word alone are looked up once per distinct word ({@link WordFeatures}); each hypothesis then
 * adds only the five features that depend on the previous outcomes, built from the same
 * {@link OutcomeFeatures} and looked up at most once per word and previous outcome. The sums run in the order the context generator lists the
 * features, so the probabilities are bit for bit those of the model, and {@link BeamDecoder}
 * searches them as OpenNLP's beam search does.
 *
 * <p>Only for models whose factory is {@link NerNameFinderFactory} with {@link NerFeatureGenerator}
 * as sole generator and a perceptron classifier: see {@link #of}. Not thread-safe.
 */
final class PerceptronNameFinder implements TokenNameFinder {

    private final PerceptronWeights weights;
    private final NerFeatureGenerator generator;
    private final SequenceCodec<String> codec;
    private final BeamDecoder decoder;
    private final int outcomes;
    /** Feature numbers by previous outcome + 1 (0: before the sentence). */
    private final int[] previousFeature;
    private final int[] beforePreviousFeature;
    private final int biasFeature;
    /** Outcome pair feature numbers by (before previous + 1) * (outcomes + 1) + previous + 1; null when off. */
    private final int[] pairFeature;

    // per sentence, grown as needed
    private double[] tokenScores = new double[0];
    /** The word of each token of the sentence. */
    private WordFeatures[] words = new WordFeatures[0];
    private final TokenSums sums = new TokenSums();

    private PerceptronNameFinder(TokenNameFinderModel model, PerceptronWeights weights, NerFeatureGenerator generator) {
        this.weights = weights;
        this.generator = generator;
        this.codec = model.getFactory().createSequenceCodec();
        this.outcomes = weights.outcomeCount();
        String[] names = new String[outcomes];
        for (int k = 0; k < outcomes; k++) {
            names[k] = weights.outcome(k);
        }
        String beamSize = model.getManifestProperty("BeamSize");
        this.decoder = new BeamDecoder(beamSize == null ? NameFinderME.DEFAULT_BEAM_SIZE : Integer.parseInt(beamSize),
                outcomes, OutcomeTransitions.of(codec.createSequenceValidator(), names));
        this.biasFeature = weights.feature(NerFeatureGenerator.BIAS);
        this.previousFeature = new int[outcomes + 1];
        this.beforePreviousFeature = new int[outcomes + 1];
        for (int p = -1; p < outcomes; p++) {
            String name = p < 0 ? OutcomeFeatures.NO_OUTCOME : names[p];
            previousFeature[p + 1] = weights.feature(OutcomeFeatures.previous(name));
            beforePreviousFeature[p + 1] = weights.feature(OutcomeFeatures.beforePrevious(name));
        }
        if (generator.addsOutcomePairs()) {
            pairFeature = new int[(outcomes + 1) * (outcomes + 1)];
            for (int pp = -1; pp < outcomes; pp++) {
                for (int p = -1; p < outcomes; p++) {
                    String before = pp < 0 ? OutcomeFeatures.SENTENCE_START : names[pp];
                    String previous = p < 0 ? OutcomeFeatures.SENTENCE_START : names[p];
                    pairFeature[(pp + 1) * (outcomes + 1) + p + 1] = weights.feature(OutcomeFeatures.pair(before, previous));
                }
            }
        } else {
            pairFeature = null;
        }
    }

    /**
     * A finder for {@code model} when it is one this class tags exactly as NameFinderME would,
     * otherwise null. {@code weights} are the model's ({@link PerceptronWeights#of}), shared
     * between the finders of one model; null when it is not a perceptron.
     */
    static PerceptronNameFinder of(TokenNameFinderModel model, PerceptronWeights weights) {
        if (weights == null || !(model.getFactory() instanceof NerNameFinderFactory factory)) {
            return null;
        }
        NerFeatureGenerator generator = NerFeatureGenerator.of(factory.createFeatureGenerators());
        return generator == null ? null : new PerceptronNameFinder(model, weights, generator);
    }

    @Override
    public Span[] find(String[] sentence) {
        int n = sentence.length;
        prepare(sentence);
        int[] best = decoder.decode(n, this::score);
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[i] = weights.outcome(best[i]);
        }
        generator.updateAdaptiveData(sentence, names);
        return codec.decode(Arrays.asList(names));
    }

    @Override
    public void clearAdaptiveData() {
        generator.clearAdaptiveData();
    }

    /** Sums the weights of each token's sentence-level features and notes each token's word. */
    private void prepare(String[] sentence) {
        int n = sentence.length;
        if (tokenScores.length < n * outcomes) {
            tokenScores = new double[n * outcomes];
            words = new WordFeatures[n];
        }
        Arrays.fill(tokenScores, 0, n * outcomes, 0.0);
        sums.reset();
        generator.sentenceFeatures(sentence, sums);
    }

    /** The context generator's features for this hypothesis, summed in its order onto the token's sums. */
    private void score(int position, int previous, int beforePrevious, double[] probabilities) {
        System.arraycopy(tokenScores, position * outcomes, probabilities, 0, outcomes);
        if (pairFeature != null) {
            add(pairFeature[(beforePrevious + 1) * (outcomes + 1) + previous + 1], probabilities);
        }
        add(previousFeature[previous + 1], probabilities);
        WordFeatures word = words[position];
        String previousName = outcomeName(previous);
        add(word.outcomeId(previous, previousName, false, weights), probabilities);
        add(word.outcomeId(previous, previousName, true, weights), probabilities);
        add(beforePreviousFeature[beforePrevious + 1], probabilities);
        PerceptronWeights.normalize(probabilities);
    }

    private void add(int feature, double[] probabilities) {
        if (feature >= 0) {
            weights.add(feature, probabilities, 0);
        }
    }

    private String outcomeName(int outcome) {
        return outcome < 0 ? OutcomeFeatures.NO_OUTCOME : weights.outcome(outcome);
    }

    /**
     * Adds the weights of each feature to its token's sums as the generator lists them; a word's
     * features are looked up once per word ({@link WordFeatures#id}), the others each time.
     */
    private final class TokenSums implements NerFeatureGenerator.FeatureSink {
        private int offset;

        @Override
        public void add(String feature) {
            int id = weights.feature(feature);
            if (id >= 0) {
                weights.add(id, tokenScores, offset);
            }
        }

        @Override
        public void join(String... parts) {
            int id = weights.feature(parts);
            if (id >= 0) {
                weights.add(id, tokenScores, offset);
            }
        }

        @Override
        public void add(WordFeatures word, int slot) {
            int id = word.id(slot, weights);
            if (id >= 0) {
                weights.add(id, tokenScores, offset);
            }
        }

        /** The word's opening features summed once per word ({@link WordFeatures#openingSums}), added onto zeros. */
        @Override
        public void openToken(WordFeatures word, int[] slots) {
            double[] sums = word.openingSums(slots, biasFeature, weights);
            for (int k = 0; k < outcomes; k++) {
                tokenScores[offset + k] += sums[k];
            }
        }

        @Override
        public void endToken(int index, WordFeatures word) {
            words[index] = word;
            offset = (index + 1) * outcomes;
        }

        void reset() {
            offset = 0;
        }
    }
}
