package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import org.junit.jupiter.api.Test;

class WordFeaturesTest {

    private static List<String> features(WordFeatures word, int... slots) {
        List<String> result = new ArrayList<>();
        for (int slot : slots) {
            result.add(word.feature(slot));
        }
        return result;
    }

    @Test
    void buildsTheGeneratorsStrings() {
        WordFeatures word = WordFeatures.of("McDonald's", new String[] {"7", "71"}, 2, 3);
        assertEquals(List.of("w=mcdonald's", "sh=XxXx'x", "tc=ic", "caps,w=mcdonald's", "w-1=mcdonald's",
                "w-2=mcdonald's", "w+1=mcdonald's", "w+2=mcdonald's", "sh-1=XxXx'x", "sh+1=XxXx'x", "sh-2=XxXx'x",
                "sh+2=XxXx'x", "cr=3", "cru=3,XxXx'x"),
                features(word, WordFeatures.WORD, WordFeatures.SHAPE, WordFeatures.TOKEN_CLASS,
                        WordFeatures.CAPS_WORD, WordFeatures.PREVIOUS, WordFeatures.BEFORE_PREVIOUS, WordFeatures.NEXT,
                        WordFeatures.AFTER_NEXT, WordFeatures.SHAPE_PREVIOUS, WordFeatures.SHAPE_NEXT,
                        WordFeatures.SHAPE_BEFORE_PREVIOUS, WordFeatures.SHAPE_AFTER_NEXT, WordFeatures.CASING,
                        WordFeatures.CASING_SHAPE));
        assertEquals(4, word.affixLength());
        assertEquals(List.of("p1=m", "s1=s", "p4=mcdo", "s4=ld's"), features(word, WordFeatures.affix(true, 1),
                WordFeatures.affix(false, 1), WordFeatures.affix(true, 4), WordFeatures.affix(false, 4)));
        assertEquals(List.of("c0=7", "c1=71", "c0-1=7", "c1-1=71", "c0+1=7", "c1+1=71"),
                features(word, WordFeatures.cluster(0), WordFeatures.cluster(1), word.clusterPrevious(0),
                        word.clusterPrevious(1), word.clusterNext(0), word.clusterNext(1)));
        assertThrows(IllegalArgumentException.class, () -> word.feature(word.clusterNext(1) + 1));
    }

    @Test
    void wordsWithoutClustersOrLongAffixes() {
        WordFeatures word = WordFeatures.of("IBM", null, 2, -1);
        assertEquals(2, word.affixLength(), "affixes are shorter than the word");
        assertEquals(List.of("tc=ac", "c1=?", "c0+1=?", "cr=-1"), features(word, WordFeatures.TOKEN_CLASS,
                WordFeatures.cluster(1), word.clusterNext(0), WordFeatures.CASING));
        assertEquals(0, WordFeatures.of(".", null, 0, -1).affixLength());
    }

    @Test
    void sentenceBoundariesAreTheirMarkerEverywhere() {
        WordFeatures start = WordFeatures.boundary("<s>", 2);
        assertEquals(List.of("w-1=<s>", "sh-2=<s>", "c1-1=<s>"),
                features(start, WordFeatures.PREVIOUS, WordFeatures.SHAPE_BEFORE_PREVIOUS, start.clusterPrevious(1)));
        assertEquals("<s>", start.lower());
        assertEquals("<s>", start.shape());
    }

    private static PerceptronWeights weights(String... features) {
        Context[] parameters = new Context[features.length];
        for (int f = 0; f < features.length; f++) {
            parameters[f] = new Context(new int[] {0}, new double[] {f + 1});
        }
        return PerceptronWeights.of(new PerceptronModel(parameters, features, new String[] {"PER-start", "other"}));
    }

    @Test
    void numbersAreThoseOfTheModelAskedAndForgottenForAnother() {
        WordFeatures word = WordFeatures.of("Paris", null, 0, -1);
        PerceptronWeights first = weights("w=paris", "sh=Xx", "pow=other,Paris", "powf=PER-start,ic");
        PerceptronWeights second = weights("sh=Xx", "zz");
        assertEquals(first.feature("w=paris"), word.id(WordFeatures.WORD, first));
        assertEquals(first.feature("sh=Xx"), word.id(WordFeatures.SHAPE, first));
        assertEquals(-1, word.id(WordFeatures.TOKEN_CLASS, first));
        assertEquals(first.feature("pow=other,Paris"), word.outcomeId(-1, "other", false, first));
        assertEquals(-1, word.outcomeId(-1, "other", true, first));
        assertEquals(first.feature("powf=PER-start,ic"), word.outcomeId(0, "PER-start", true, first));
        assertEquals(-1, word.outcomeId(0, "PER-start", false, first));
        // the same slots in another model: its own numbers, none left over from the first
        assertEquals(-1, word.id(WordFeatures.WORD, second));
        assertEquals(second.feature("sh=Xx"), word.id(WordFeatures.SHAPE, second));
        assertEquals(-1, word.outcomeId(-1, "other", false, second));
        assertEquals(-1, word.outcomeId(0, "PER-start", true, second));
        assertEquals(first.feature("w=paris"), word.id(WordFeatures.WORD, first));
    }

    @Test
    void openingSumsAreTheWeightsAddedOneByOneBitForBit() {
        String[] names = {"bias", "w=paris", "sh=Xx", "tc=ic", "cr=-1"};
        double[][] values = {{0.1, 1e-17}, {0.2, -0.3}, {1e16, 0.7}, {-1e16, 1e-9}, {0.30000000000000004, 3.0}};
        Context[] parameters = new Context[names.length];
        for (int f = 0; f < names.length; f++) {
            parameters[f] = new Context(new int[] {0, 1}, values[f]);
        }
        PerceptronWeights weights = PerceptronWeights.of(
                new PerceptronModel(parameters, names, new String[] {"PER-start", "other"}));
        int bias = weights.feature("bias");
        WordFeatures word = WordFeatures.of("Paris", null, 0, -1);
        int[] slots = {WordFeatures.WORD, WordFeatures.SHAPE, WordFeatures.TOKEN_CLASS, WordFeatures.CASING};

        double[] expected = new double[2];
        weights.add(bias, expected, 0);
        for (String name : new String[] {"w=paris", "sh=Xx", "tc=ic", "cr=-1"}) {
            weights.add(weights.feature(name), expected, 0);
        }
        double[] sums = word.openingSums(slots, bias, weights);
        assertEquals(Double.doubleToRawLongBits(expected[0]), Double.doubleToRawLongBits(sums[0]));
        assertEquals(Double.doubleToRawLongBits(expected[1]), Double.doubleToRawLongBits(sums[1]));
        assertEquals(0.1 + 0.2 + 1e16 - 1e16 + 0.30000000000000004, sums[0], "in order, rounding included");
        assertSame(sums, word.openingSums(slots, bias, weights), "summed once per word and slots");

        double[] formOnly = word.openingSums(new int[] {WordFeatures.WORD}, bias, weights);
        assertEquals(0.1 + 0.2, formOnly[0]);
        PerceptronWeights other = weights("w=paris");
        assertEquals(1.0, word.openingSums(slots, other.feature("bias"), other)[0], "another model's own weights");
    }
}
