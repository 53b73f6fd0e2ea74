package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.EntityType;
import org.newsarchive.entity.Mention;

class NerTrainerTest {

    /** A tiny training set: a few patterns, each document repeated so that the trainer learns them. */
    static List<ConllDocument> tinyTrainingSet() throws IOException {
        String document = """
                -DOCSTART- -X- O O

                John I-PER
                Smith I-PER
                visited O
                Paris I-LOC
                on O
                Monday O
                . O

                Acme I-ORG
                Corp I-ORG
                hired O
                Mary I-PER
                Jones I-PER
                in O
                London I-LOC
                . O

                The O
                German I-MISC
                team O
                beat O
                Smith I-PER
                in O
                Berlin I-LOC
                . O
                """;
        return ConllReader.read(new BufferedReader(new StringReader(document.repeat(20))), "tiny", 1);
    }

    static NerTrainer.Parameters quick() {
        return new NerTrainer.Parameters("PERCEPTRON", 20, 0, "bilou", 3, 0, 0, NerTrainer.Parameters.ALL_FEATURES, 1);
    }

    static NerLexicon tinyLexicon() {
        return new NerLexicon.Builder()
                .cluster("Paris", "1", "10").cluster("London", "1", "10").cluster("Berlin", "1", "11")
                .cluster("Smith", "2", "20").casing("paris", 4).casing("the", 0)
                .phrase("acme corp", "ORG").build();
    }

    @Test
    void trainsReproduciblyAndTagsWhatItLearnt(@TempDir Path dir) throws IOException {
        List<ConllDocument> training = tinyTrainingSet();
        Path first = dir.resolve("a.bin");
        Path second = dir.resolve("b.bin");
        NerTrainer.write(NerTrainer.train(training, tinyLexicon(), quick()), first);
        NerTrainer.write(NerTrainer.train(training, tinyLexicon(), quick()), second);
        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "same data and parameters, same bytes");

        OpenNlpMentionRecognizer recognizer = OpenNlpMentionRecognizer.load(first);
        String text = "John Smith visited London on Monday.";
        List<Mention> mentions = recognizer.recognize(text);
        assertEquals(List.of(new Mention(EntityType.PERSON, "John Smith", 0, 10),
                new Mention(EntityType.LOCATION, "London", 19, 25)), mentions);

        NerEvaluation evaluation = NerEvaluator.evaluate("tiny", training,
                new NerTagger(recognizer.model())::tagDocument, false);
        assertEquals(1.0, evaluation.overall().f1(), "learns its own training set");
    }

    @Test
    void lexiconTravelsInsideTheModel(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.bin");
        NerTrainer.write(NerTrainer.train(tinyTrainingSet(), tinyLexicon(), quick()), file);
        TokenNameFinderModel model = new TokenNameFinderModel(file);
        NerLexicon lexicon = model.getArtifact(NerFeatureGeneratorFactory.LEXICON_ARTIFACT);
        assertArrayEquals(new String[] {"1", "10"}, lexicon.clusters("Paris"));
        assertEquals(4, lexicon.casing("paris"));
        assertEquals(-1, lexicon.casing("unknown"));
        assertArrayEquals(new String[] {"ORG"}, lexicon.gazetteer("acme corp"));
        assertEquals(2, lexicon.maxPhraseLength());
    }

    @Test
    void lexiconRoundTripsAsText() throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        tinyLexicon().write(out);
        var again = new java.io.ByteArrayOutputStream();
        NerLexicon.read(new java.io.ByteArrayInputStream(out.toByteArray())).write(again);
        assertArrayEquals(out.toByteArray(), again.toByteArray());
        assertThrows(IOException.class, () -> NerLexicon.read(new java.io.ByteArrayInputStream("nope\n".getBytes())));
    }

    @Test
    void rejectsUnknownParameters() {
        assertThrows(IllegalArgumentException.class,
                () -> new NerTrainer.Parameters("SVM", 1, 0, "bio", 1, 0, 0, "base", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new NerTrainer.Parameters("MAXENT", 1, 0, "bioes", 1, 0, 0, "base", 1));
        assertThrows(IllegalArgumentException.class,
                () -> new NerTrainer.Parameters("MAXENT", 1, 0, "bio", 1, 0, 0, "base,magic", 1));
    }

    @Test
    void clustererIsDeterministicAndGroupsWordsOfLikeContexts() {
        List<String[]> sentences = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            sentences.add("he flew to Paris on Monday".split(" "));
            sentences.add("she flew to London on Tuesday".split(" "));
            sentences.add("he drove to Berlin on Monday".split(" "));
            sentences.add("she drove to Madrid on Tuesday".split(" "));
        }
        WordClusterer clusterer = WordClusterer.of(sentences, 2);
        int[] once = clusterer.cluster(6, 10);
        int[] twice = clusterer.cluster(6, 10);
        assertArrayEquals(once, twice);
        var classes = WordClusterer.asMap(clusterer.words(), once);
        assertEquals(classes.get("Paris"), classes.get("London"));
        assertEquals(classes.get("Paris"), classes.get("Madrid"));
        assertEquals(classes.get("Monday"), classes.get("Tuesday"));
        assertTrue(!classes.get("Paris").equals(classes.get("Monday")));
    }
}
