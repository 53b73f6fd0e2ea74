package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import org.junit.jupiter.api.Test;

class PerceptronWeightsTest {

    private static final String[] OUTCOMES = {"PER-start", "other", "LOC-unit"};

    /** Features f0..f(n-1), each weighing on some outcomes, with awkward values. */
    private static PerceptronModel model(int features, long seed) {
        Random random = new Random(seed);
        Context[] parameters = new Context[features];
        String[] names = new String[features];
        for (int f = 0; f < features; f++) {
            List<Integer> outcomes = new ArrayList<>();
            for (int o = 0; o < OUTCOMES.length; o++) {
                if (random.nextInt(3) > 0) {
                    outcomes.add(o);
                }
            }
            double[] weights = new double[outcomes.size()];
            for (int k = 0; k < weights.length; k++) {
                weights[k] = (random.nextDouble() - 0.5) * Math.pow(10, random.nextInt(5) - 2);
            }
            parameters[f] = new Context(outcomes.stream().mapToInt(Integer::intValue).toArray(), weights);
            names[f] = f == 7 ? "w=Zürich\u4e2d" : "f" + f;
        }
        return new PerceptronModel(parameters, names, OUTCOMES);
    }

    /** The perceptron's own scores and ours for the same features, both as raw bits. */
    private static void assertScoresLikeTheModel(PerceptronModel model, PerceptronWeights weights, String[] context) {
        double[] expected = model.eval(context);
        double[] actual = new double[weights.outcomeCount()];
        for (String feature : context) {
            int id = weights.feature(feature);
            if (id >= 0) {
                weights.add(id, actual, 0);
            }
        }
        PerceptronWeights.normalize(actual);
        long[] expectedBits = new long[expected.length];
        long[] actualBits = new long[actual.length];
        for (int k = 0; k < expected.length; k++) {
            expectedBits[k] = Double.doubleToRawLongBits(expected[k]);
            actualBits[k] = Double.doubleToRawLongBits(actual[k]);
        }
        assertArrayEquals(expectedBits, actualBits, String.join(" ", context));
    }

    @Test
    void findsEveryFeatureAndOnlyThem() {
        PerceptronWeights weights = PerceptronWeights.of(model(200, 1));
        assertEquals(3, weights.outcomeCount());
        assertEquals("LOC-unit", weights.outcome(2));
        for (int f = 0; f < 200; f++) {
            assertNotEquals(-1, weights.feature(f == 7 ? "w=Zürich\u4e2d" : "f" + f), "f" + f);
        }
        assertEquals(-1, weights.feature("f200"));
        assertEquals(-1, weights.feature("f7"));
        assertEquals(-1, weights.feature("w=Zürich"));
        assertEquals(-1, weights.feature(""));
    }

    @Test
    void scoresBitForBitAsThePerceptron() {
        PerceptronModel model = model(300, 2);
        PerceptronWeights weights = PerceptronWeights.of(model);
        Random random = new Random(3);
        for (int trial = 0; trial < 500; trial++) {
            String[] context = new String[1 + random.nextInt(40)];
            for (int i = 0; i < context.length; i++) {
                int f = random.nextInt(330); // some unknown, some repeated
                context[i] = f == 7 ? "w=Zürich\u4e2d" : "f" + f;
            }
            assertScoresLikeTheModel(model, weights, context);
        }
    }

    @Test
    void normalizesAsThePerceptronDoes() {
        double[] small = {0.5, -0.25, 0.0};
        PerceptronWeights.normalize(small);
        double total = Math.exp(0.5) + Math.exp(-0.25) + 1;
        assertEquals(Math.exp(0.5) / total, small[0], 1e-15, "sums within [-1, 1] are not scaled");
        double[] large = {4.0, -2.0, 0.0};
        PerceptronWeights.normalize(large);
        double scaled = Math.exp(1) + Math.exp(-0.5) + 1;
        assertEquals(Math.exp(-0.5) / scaled, large[1], 1e-15, "divided by the largest absolute sum");
    }

    @Test
    void findsAFeatureFromItsPartsWithoutJoiningThem() {
        PerceptronModel model = model(300, 5);
        PerceptronWeights weights = PerceptronWeights.of(model);
        assertEquals(weights.feature("f123"), weights.feature("f", "12", "", "3"));
        assertEquals(weights.feature("f7"), -1, "f7 is named w=Z\u00fcrich\u4e2d");
        assertEquals(weights.feature("w=Z\u00fcrich\u4e2d"), weights.feature("w=", "Z\u00fcrich", "\u4e2d"));
        assertNotEquals(-1, weights.feature("w=", "Z\u00fcrich", "\u4e2d"));
        assertEquals(-1, weights.feature("f", "12", "4x"), "same length, other characters");
        assertEquals(-1, weights.feature("f", "1234"));
        assertEquals(-1, weights.feature("x".repeat(70), "f1"), "long parts hash as the joined string");
        for (int f = 0; f < 300; f++) {
            String name = f == 7 ? "w=Z\u00fcrich\u4e2d" : "f" + f;
            int cut = name.length() / 2;
            assertEquals(weights.feature(name), weights.feature(name.substring(0, cut), name.substring(cut)), name);
        }
    }

    @Test
    void aPerceptronOfMoreThan32OutcomesIsLeftToOpenNlp() {
        String[] many = new String[33];
        for (int k = 0; k < many.length; k++) {
            many[k] = "o" + k;
        }
        Context[] one = {new Context(new int[] {0, 32}, new double[] {1, 2})};
        assertNull(PerceptronWeights.of(new PerceptronModel(one, new String[] {"f"}, many)));
    }
}
