package org.newsarchive.entity.ner;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Scores a recogniser against gold CoNLL data the way conlleval does (exact spans; chunks read
 * from IOB1 or IOB2 by {@link IobChunker}), and measures its speed on one thread.
 */
public final class NerEvaluator {

    private static final int WARM_UP_MAX_PASSES = 20;
    private static final long WARM_UP_NANOS = 5_000_000_000L;
    /**
     * Timed passes after the warm-up: at least five and for at least three seconds, the median
     * one giving the speed. A pass over eng.testa takes a quarter of a second, and on a shared
     * machine the median of three such passes varied by half from one run to the next.
     */
    private static final int TIMED_PASSES_MIN = 5;
    private static final int TIMED_PASSES_MAX = 60;
    private static final long TIMED_NANOS = 3_000_000_000L;

    private NerEvaluator() {
    }

    /**
     * Tags every document of {@code gold} with {@code tagger} and scores the result. When
     * {@code timed}, the documents are first tagged a few times (at least three times and for five
     * seconds) to warm the JIT up, then tagged again for at least three seconds (at least five
     * passes): the median of these timed passes gives the speed, and the last one is scored
     * (tagging is deterministic).
     */
    public static NerEvaluation evaluate(String file, List<ConllDocument> gold,
            Function<ConllDocument, List<List<TaggedSpan>>> tagger, boolean timed) {
        if (timed) {
            // the JIT needs several passes before the speed settles: at least three, and five seconds
            // (about eight passes over eng.testa), but no more than twenty
            long warmUpStart = System.nanoTime();
            for (int pass = 0; pass < WARM_UP_MAX_PASSES
                    && (pass < 3 || System.nanoTime() - warmUpStart < WARM_UP_NANOS); pass++) {
                for (ConllDocument document : gold) {
                    tagger.apply(document);
                }
            }
        }
        List<List<List<TaggedSpan>>> predicted = new ArrayList<>(gold.size());
        List<Double> passSeconds = new ArrayList<>();
        long timedStart = System.nanoTime();
        do {
            predicted.clear();
            long start = System.nanoTime();
            for (ConllDocument document : gold) {
                predicted.add(tagger.apply(document));
            }
            passSeconds.add((System.nanoTime() - start) / 1e9);
        } while (timed && passSeconds.size() < TIMED_PASSES_MAX
                && (passSeconds.size() < TIMED_PASSES_MIN || System.nanoTime() - timedStart < TIMED_NANOS));
        Collections.sort(passSeconds);
        double seconds = timed ? passSeconds.get(passSeconds.size() / 2) : 0;
        return score(file, gold, predicted, seconds);
    }

    /**
     * Scores a conlleval-style file: gold tag in the second-last column, the system's guess in
     * the last, as conlleval itself reads them.
     */
    public static NerEvaluation evaluateConllevalFile(Path file) throws IOException {
        List<ConllDocument> gold = ConllReader.read(file, 2);
        List<ConllDocument> guess = ConllReader.read(file, 1);
        List<List<List<TaggedSpan>>> predicted = new ArrayList<>(guess.size());
        for (ConllDocument document : guess) {
            List<List<TaggedSpan>> sentences = new ArrayList<>();
            for (ConllSentence sentence : document.sentences()) {
                sentences.add(sentence.names());
            }
            predicted.add(sentences);
        }
        return score(file.toString(), gold, predicted, 0);
    }

    /** Scores predicted names (per document, per sentence) against the gold documents. */
    public static NerEvaluation score(String file, List<ConllDocument> gold, List<List<List<TaggedSpan>>> predicted,
            double seconds) {
        if (gold.size() != predicted.size()) {
            throw new IllegalArgumentException(gold.size() + " gold documents but " + predicted.size() + " predicted");
        }
        Map<String, int[]> counts = new TreeMap<>(); // type -> {gold, predicted, correct}
        int sentences = 0;
        long tokens = 0;
        long rightTags = 0;
        for (int d = 0; d < gold.size(); d++) {
            List<ConllSentence> goldSentences = gold.get(d).sentences();
            List<List<TaggedSpan>> predictedSentences = predicted.get(d);
            if (goldSentences.size() != predictedSentences.size()) {
                throw new IllegalArgumentException("document " + (d + 1) + ": " + goldSentences.size()
                        + " gold sentences but " + predictedSentences.size() + " predicted");
            }
            for (int s = 0; s < goldSentences.size(); s++) {
                ConllSentence sentence = goldSentences.get(s);
                List<TaggedSpan> guessed = predictedSentences.get(s);
                sentences++;
                tokens += sentence.size();
                Set<TaggedSpan> goldSet = new HashSet<>(sentence.names());
                for (TaggedSpan name : sentence.names()) {
                    counts.computeIfAbsent(name.type(), t -> new int[3])[0]++;
                }
                for (TaggedSpan name : guessed) {
                    int[] c = counts.computeIfAbsent(name.type(), t -> new int[3]);
                    c[1]++;
                    if (goldSet.contains(name)) {
                        c[2]++;
                    }
                }
                List<String> goldTags = IobChunker.toIob2(sentence.names(), sentence.size());
                List<String> guessTags = IobChunker.toIob2(guessed, sentence.size());
                for (int i = 0; i < goldTags.size(); i++) {
                    if (goldTags.get(i).equals(guessTags.get(i))) {
                        rightTags++;
                    }
                }
            }
        }
        List<NerScore> types = new ArrayList<>();
        int goldTotal = 0;
        int predictedTotal = 0;
        int correctTotal = 0;
        for (var entry : counts.entrySet()) {
            int[] c = entry.getValue();
            types.add(NerScore.of(entry.getKey(), c[0], c[1], c[2]));
            goldTotal += c[0];
            predictedTotal += c[1];
            correctTotal += c[2];
        }
        NerScore overall = NerScore.of("overall", goldTotal, predictedTotal, correctTotal);
        double accuracy = tokens == 0 ? 0 : (double) rightTags / tokens;
        double speed = seconds > 0 ? tokens / seconds : 0;
        return new NerEvaluation(file, gold.size(), sentences, tokens, types, overall, accuracy, seconds, speed);
    }
}
