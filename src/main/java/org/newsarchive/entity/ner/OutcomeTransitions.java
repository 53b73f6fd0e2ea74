package org.newsarchive.entity.ner;

import opennlp.tools.util.SequenceValidator;

/**
 * Which outcome may follow which, read once from a name finder's {@link SequenceValidator}
 * instead of asked of it for every candidate of every hypothesis (it compares outcome names with
 * {@code endsWith}). OpenNLP's BIO and BILOU validators look only at the previous outcome, or at
 * there being none at the start of a sentence, so a table of every pair answers exactly as they
 * do.
 */
final class OutcomeTransitions {

    private static final String[] NO_TOKENS = new String[0];

    private final int outcomeCount;
    /** {@code allowed[(previous + 1) * outcomeCount + next]}; previous -1 is the sentence start. */
    private final boolean[] allowed;

    private OutcomeTransitions(int outcomeCount, boolean[] allowed) {
        this.outcomeCount = outcomeCount;
        this.allowed = allowed;
    }

    /** The transitions {@code validator} allows between {@code outcomes} (numbered by position). */
    static OutcomeTransitions of(SequenceValidator<String> validator, String[] outcomes) {
        int n = outcomes.length;
        boolean[] allowed = new boolean[(n + 1) * n];
        for (int next = 0; next < n; next++) {
            allowed[next] = validator.validSequence(0, NO_TOKENS, new String[0], outcomes[next]);
            for (int previous = 0; previous < n; previous++) {
                allowed[(previous + 1) * n + next] =
                        validator.validSequence(1, NO_TOKENS, new String[] {outcomes[previous]}, outcomes[next]);
            }
        }
        return new OutcomeTransitions(n, allowed);
    }

    /** Whether outcome {@code next} may follow outcome {@code previous} (-1: the sentence start). */
    boolean allows(int previous, int next) {
        return allowed[(previous + 1) * outcomeCount + next];
    }
}
