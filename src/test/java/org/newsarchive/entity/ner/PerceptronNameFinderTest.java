package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.Span;
import org.junit.jupiter.api.Test;

class PerceptronNameFinderTest {

    /**
     * Tags documents with both finders side by side, as {@link NerTagger} does (adaptive data
     * cleared per document, the document context current), and requires the same spans for every
     * sentence.
     */
    private static void assertSameNamesAsNameFinderMe(TokenNameFinderModel model, List<ConllDocument> documents) {
        PerceptronNameFinder fast = PerceptronNameFinder.of(model, PerceptronWeights.of(model));
        assertNotNull(fast, "our models take the fast path");
        NameFinderME reference = new NameFinderME(model);
        for (ConllDocument document : documents) {
            List<String[]> sentences = new ArrayList<>();
            for (ConllSentence sentence : document.sentences()) {
                sentences.add(sentence.tokenArray());
            }
            DocumentContext.of(sentences).makeCurrent();
            try {
                fast.clearAdaptiveData();
                reference.clearAdaptiveData();
                for (String[] tokens : sentences) {
                    assertArrayEquals(spans(reference.find(tokens)), spans(fast.find(tokens)), String.join(" ", tokens));
                }
            } finally {
                DocumentContext.clear();
            }
        }
    }

    /** Start, end and type: the probabilities NameFinderME attaches are not part of the result. */
    private static String[] spans(Span[] spans) {
        String[] result = new String[spans.length];
        for (int i = 0; i < spans.length; i++) {
            result[i] = spans[i].getStart() + "-" + spans[i].getEnd() + ":" + spans[i].getType();
        }
        return result;
    }

    @Test
    void tagsTheDevelopmentSetAsNameFinderMe() throws IOException {
        Path testa = Path.of(System.getProperty("newsarchive.shared", "../shared"), "data/conll2003/eng.testa");
        assumeTrue(Files.isRegularFile(testa), "no " + testa);
        List<ConllDocument> documents = ConllReader.read(testa);
        assertSameNamesAsNameFinderMe(OpenNlpMentionRecognizer.loadDefault().model(), documents.subList(0, 60));
    }

    @Test
    void tagsAsNameFinderMeWithEveryFeatureGroupAndBothCodecs() throws IOException {
        List<ConllDocument> training = NerTrainerTest.tinyTrainingSet();
        for (String codec : List.of("bilou", "bio")) {
            NerTrainer.Parameters parameters = new NerTrainer.Parameters("PERCEPTRON", 5, 0, codec, 3, 0, 0,
                    NerTrainer.Parameters.ALL_FEATURES, 1);
            TokenNameFinderModel model = NerTrainer.train(training, NerTrainerTest.tinyLexicon(), parameters);
            assertSameNamesAsNameFinderMe(model, training);
            assertSameNamesAsNameFinderMe(model, unseenText());
        }
    }

    /** Sentences the tiny models never saw, caps and acronyms included, untagged. */
    private static List<ConllDocument> unseenText() throws IOException {
        StringBuilder conll = new StringBuilder("-DOCSTART- -X- O O\n\n");
        for (String sentence : List.of("ACME CORP SAYS SMITH WILL VISIT PARIS",
                "The Asia-Pacific Economic Cooperation ( APEC ) met in Berlin on Monday .",
                "Mary Smith of Acme Corp told APEC that John Jones left London .", "Smith", "( )")) {
            for (String token : sentence.split(" ")) {
                conll.append(token).append(" O\n");
            }
            conll.append('\n');
        }
        return ConllReader.read(new java.io.BufferedReader(new java.io.StringReader(conll.toString())), "unseen", 1);
    }

    @Test
    void leavesOtherClassifiersToNameFinderMe() throws IOException {
        NerTrainer.Parameters maxent = new NerTrainer.Parameters("MAXENT", 5, 0, "bilou", 2, 0, 0, "base", 1);
        TokenNameFinderModel model = NerTrainer.train(NerTrainerTest.tinyTrainingSet(), NerTrainerTest.tinyLexicon(),
                maxent);
        assertNull(PerceptronWeights.of(model));
        assertNull(PerceptronNameFinder.of(model, null));
    }
}
