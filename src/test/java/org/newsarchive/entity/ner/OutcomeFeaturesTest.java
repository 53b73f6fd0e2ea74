package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class OutcomeFeaturesTest {

    @Test
    void namesTheFeaturesTheModelWasTrainedWith() {
        assertEquals("pp=<s>,PER-start", OutcomeFeatures.pair(OutcomeFeatures.SENTENCE_START, "PER-start"));
        assertEquals("po=other", OutcomeFeatures.previous(OutcomeFeatures.NO_OUTCOME));
        assertEquals("pow=PER-start,Smith", OutcomeFeatures.previousAndWord("PER-start", "Smith"));
        assertEquals("powf=other,ic", OutcomeFeatures.previousAndClass("other", "ic"));
        assertEquals("ppo=LOC-unit", OutcomeFeatures.beforePrevious("LOC-unit"));
    }
}
