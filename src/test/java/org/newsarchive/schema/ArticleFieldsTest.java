package org.newsarchive.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.newsarchive.entity.EntityType;

class ArticleFieldsTest {

    @Test
    void everyFieldHasItsOwnName() {
        Set<String> names = new HashSet<>();
        ArticleFields.ALL.forEach(field -> assertEquals(true, names.add(field.name()), field.name()));
        assertEquals(19, ArticleFields.ALL.size());
    }

    @Test
    void queryableNamesAreDerivedFromTheKinds() {
        assertEquals(List.of("author", "body", "date", "headline", "id", "language", "misc", "org", "path", "person",
                "place", "source", "url"), ArticleFields.queryableNames());
        assertNull(ArticleFields.queryable("hash"));
        assertNull(ArticleFields.queryable("size"));
        assertNull(ArticleFields.queryable("dup_signature"));
        assertSame(ArticleFields.DATE, ArticleFields.queryable("date"));
    }

    @Test
    void hitsLoadTheStoredFieldsTheyShowAndNothingElse() {
        assertEquals(Set.of("id", "published", "headline", "body", "path", "url", "source", "author", "language",
                "person", "org", "place", "misc"), ArticleFields.HIT_FIELDS);
    }

    @Test
    void entitiesSourcesAndAuthorsAreTheCountableFields() {
        assertEquals(List.of("source", "author", "person", "org", "place", "misc"),
                ArticleFields.countable().stream().map(FieldDef::name).toList());
        for (EntityType type : EntityType.values()) {
            assertSame(type, ArticleFields.entity(type).type());
            assertEquals(type.queryName(), ArticleFields.entity(type).name());
        }
    }

    @Test
    void capabilitiesFollowTheKind() {
        assertInstanceOf(RangeQueryable.class, ArticleFields.DATE);
        assertInstanceOf(Sortable.class, ArticleFields.DATE);
        assertInstanceOf(Sortable.class, ArticleFields.ID);
        assertInstanceOf(TermQueryable.class, ArticleFields.PATH);
        assertEquals(List.of(ArticleFields.HEADLINE, ArticleFields.BODY), ArticleFields.textFields());
    }

    @Test
    void keysAreNormalisedByTheFieldTheyBelongTo() {
        assertEquals("reuters.com", ArticleFields.SOURCE.key("https://www.Reuters.com/markets"));
        assertEquals("jane doe", ArticleFields.AUTHOR.key("JANE  DOE."));
        assertEquals("en", ArticleFields.LANGUAGE.key(" EN "));
        assertEquals("/Archive/A.txt", ArticleFields.PATH.key("/Archive/A.txt"));
        assertEquals("jane doe", ArticleFields.AUTHOR.keyOfStored("Jane Doe"));
        assertEquals(true, ArticleFields.LANGUAGE.lowerCaseKeys());
        assertEquals(false, ArticleFields.URL.lowerCaseKeys());
    }

    @Test
    void dateValuesAreDaysOfLocalTime() {
        long noon = 19_713L * 86_400 + 12 * 3600;
        assertEquals(19_713L, DateFieldDef.epochDayOf(noon));
        assertEquals(-1L, DateFieldDef.epochDayOf(-1));
        assertEquals(java.time.LocalDate.of(2023, 12, 22), DateFieldDef.dateOf(noon));
    }
}
