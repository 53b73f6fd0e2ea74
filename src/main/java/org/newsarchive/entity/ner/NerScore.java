package org.newsarchive.entity.ner;

/**
 * Exact-span scores of one entity type (or of all, type {@code "overall"}), as conlleval
 * computes them: a predicted name is correct only when its first token, last token and type all
 * match a gold name. Precision, recall and F1 are fractions in [0, 1] (0 when undefined).
 *
 * @param type      PER, ORG, LOC, MISC or overall
 * @param gold      names in the gold data
 * @param predicted names the system found
 * @param correct   names found with the exact span and type
 */
public record NerScore(String type, int gold, int predicted, int correct, double precision, double recall, double f1) {

    /** Computes precision, recall and F1 from the counts. */
    public static NerScore of(String type, int gold, int predicted, int correct) {
        double precision = predicted == 0 ? 0 : (double) correct / predicted;
        double recall = gold == 0 ? 0 : (double) correct / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new NerScore(type, gold, predicted, correct, precision, recall, f1);
    }
}
