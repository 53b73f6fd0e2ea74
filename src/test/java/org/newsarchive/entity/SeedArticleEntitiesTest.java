package org.newsarchive.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.newsarchive.entity.ner.OpenNlpMentionRecognizer;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;

/** The whole pipeline (shipped model, shipped aliases) on the seed article. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SeedArticleEntitiesTest {

    private ArticleEntities entities;

    @BeforeAll
    void extract() throws IOException {
        Path seed = Path.of("seeds/000_ec52301a8b636dd9.txt").toRealPath();
        Article article = ((ParseOutcome.Parsed) new ArticleParser().parse(seed)).article();
        EntityExtractor extractor = new RecognizingEntityExtractor(OpenNlpMentionRecognizer.loadDefault(),
                AliasTable.defaults());
        entities = extractor.extract(article.headline(), article.body());
    }

    @Test
    void people() {
        List<String> people = entities.names(EntityType.PERSON);
        assertTrue(people.containsAll(List.of("Liu Zhenli", "Charles Brown", "Nancy Pelosi", "Xi Jinping", "Joe Biden")),
                people.toString());
        assertFalse(people.contains("Brown"), "Brown is Charles Brown: " + people);
        assertFalse(people.contains("Liu"), "Liu is Liu Zhenli: " + people);
    }

    @Test
    void places() {
        List<String> places = entities.names(EntityType.LOCATION);
        assertTrue(places.containsAll(List.of("China", "United States", "Taiwan", "South China Sea", "San Francisco")),
                places.toString());
        assertFalse(places.contains("US"), places.toString());
    }

    @Test
    void organisations() {
        List<String> orgs = entities.names(EntityType.ORGANIZATION);
        assertTrue(orgs.containsAll(List.of("Central Military Commission", "Asia-Pacific Economic Cooperation")),
                orgs.toString());
        assertFalse(orgs.contains("APEC"), orgs.toString());
    }

    @Test
    void surfaceFormsAndOffsetsPointIntoTheText() {
        Entity brown = entities.entities().stream().filter(e -> e.name().equals("Charles Brown")).findFirst().orElseThrow();
        assertEquals("Charles Brown", brown.surfaceForms().get(0));
        assertTrue(brown.surfaceForms().contains("Brown"));
        for (Mention mention : brown.mentions()) {
            assertEquals(mention.end() - mention.start(), mention.text().length());
        }
    }
}
