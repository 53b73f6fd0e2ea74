package org.newsarchive.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.junit.jupiter.api.Test;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityKey;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;

class ArticleSchemaTest {

    private static Article article(String id, LocalDate date, OffsetDateTime time) {
        return new Article(id, date, time, "Headline here", "First paragraph.\n\nSecond one.",
                Path.of("/archive/" + id + ".txt"), 123, "ab".repeat(32), 6);
    }

    @Test
    void documentRoundTripKeepsEveryStoredField() throws Exception {
        Article original = article("0123456789abcdef", LocalDate.of(2023, 12, 22),
                OffsetDateTime.parse("2023-12-22T23:30:00-05:00"));
        try (var dir = new ByteBuffersDirectory();
                var writer = new IndexWriter(dir, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            ArticleEntities entities = new ArticleEntities(List.of(
                    new Entity(EntityType.PERSON, "Xi Jinping", List.of("Xi"), List.of()),
                    new Entity(EntityType.LOCATION, "United States", List.of("U.S.", "US"), List.of()),
                    new Entity(EntityType.LOCATION, "Taiwan", List.of("Taiwan"), List.of())));
            writer.addDocument(ArticleSchema.toDocument(original, entities));
            writer.commit();
            try (var reader = DirectoryReader.open(dir)) {
                Document doc = new IndexSearcher(reader).storedFields().document(0);
                StoredArticle stored = ArticleSchema.fromDocument(doc);
                assertEquals(new StoredArticle("0123456789abcdef", LocalDate.of(2023, 12, 22),
                        "2023-12-22T23:30:00-05:00", "Headline here", "First paragraph.\n\nSecond one.",
                        "/archive/0123456789abcdef.txt", 123, "ab".repeat(32), 6,
                        Map.of(EntityType.PERSON, List.of("Xi Jinping"), EntityType.ORGANIZATION, List.of(),
                                EntityType.LOCATION, List.of("United States", "Taiwan"), EntityType.MISC, List.of()),
                        null, null, List.of(), null),
                        stored);
                IndexSearcher searcher = new IndexSearcher(reader);
                assertEquals(1, searcher.count(ArticleFields.entity(EntityType.LOCATION).keyQuery("united states")));
                assertEquals(0, searcher.count(ArticleFields.entity(EntityType.PERSON).keyQuery("united states")));
                assertEquals(1, searcher.count(ArticleFields.entity(EntityType.PERSON).keyQuery(EntityKey.of("XI JINPING"))));
            }
        }
    }

    @Test
    void dateValueIsLocalTimeSoTheCalendarDayIsTheArchivesDay() {
        LocalDate day = LocalDate.of(2023, 12, 22);
        long late = DateFieldDef.valueOf(day, OffsetDateTime.parse("2023-12-22T23:30:00-05:00"), null);
        assertEquals(day, DateFieldDef.dateOf(late));
        assertEquals(day.toEpochDay() * 86_400, DateFieldDef.valueOf(day, null, null));
        assertEquals(day.toEpochDay() * 86_400 + 23 * 3600 + 30 * 60, late);
    }

    @Test
    void publishedKeepsTheSourceForm() {
        assertEquals("2023-12-22", ArticleSchema.published(LocalDate.of(2023, 12, 22), null, null));
        assertEquals("2023-12-22T08:30:00+01:00", ArticleSchema.published(LocalDate.of(2023, 12, 22),
                OffsetDateTime.parse("2023-12-22T08:30:00+01:00"), null));
    }

    @Test
    void commitDataNamesSchemaAndAnalyzer() {
        assertEquals(Integer.toString(ArticleSchema.VERSION),
                ArticleSchema.commitData().get(ArticleSchema.COMMIT_SCHEMA_VERSION));
        assertEquals(ArticleSchema.analyzerName(), ArticleSchema.commitData().get(ArticleSchema.COMMIT_ANALYZER));
    }

    @Test
    void publishedDateOfADocumentWithoutOneIsNull() {
        assertNull(ArticleSchema.publishedDate(new Document()));
    }
}
