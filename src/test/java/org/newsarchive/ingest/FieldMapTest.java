package org.newsarchive.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarchive.ingest.FieldMap.Part;

class FieldMapTest {

    @Test
    void defaultReadsNewsPleaseFirst() {
        assertEquals("title", FieldMap.DEFAULT.fields(Part.HEADLINE).get(0));
        assertEquals("maintext", FieldMap.DEFAULT.fields(Part.TEXT).get(0));
        assertEquals("date_publish", FieldMap.DEFAULT.fields(Part.DATE).get(0));
        assertEquals("source_domain", FieldMap.DEFAULT.fields(Part.SOURCE).get(0));
        assertEquals("", FieldMap.DEFAULT.spec());
    }

    @Test
    void overridesReplaceOnlyThePartsTheyName() {
        FieldMap map = FieldMap.parse(" story = text , headline_en=title,meta.site=source, story_alt=text");
        assertEquals(List.of("story", "story_alt"), map.fields(Part.TEXT));
        assertEquals(List.of("headline_en"), map.fields(Part.HEADLINE)); // "title" is a synonym of headline
        assertEquals(List.of("meta.site"), map.fields(Part.SOURCE));
        assertEquals(FieldMap.DEFAULT.fields(Part.DATE), map.fields(Part.DATE));
        assertEquals("story=text,story_alt=text,headline_en=headline,meta.site=source", map.spec());
        assertEquals(map, FieldMap.parse(map.spec()));
    }

    @Test
    void emptySpecIsTheDefault() {
        assertSame(FieldMap.DEFAULT, FieldMap.parse(" "));
    }

    @Test
    void badSpecsSayWhatIsWrong() {
        assertEquals("'title' is not FIELD=PART (e.g. title=headline)",
                assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("title")).getMessage());
        assertEquals("unknown part 'kicker' in 'deck=kicker' (headline, text, description, date, url, source, authors"
                + " or language)", assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("deck=kicker")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("=text"));
        assertThrows(IllegalArgumentException.class, () -> FieldMap.parse("story="));
    }
}
