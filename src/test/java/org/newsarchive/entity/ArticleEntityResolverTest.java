package org.newsarchive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArticleEntityResolverTest {

    private static ArticleEntities extract(String text, Map<String, EntityType> names) {
        return new RecognizingEntityExtractor(new DictionaryRecognizer(names), AliasTable.defaults()).extract("", text);
    }

    @Test
    void aSurnameAloneIsTheFullNameSeenEarlier() {
        ArticleEntities entities = extract(
                "Chairman Charles Brown met Liu Zhenli. Brown said talks helped. Liu agreed.",
                Map.of("Charles Brown", EntityType.PERSON, "Liu Zhenli", EntityType.PERSON,
                        "Brown", EntityType.PERSON, "Liu", EntityType.PERSON));
        assertEquals(List.of("Charles Brown", "Liu Zhenli"), entities.names(EntityType.PERSON));
        Entity brown = entities.entities().get(0);
        assertEquals(List.of("Charles Brown", "Brown"), brown.surfaceForms());
        assertEquals(2, brown.mentions().size());
    }

    @Test
    void aSurnameBeforeTheFullNameTakesTheFirstFullNameAfterIt() {
        ArticleEntities entities = extract("Biden spoke. Later Joe Biden left.",
                Map.of("Biden", EntityType.PERSON, "Joe Biden", EntityType.PERSON));
        assertEquals(List.of("Joe Biden"), entities.names(EntityType.PERSON));
    }

    @Test
    void theNearestEarlierFullNameWins() {
        ArticleEntities entities = extract("Gordon Brown spoke. Charles Brown answered. Brown smiled.",
                Map.of("Gordon Brown", EntityType.PERSON, "Charles Brown", EntityType.PERSON, "Brown", EntityType.PERSON));
        Entity charles = entities.entities().get(1);
        assertEquals("Charles Brown", charles.name());
        assertEquals(List.of("Charles Brown", "Brown"), charles.surfaceForms());
    }

    @Test
    void anAcronymDefinedInTheTextIsItsExpansion() {
        ArticleEntities entities = extract(
                "The Joint Staff Council (JSC) met. Later the JSC voted.",
                Map.of("Joint Staff Council", EntityType.ORGANIZATION, "JSC", EntityType.ORGANIZATION));
        assertEquals(List.of("Joint Staff Council"), entities.names(EntityType.ORGANIZATION));
        assertEquals(List.of("Joint Staff Council", "JSC"), entities.entities().get(0).surfaceForms());
    }

    @Test
    void aBracketedCodeThatIsNotAnAcronymIsLeftAlone() {
        ArticleEntities entities = extract("Acme Holdings (NYSE) rose. NYSE trading was busy.",
                Map.of("Acme Holdings", EntityType.ORGANIZATION, "NYSE", EntityType.ORGANIZATION));
        assertEquals(List.of("Acme Holdings", "NYSE"), entities.names(EntityType.ORGANIZATION));
    }

    @Test
    void acronymTest() {
        assertTrue(ArticleEntityResolver.isAcronymOf("APEC", "Asia-Pacific Economic Cooperation"));
        assertTrue(ArticleEntityResolver.isAcronymOf("NATO", "North Atlantic Treaty Organization"));
        assertTrue(ArticleEntityResolver.isAcronymOf("CMC", "Central Military Commission"));
        assertFalse(ArticleEntityResolver.isAcronymOf("NYSE", "Acme Holdings"));
        assertFalse(ArticleEntityResolver.isAcronymOf("A", "Acme"));
    }

    @Test
    void spellingVariantsAndDemonymsAreOneEntity() {
        ArticleEntities entities = extract("The U.S. and the United States and Chinese and China and US.",
                Map.of("U.S.", EntityType.LOCATION, "United States", EntityType.LOCATION, "Chinese", EntityType.MISC,
                        "China", EntityType.LOCATION, "US", EntityType.LOCATION));
        assertEquals(List.of("United States", "China"), entities.names(EntityType.LOCATION));
        assertEquals(List.of("U.S.", "United States", "US"), entities.entities().get(0).surfaceForms());
        assertEquals(List.of(), entities.names(EntityType.MISC));
    }

    @Test
    void mentionsKeepTheirOffsets() {
        String text = "Taiwan and Taiwan.";
        ArticleEntities entities = extract(text, Map.of("Taiwan", EntityType.LOCATION));
        List<Mention> mentions = entities.entities().get(0).mentions();
        assertEquals(List.of(new Mention(EntityType.LOCATION, "Taiwan", 0, 6), new Mention(EntityType.LOCATION, "Taiwan", 11, 17)),
                mentions);
    }

    @Test
    void allCapitalHeadlinesAreNotTagged() {
        assertEquals("Body text.", RecognizingEntityExtractor.textOf("BAHIA COCOA REVIEW", "Body text."));
        assertEquals("Cocoa in Bahia\n\nBody text.", RecognizingEntityExtractor.textOf("Cocoa in Bahia", "Body text."));
        assertEquals("A long first sentence. More.",
                RecognizingEntityExtractor.textOf("A long first…", "A long first sentence. More."));
    }
}
