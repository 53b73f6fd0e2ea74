package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NerEvaluatorTest {

    /** A conlleval input file: token, POS, gold tag, guessed tag. */
    static final String SAMPLE = """
            -DOCSTART- -X- O O O

            EU NNP I-ORG I-ORG
            rejects VBZ O O
            German JJ I-MISC I-MISC
            call NN O O
            . . O O

            Peter NNP I-PER I-PER
            Blackburn NNP I-PER O

            New NNP I-LOC I-LOC
            York NNP I-LOC I-LOC
            Paris NNP B-LOC I-LOC
            London NNP I-LOC I-LOC

            Reuters NNP I-ORG I-ORG
            Bonn NNP I-LOC I-ORG

            Gaza NNP I-LOC B-LOC
            Strip NNP I-LOC I-LOC
            said VBD O O

            the DT O I-PER
            Dutch JJ I-MISC I-MISC
            team NN O O

            in IN O O
            Berlin NNP I-LOC I-LOC

            Berlin NNP I-LOC I-LOC
            said VBD O O
            """;

    @TempDir
    Path dir;

    private Path sampleFile() throws IOException {
        return Files.writeString(dir.resolve("conlleval-sample.txt"), SAMPLE);
    }

    /*
     * SAMPLE (columns: token POS gold guess), scored by hand, IOB1 chunks:
     *
     *   sentence                  gold chunks                       guessed chunks                  correct
     *   EU rejects German call .  ORG[EU] MISC[German]              ORG[EU] MISC[German]            ORG 1, MISC 1
     *   Peter Blackburn           PER[Peter Blackburn]              PER[Peter]                      -
     *   New York Paris London     LOC[New York] LOC[Paris London]   LOC[New York Paris London]      -
     *     (gold B-LOC on Paris starts a second chunk that I-LOC London continues)
     *   Reuters Bonn              ORG[Reuters] LOC[Bonn]            ORG[Reuters Bonn]               -
     *     (gold: the type change starts a chunk with no B-)
     *   Gaza Strip said           LOC[Gaza Strip]                   LOC[Gaza Strip] (B- then I-)    LOC 1
     *   the Dutch team            MISC[Dutch]                       PER[the] MISC[Dutch]            MISC 1
     *   in Berlin                 LOC[Berlin]                       LOC[Berlin]                     LOC 1
     *   Berlin said               LOC[Berlin]                       LOC[Berlin]                     LOC 1
     *     (the sentence break keeps the two Berlins apart)
     *
     *   type   gold  guessed  correct  precision  recall  F1 = 2*correct/(gold+guessed)
     *   LOC      6      4        3       3/4       3/6     6/10 = 0.6
     *   MISC     2      2        2       1         1       1
     *   ORG      2      2        1       1/2       1/2     0.5
     *   PER      1      2        0       0         0       0
     *   all     11     10        6       6/10      6/11    12/21 = 0.571428...
     *
     * Token accuracy on IOB2 tags: 19 of 23 tokens (Blackburn, London, Bonn, "the" are wrong).
     */
    @Test
    void scoresAsConllevalByHand() throws IOException {
        Path file = sampleFile();
        NerEvaluation result = NerEvaluator.evaluateConllevalFile(file);
        assertEquals(1, result.documents());
        assertEquals(8, result.sentences());
        assertEquals(23, result.tokens());
        Map<String, NerScore> byType = result.types().stream().collect(Collectors.toMap(NerScore::type, s -> s));
        assertEquals(List.of("LOC", "MISC", "ORG", "PER"), result.types().stream().map(NerScore::type).toList());
        assertScore(byType.get("LOC"), 6, 4, 3, 0.75, 0.5, 0.6);
        assertScore(byType.get("MISC"), 2, 2, 2, 1, 1, 1);
        assertScore(byType.get("ORG"), 2, 2, 1, 0.5, 0.5, 0.5);
        assertScore(byType.get("PER"), 1, 2, 0, 0, 0, 0);
        assertScore(result.overall(), 11, 10, 6, 0.6, 6.0 / 11, 12.0 / 21);
        assertEquals(19.0 / 23, result.tokenAccuracy(), 1e-12);
    }

    private static void assertScore(NerScore score, int gold, int predicted, int correct, double p, double r, double f) {
        assertEquals(gold, score.gold(), score.type() + " gold");
        assertEquals(predicted, score.predicted(), score.type() + " predicted");
        assertEquals(correct, score.correct(), score.type() + " correct");
        assertEquals(p, score.precision(), 1e-12, score.type() + " precision");
        assertEquals(r, score.recall(), 1e-12, score.type() + " recall");
        assertEquals(f, score.f1(), 1e-12, score.type() + " F1");
    }

    @Test
    void timedEvaluationReportsSpeedAndScoresPerfectTagger() throws IOException {
        Path file = sampleFile();
        List<ConllDocument> gold = ConllReader.read(file, 2);
        NerEvaluation result = NerEvaluator.evaluate("sample", gold,
                document -> document.sentences().stream().map(ConllSentence::names).toList(), true);
        assertEquals(1.0, result.overall().f1());
        assertEquals(1.0, result.tokenAccuracy());
        assertEquals(23, result.tokens());
        assertEquals(true, result.tokensPerSecond() > 0);
    }

    @Test
    void chunkerFollowsConllevalOnIobesAndTypeChanges() {
        assertEquals(List.of(new TaggedSpan(0, 1, "PER"), new TaggedSpan(1, 3, "PER"), new TaggedSpan(3, 4, "LOC")),
                IobChunker.chunks(List.of("S-PER", "B-PER", "E-PER", "I-LOC")));
        assertEquals(List.of(new TaggedSpan(1, 2, "ORG"), new TaggedSpan(2, 3, "MISC")),
                IobChunker.chunks(List.of("O", "I-ORG", "I-MISC", "O")));
        assertEquals(List.of("B-ORG", "I-ORG", "O", "B-LOC"),
                IobChunker.toIob2(List.of(new TaggedSpan(0, 2, "ORG"), new TaggedSpan(3, 4, "LOC")), 4));
    }
}
