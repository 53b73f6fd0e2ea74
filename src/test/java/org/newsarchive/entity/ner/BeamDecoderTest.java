package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.BeamSearch;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.namefind.BilouNameFinderSequenceValidator;
import opennlp.tools.util.BeamSearchContextGenerator;
import org.junit.jupiter.api.Test;

class BeamDecoderTest {

    private static final String[] OUTCOMES = {"X-start", "X-cont", "X-last", "X-unit", "Y-unit", "other"};
    private static final String[] WORDS = {"a", "b", "c", "d", "e"};

    /**
     * A perceptron over word and previous-outcome features with weights from a handful of values,
     * so that equal probabilities, and so ties in the beam, are common.
     */
    private static PerceptronModel model(Random random) {
        List<String> names = new ArrayList<>();
        for (String word : WORDS) {
            names.add("w=" + word);
        }
        names.add("p=none");
        for (String outcome : OUTCOMES) {
            names.add("p=" + outcome);
        }
        Context[] parameters = new Context[names.size()];
        for (int f = 0; f < parameters.length; f++) {
            int[] outcomes = new int[OUTCOMES.length];
            double[] weights = new double[OUTCOMES.length];
            for (int o = 0; o < outcomes.length; o++) {
                outcomes[o] = o;
                weights[o] = random.nextInt(3) - 1 + (random.nextInt(4) == 0 ? 0.5 : 0);
            }
            parameters[f] = new Context(outcomes, weights);
        }
        return new PerceptronModel(parameters, names.toArray(String[]::new), OUTCOMES);
    }

    private static String previous(int outcome) {
        return "p=" + (outcome < 0 ? "none" : OUTCOMES[outcome]);
    }

    @Test
    void findsTheSequenceOpenNlpsBeamSearchFinds() {
        Random random = new Random(42);
        BilouNameFinderSequenceValidator validator = new BilouNameFinderSequenceValidator();
        OutcomeTransitions transitions = OutcomeTransitions.of(validator, OUTCOMES);
        for (int trial = 0; trial < 300; trial++) {
            PerceptronModel model = model(random);
            PerceptronWeights weights = PerceptronWeights.of(model);
            int size = 1 + trial % 4;
            String[] tokens = new String[1 + random.nextInt(12)];
            for (int i = 0; i < tokens.length; i++) {
                tokens[i] = WORDS[random.nextInt(WORDS.length)];
            }
            BeamSearchContextGenerator<String> contexts = (i, sequence, prior, extra) ->
                    new String[] {"w=" + sequence[i], i > 0 ? "p=" + prior[i - 1] : "p=none"};
            List<String> expected = new BeamSearch(size, model).bestSequence(tokens, null, contexts, validator)
                    .getOutcomes();

            BeamDecoder decoder = new BeamDecoder(size, OUTCOMES.length, transitions);
            int[] best = decoder.decode(tokens.length, (position, before, beforeThat, probabilities) -> {
                java.util.Arrays.fill(probabilities, 0);
                weights.add(weights.feature("w=" + tokens[position]), probabilities, 0);
                weights.add(weights.feature(previous(before)), probabilities, 0);
                PerceptronWeights.normalize(probabilities);
            });
            List<String> actual = new ArrayList<>();
            for (int outcome : best) {
                actual.add(OUTCOMES[outcome]);
            }
            assertEquals(expected, actual, "trial " + trial + ", beam " + size + ", " + String.join(" ", tokens));
        }
    }

    @Test
    void keepsTheBestOfWhatTheTransitionsAllow() {
        // "X-cont" scores best everywhere but can only follow "X-start"
        String[] outcomes = {"X-start", "X-cont", "X-last", "other"};
        double[][] table = {{0.3, 0.5, 0.1, 0.1}, {0.1, 0.6, 0.2, 0.1}, {0.1, 0.2, 0.6, 0.1}};
        BeamDecoder decoder = new BeamDecoder(2, outcomes.length,
                OutcomeTransitions.of(new BilouNameFinderSequenceValidator(), outcomes));
        int[] best = decoder.decode(3, (position, before, beforeThat, probabilities) ->
                System.arraycopy(table[position], 0, probabilities, 0, probabilities.length));
        assertArrayEquals(new int[] {0, 1, 2}, best);
        assertArrayEquals(new int[0], decoder.decode(0, (position, before, beforeThat, probabilities) -> { }));
    }
}
