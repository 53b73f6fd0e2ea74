package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.newsarchive.entity.EntityType;

class CountedFieldTest {

    @Test
    void namesAreThoseOfTheQueryFields() {
        assertEquals(List.of("person", "org", "place", "misc", "source", "author"),
                EnumSet.allOf(CountedField.class).stream().map(CountedField::queryName).toList());
    }

    @Test
    void namesAsTypedIncludingEntitySynonymsAndPlurals() {
        assertEquals(CountedField.ORGANIZATION, CountedField.fromName("Organisation"));
        assertEquals(CountedField.SOURCE, CountedField.fromName("source"));
        assertEquals(CountedField.SOURCE, CountedField.fromName("Sources"));
        assertEquals(CountedField.AUTHOR, CountedField.fromName("authors"));
        assertNull(CountedField.fromName("language"));
        assertNull(CountedField.fromName("planet"));
    }

    @Test
    void everyEntityTypeIsCountedByDefaultAndNothingElse() {
        for (EntityType type : EntityType.values()) {
            assertEquals(type, CountedField.of(type).entityType());
        }
        assertEquals(EnumSet.range(CountedField.PERSON, CountedField.MISC), CountedField.ENTITY_TYPES);
    }
}
