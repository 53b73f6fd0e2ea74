package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NerFeatureGeneratorTest {

    private static final Set<NerFeatureGenerator.Group> ALL = NerFeatureGenerator.Group
            .parse(NerTrainer.Parameters.ALL_FEATURES);

    @Test
    void listsEachTokensFeaturesInOrder() {
        NerFeatureGenerator generator = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL);
        String[][] features = generator.sentenceFeatures("Mr Smith visited Paris .".split(" "));
        // the word's own features first (the opening features), then its neighbours' and the rest
        assertEquals(List.of("bias", "w=smith", "sh=Xx", "tc=ic", "p1=s", "s1=h", "p2=sm", "s2=th", "p3=smi",
                "s3=ith", "p4=smit", "s4=mith", "c0=2", "c1=20", "cr=-1", "w-1=mr", "w-2=<s>", "w+1=visited",
                "w+2=paris", "sh-1=Xx", "sh+1=x", "sh-2=<s>", "sh+2=Xx", "b-1=mr|smith", "b+1=smith|visited",
                "sb-1=Xx|Xx", "sb+1=Xx|x", "sb3=Xx|Xx|x", "w-1sh=mr|Xx", "shw+1=Xx|visited", "c0-1=?", "c0+1=?",
                "c1-1=?", "c1+1=?", "rf=mr", "rl=smith", "rp=L", "rpl=L,smith", "rlc=20"), List.of(features[1]));
        assertEquals(List.of("bias", "w=.", "sh=.", "tc=other", "c0=?", "c1=?", "cr=-1", "w-1=paris", "w-2=visited",
                "w+1=</s>", "w+2=</s>", "sh-1=Xx", "sh+1=</s>", "sh-2=x", "sh+2=</s>", "b-1=paris|.", "b+1=.|</s>",
                "sb-1=Xx|.", "sb+1=.|</s>", "sb3=Xx|.|</s>", "w-1sh=paris|.", "shw+1=.|</s>", "c0-1=1", "c0+1=</s>",
                "c1-1=10", "c1+1=</s>"), List.of(features[4]));
        // in capitals the clusters are those of the word's usual form, after the opening features
        String[][] caps = generator.sentenceFeatures("ACME CORP SAYS SMITH".split(" "));
        assertEquals(List.of("bias", "w=smith", "sh=X", "tc=ac", "p1=s", "s1=h", "p2=sm", "s2=th", "p3=smi",
                "s3=ith", "p4=smit", "s4=mith", "cr=-1", "caps", "caps,w=smith", "w-1=says", "w-2=corp", "w+1=</s>",
                "w+2=</s>", "sh-1=X", "sh+1=</s>", "sh-2=X", "sh+2=</s>", "b-1=says|smith", "b+1=smith|</s>",
                "sb-1=X|X", "sb+1=X|</s>", "sb3=X|X|</s>", "w-1sh=says|X", "shw+1=X|</s>", "tsh=X", "c0=2", "c1=20",
                "c0-1=?", "c0+1=</s>", "c1-1=?", "c1+1=</s>", "cru=-1,X"), List.of(caps[3]));
    }

    /**
     * A generator whose cache is cleared at nearly every word, one that keeps them all and one
     * that has seen other text first list the same features: nothing about a word outlives it in
     * the cache or leaks from one word to another.
     */
    @Test
    void theWordCacheChangesNoFeature() throws IOException {
        NerFeatureGenerator cold = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL, 1);
        NerFeatureGenerator warm = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL);
        NerFeatureGenerator used = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL, 3);
        used.sentenceFeatures("PARIS Paris paris Smith smith SMITH Acme Corp".split(" "));
        for (ConllDocument document : NerTrainerTest.tinyTrainingSet()) {
            for (ConllSentence sentence : document.sentences()) {
                String[] tokens = sentence.tokenArray();
                String[][] expected = cold.sentenceFeatures(tokens);
                assertArrayEquals(expected, warm.sentenceFeatures(tokens), String.join(" ", tokens));
                assertArrayEquals(expected, used.sentenceFeatures(tokens), String.join(" ", tokens));
                assertArrayEquals(expected, warm.sentenceFeatures(tokens), "again, from the cache");
            }
        }
    }

    private static List<String> matching(String[] features, String prefix) {
        return java.util.Arrays.stream(features).filter(f -> f.startsWith(prefix)).toList();
    }

    @Test
    void gazetteerPhrasesMatchWithoutCaseFromACapitalOrDigit() {
        NerFeatureGenerator generator = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL);
        String[][] features = generator.sentenceFeatures("Acme Corp and ACME CORP but acme corp".split(" "));
        assertEquals(List.of("gz=ORG-B", "gz=ORG"), matching(features[0], "gz="));
        assertEquals(List.of("gz=ORG-L", "gz=ORG"), matching(features[1], "gz="));
        assertEquals(List.of(), matching(features[2], "gz="));
        assertEquals(List.of("gz=ORG-B", "gz=ORG"), matching(features[3], "gz="));
        assertEquals(List.of("gz=ORG-L", "gz=ORG"), matching(features[4], "gz="));
        assertEquals(List.of(), matching(features[6], "gz="), "a phrase starting in lower case is not a name");
        assertEquals(List.of(), matching(features[7], "gz="));
    }

    @Test
    void aggregatedContextIsTheWordsAroundTheWordsOtherOccurrences() {
        NerFeatureGenerator generator = new NerFeatureGenerator(NerTrainerTest.tinyLexicon(), ALL);
        List<String[]> document = List.of("Mr Clinton spoke .".split(" "), "Clinton said so .".split(" "),
                "CLINTON WINS".split(" "), "the clinton file".split(" "));
        DocumentContext.of(document).makeCurrent();
        try {
            List<String> expected = List.of("ag-1=mr", "ag-1=<s>", "ag+1=spoke", "ag+1=said");
            assertEquals(expected, matching(generator.sentenceFeatures(document.get(1))[0], "ag"));
            assertEquals(expected, matching(generator.sentenceFeatures(document.get(2))[0], "ag"),
                    "a headline's word as the document writes it");
            assertEquals(List.of(), matching(generator.sentenceFeatures(document.get(3))[1], "ag"), "lower case");
            assertEquals(List.of(), matching(generator.sentenceFeatures(document.get(1))[1], "ag"));
        } finally {
            DocumentContext.clear();
        }
    }
}
