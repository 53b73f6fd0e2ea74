package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import opennlp.tools.namefind.BilouNameFinderSequenceValidator;
import opennlp.tools.namefind.NameFinderSequenceValidator;
import opennlp.tools.util.SequenceValidator;
import org.junit.jupiter.api.Test;

class OutcomeTransitionsTest {

    private static final String[] BILOU = {"PER-start", "PER-cont", "PER-last", "PER-unit", "LOC-start", "LOC-cont",
        "LOC-last", "LOC-unit", "other"};
    private static final String[] BIO = {"PER-start", "PER-cont", "LOC-start", "LOC-cont", "other"};

    @Test
    void bilouNamesOpenAndCloseWithinOneType() {
        OutcomeTransitions t = OutcomeTransitions.of(new BilouNameFinderSequenceValidator(), BILOU);
        assertTrue(t.allows(-1, 0), "a sentence may start with a name");
        assertFalse(t.allows(-1, 1), "but not in the middle of one");
        assertFalse(t.allows(-1, 2));
        assertTrue(t.allows(0, 1), "PER-start, PER-cont");
        assertTrue(t.allows(0, 2), "PER-start, PER-last");
        assertFalse(t.allows(0, 5), "PER-start, LOC-cont");
        assertFalse(t.allows(0, 8), "PER-start, other: a started name must go on");
        assertFalse(t.allows(2, 1), "PER-last, PER-cont");
        assertTrue(t.allows(2, 8), "PER-last, other");
        assertTrue(t.allows(3, 4), "PER-unit, LOC-start");
        assertFalse(t.allows(8, 6), "other, LOC-last");
    }

    /** The table answers as the validator does for every pair, at every position of longer sequences. */
    @Test
    void answersAsTheValidatorForEveryPair() {
        assertLikeValidator(new BilouNameFinderSequenceValidator(), BILOU);
        assertLikeValidator(new NameFinderSequenceValidator(), BIO);
    }

    private static void assertLikeValidator(SequenceValidator<String> validator, String[] outcomes) {
        OutcomeTransitions table = OutcomeTransitions.of(validator, outcomes);
        String[] tokens = {"a", "b", "c", "d"};
        for (String first : outcomes) {
            for (int previous = -1; previous < outcomes.length; previous++) {
                String[] before = previous < 0 ? new String[0] : new String[] {first, outcomes[previous]};
                for (int next = 0; next < outcomes.length; next++) {
                    boolean expected = validator.validSequence(before.length, tokens, before, outcomes[next]);
                    assertEquals(expected, table.allows(previous, next),
                            List.of(before) + " then " + outcomes[next]);
                }
            }
        }
    }
}
