package org.newsarchive.entity.ner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NerTaggerTest {

    private static List<TaggedSpan> split(String sentence, TaggedSpan name) {
        List<TaggedSpan> names = new ArrayList<>();
        NerTagger.addSplittingAcronym(names, sentence.split(" "), name);
        return names;
    }

    @Test
    void splitsAnExpansionFromItsAcronym() {
        assertEquals(List.of(new TaggedSpan(1, 4, "ORG"), new TaggedSpan(5, 6, "ORG")),
                split("the Asia-Pacific Economic Cooperation ( APEC ) summit", new TaggedSpan(1, 7, "ORG")));
    }

    @Test
    void leavesOtherBracketsInNames() {
        assertEquals(List.of(new TaggedSpan(0, 4, "ORG")), split("Mladost ( L ) 0", new TaggedSpan(0, 4, "ORG")));
        assertEquals(List.of(new TaggedSpan(0, 5, "ORG")),
                split("World Trade Organisation ( UN ) said", new TaggedSpan(0, 5, "ORG")));
        assertEquals(List.of(new TaggedSpan(0, 2, "PER")), split("John Smith said", new TaggedSpan(0, 2, "PER")));
    }

    @Test
    void initialsCountHyphenatedParts() {
        assertEquals("APEC", CapitalizedRuns.initials("Asia-Pacific Economic Cooperation".split(" "), 0, 3));
        assertEquals("OPEC",
                CapitalizedRuns.initials("Organisation of Petroleum Exporting Countries".split(" "), 0, 5));
        assertEquals(5, CapitalizedRuns.runEnd("Organisation of Petroleum Exporting Countries said".split(" "), 0));
        assertEquals(4, CapitalizedRuns.runEnd("House of Representatives Speaker Nancy Pelosi".split(" "), 0),
                "a run ends after a title");
    }
}
