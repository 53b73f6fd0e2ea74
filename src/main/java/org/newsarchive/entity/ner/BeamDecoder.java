package org.newsarchive.entity.ner;

import java.util.PriorityQueue;

/**
 * OpenNLP's beam search ({@code opennlp.tools.ml.BeamSearch}) over outcome numbers. It makes the
 * same moves in the same order, so it finds the same sequence, ties included: the same
 * candidates enter priority queues ordered the same way, scores are accumulated with the same
 * {@code StrictMath.log}, and the candidates of a hypothesis are the outcomes scoring at least
 * its {@code size}-th best probability, or every allowed outcome when no candidate was kept so
 * far at that position. What it saves is the rest of OpenNLP's bookkeeping: a hypothesis is a
 * parent link rather than a copied list of outcome names, the threshold is found without
 * sorting, and transitions come from a table.
 *
 * <p>Not thread-safe: it keeps its queues and buffers between sentences.
 */
final class BeamDecoder {

    /** Scores of the outcomes at one position, given the previous two outcomes. */
    interface Scorer {
        /**
         * Writes the probability of each outcome at {@code position} into {@code probabilities};
         * {@code previous} and {@code beforePrevious} are outcome numbers, -1 before the sentence.
         */
        void score(int position, int previous, int beforePrevious, double[] probabilities);
    }

    /** OpenNLP's floor for a sequence's log probability: a candidate must score above it. */
    private static final double MIN_SEQUENCE_SCORE = -100000;

    private final int size;
    private final OutcomeTransitions transitions;
    private final double[] probabilities;
    private final double[] best;
    private PriorityQueue<Hypothesis> current;
    private PriorityQueue<Hypothesis> next;

    /** A decoder keeping {@code size} hypotheses over {@code outcomeCount} outcomes. */
    BeamDecoder(int size, int outcomeCount, OutcomeTransitions transitions) {
        if (size < 1) {
            throw new IllegalArgumentException("beam size " + size);
        }
        this.size = size;
        this.transitions = transitions;
        this.probabilities = new double[outcomeCount];
        this.best = new double[Math.min(size, outcomeCount)];
        this.current = new PriorityQueue<>(size);
        this.next = new PriorityQueue<>(size);
    }

    /** The best sequence of outcomes for a sentence of {@code length} tokens. */
    int[] decode(int length, Scorer scorer) {
        current.clear();
        current.add(Hypothesis.START);
        for (int position = 0; position < length; position++) {
            int expand = Math.min(size, current.size());
            for (int h = 0; !current.isEmpty() && h < expand; h++) {
                Hypothesis top = current.remove();
                int previous = top.outcome;
                scorer.score(position, previous, top.parent == null ? -1 : top.parent.outcome, probabilities);
                double threshold = threshold();
                for (int outcome = 0; outcome < probabilities.length; outcome++) {
                    if (probabilities[outcome] >= threshold) {
                        extend(top, outcome);
                    }
                }
                if (next.isEmpty()) {
                    for (int outcome = 0; outcome < probabilities.length; outcome++) {
                        extend(top, outcome);
                    }
                }
            }
            current.clear();
            PriorityQueue<Hypothesis> swap = current;
            current = next;
            next = swap;
        }
        Hypothesis winner = current.poll();
        if (winner == null) {
            throw new IllegalStateException("no outcome sequence is allowed");
        }
        int[] outcomes = new int[length];
        for (Hypothesis h = winner; h.parent != null; h = h.parent) {
            outcomes[--length] = h.outcome;
        }
        return outcomes;
    }

    private void extend(Hypothesis top, int outcome) {
        if (transitions.allows(top.outcome, outcome)) {
            Hypothesis candidate = new Hypothesis(top, outcome, top.score + StrictMath.log(probabilities[outcome]));
            if (candidate.score > MIN_SEQUENCE_SCORE) {
                next.add(candidate);
            }
        }
    }

    /**
     * The {@code size}-th largest probability (the smallest when there are fewer outcomes), in
     * the order {@code Arrays.sort} puts them, where OpenNLP reads it from a sorted copy.
     */
    private double threshold() {
        int count = 0;
        for (double p : probabilities) {
            if (count < best.length) {
                count++;
            } else if (Double.compare(p, best[count - 1]) <= 0) {
                continue;
            }
            int k = count - 1;
            while (k > 0 && Double.compare(best[k - 1], p) < 0) {
                best[k] = best[k - 1];
                k--;
            }
            best[k] = p;
        }
        return best[best.length - 1];
    }

    /** A sequence of outcomes as its last outcome and the sequence before it. */
    private static final class Hypothesis implements Comparable<Hypothesis> {
        static final Hypothesis START = new Hypothesis(null, -1, 0);

        final Hypothesis parent;
        final int outcome;
        final double score;

        Hypothesis(Hypothesis parent, int outcome, double score) {
            this.parent = parent;
            this.outcome = outcome;
            this.score = score;
        }

        /** Best first, as OpenNLP's {@code Sequence} orders. */
        @Override
        public int compareTo(Hypothesis other) {
            return Double.compare(other.score, score);
        }
    }
}
