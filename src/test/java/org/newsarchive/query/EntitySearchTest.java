package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.DictionaryRecognizer;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.EntityType;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleSchema;

/** Entity filters, entity counts and co-occurrence on fixtures with known entities. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EntitySearchTest {

    static final Map<String, EntityType> NAMES = Map.ofEntries(
            Map.entry("Xi Jinping", EntityType.PERSON), Map.entry("Xi", EntityType.PERSON),
            Map.entry("Joe Biden", EntityType.PERSON), Map.entry("Biden", EntityType.PERSON),
            Map.entry("Nancy Pelosi", EntityType.PERSON), Map.entry("Pelosi", EntityType.PERSON),
            Map.entry("San Francisco", EntityType.LOCATION), Map.entry("Taiwan", EntityType.LOCATION),
            Map.entry("China", EntityType.LOCATION), Map.entry("U.S.", EntityType.LOCATION),
            Map.entry("US", EntityType.LOCATION), Map.entry("United States", EntityType.LOCATION),
            Map.entry("Washington", EntityType.LOCATION), Map.entry("Chinese", EntityType.MISC),
            Map.entry("APEC", EntityType.ORGANIZATION), Map.entry("IMF", EntityType.ORGANIZATION),
            Map.entry("Asia-Pacific Economic Cooperation", EntityType.ORGANIZATION));

    @TempDir
    static Path dir;

    private ArchiveSearcher searcher;

    private static Article article(String id, String date, String headline, String body) {
        return new Article(id, LocalDate.parse(date), null, headline, body, Path.of("/a/" + id + ".txt"),
                body.length(), "0".repeat(64), 10);
    }

    @BeforeAll
    void buildIndex() throws IOException {
        EntityExtractor extractor = new RecognizingEntityExtractor(new DictionaryRecognizer(NAMES), AliasTable.defaults());
        List<Article> articles = List.of(
                article("e1", "2023-03-01", "Xi meets Biden",
                        "Xi Jinping met Joe Biden in San Francisco at the APEC summit. Xi said Taiwan was China's affair."),
                article("e2", "2023-05-10", "Taiwan drills", "China held drills near Taiwan. The U.S. criticised them."),
                article("e3", "2023-07-04", "Biden speech", "Joe Biden spoke in Washington about the United States economy."),
                article("e4", "2024-01-02", "Pelosi recalls",
                        "Nancy Pelosi recalled her trip to Taiwan and meeting Chinese officials."),
                article("e5", "2024-02-01", "Trade",
                        "The IMF said the US economy grew. Asia-Pacific Economic Cooperation (APEC) members agreed."));
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            for (Article a : articles) {
                writer.addDocument(ArticleSchema.toDocument(a, extractor.extract(a.headline(), a.body())));
                if (a.id().equals("e2")) {
                    writer.commit();
                }
            }
            writer.commit();
        }
        searcher = ArchiveSearcher.open(dir);
    }

    @AfterAll
    void close() throws IOException {
        searcher.close();
    }

    private List<String> ids(String query, EntityFilter... filters) throws IOException {
        return searcher.search(SearchRequest.of(query).withSort(SortOrder.OLDEST).withPage(100, 0)
                .withEntities(List.of(filters))).hits().stream().map(SearchHit::id).toList();
    }

    private List<String> counts(EntityCountRequest request) throws IOException {
        return searcher.entities(request).entities().stream()
                .map(c -> c.type().queryName() + ":" + c.name() + "=" + c.articles()).toList();
    }

    @Test
    void hitsCarryTheirEntities() throws IOException {
        SearchHit e1 = searcher.search(SearchRequest.of("summit")).hits().get(0);
        assertEquals(Map.of(EntityType.PERSON, List.of("Xi Jinping", "Joe Biden"),
                EntityType.ORGANIZATION, List.of("Asia-Pacific Economic Cooperation"),
                EntityType.LOCATION, List.of("San Francisco", "Taiwan", "China"),
                EntityType.MISC, List.of()), e1.entities());
    }

    @Test
    void entityFieldsInQueries() throws IOException {
        assertEquals(List.of("e1", "e3"), ids("person:\"joe biden\""));
        assertEquals(List.of("e1", "e3"), ids("person:\"JOE BIDEN\""));
        assertEquals(List.of("e2", "e3", "e5"), ids("place:\"U.S.\""));
        assertEquals(List.of("e2", "e3", "e5"), ids("place:america"));
        assertEquals(List.of("e1", "e5"), ids("org:apec"));
        assertEquals(List.of("e1"), ids("person:\"xi jinping\" AND place:taiwan"));
        assertEquals(List.of("e2", "e4"), ids("place:taiwan -person:\"xi jinping\""));
        assertEquals(List.of("e1", "e2", "e4"), ids("place:chinese"));
        assertEquals(List.of("e4"), ids("person:nancy*"));
        assertEquals(List.of("e4"), ids("trip AND place:taiwan"));
        assertEquals(List.of(), ids("person:biden"));
    }

    @Test
    void entityFiltersAllMustMatch() throws IOException {
        assertEquals(List.of("e1", "e3"), ids("*:*", new EntityFilter(EntityType.PERSON, "Joe Biden")));
        assertEquals(List.of("e1", "e2", "e4"), ids("*:*", new EntityFilter(EntityType.LOCATION, "Taiwan"),
                new EntityFilter(EntityType.LOCATION, "China")));
        assertEquals(List.of("e1"), ids("*:*", new EntityFilter(EntityType.LOCATION, "Taiwan"),
                new EntityFilter(EntityType.ORGANIZATION, "APEC")));
        assertEquals(List.of("e2"), ids("drills", new EntityFilter(EntityType.LOCATION, "US")));
    }

    @Test
    void countsOverTheWholeArchive() throws IOException {
        EntityCountRequest all = new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, null);
        assertEquals(List.of(
                "place:China=3", "place:Taiwan=3", "place:United States=3",
                "person:Joe Biden=2", "org:Asia-Pacific Economic Cooperation=2",
                "person:Nancy Pelosi=1", "person:Xi Jinping=1", "org:International Monetary Fund=1",
                "place:San Francisco=1", "place:Washington=1"), counts(all));
        assertEquals(5, searcher.entities(all).articles());
    }

    @Test
    void wholeArchiveCountsAreTheSameThroughPostingsAndThroughDocuments() throws IOException {
        // *:* counts unchanged segments from the keys' document frequencies; any other query
        // visits the matching documents: both must agree
        EntityCountRequest all = new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, null);
        EntityCountRequest everyDate = new EntityCountRequest("date:[1900 TO 2100]", DateRange.ALL, Set.of(), 20, null);
        assertEquals(counts(all), counts(everyDate));
    }

    @Test
    void deletedArticlesAreNotCounted(@TempDir Path other) throws IOException {
        EntityExtractor extractor = new RecognizingEntityExtractor(new DictionaryRecognizer(NAMES), AliasTable.defaults());
        Article first = article("d1", "2023-03-01", "Biden", "Joe Biden went to Taiwan.");
        Article second = article("d2", "2023-03-02", "Xi", "Xi Jinping spoke of Taiwan.");
        try (var directory = FSDirectory.open(other);
                var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            writer.addDocument(ArticleSchema.toDocument(first, extractor.extract(first.headline(), first.body())));
            writer.addDocument(ArticleSchema.toDocument(second, extractor.extract(second.headline(), second.body())));
            writer.commit();
            // d2 rewritten without Taiwan: its old version stays in the first segment, deleted
            Article edited = article("d2", "2023-03-02", "Xi", "Xi Jinping spoke.");
            writer.updateDocument(ArticleSchema.idTerm("d2"),
                    ArticleSchema.toDocument(edited, extractor.extract(edited.headline(), edited.body())));
            writer.commit();
        }
        try (ArchiveSearcher s = ArchiveSearcher.open(other)) {
            EntityCounts counts = s.entities(new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, null));
            assertEquals(2, counts.articles());
            assertEquals(List.of("person:Joe Biden=1", "person:Xi Jinping=1", "place:Taiwan=1"),
                    counts.entities().stream().map(c -> c.type().queryName() + ":" + c.name() + "=" + c.articles()).toList());
        }
    }

    @Test
    void countsOfAQueryTypeAndDates() throws IOException {
        assertEquals(List.of("place:China=1", "place:Taiwan=1", "place:United States=1"),
                counts(new EntityCountRequest("drills", DateRange.ALL, Set.of(), 20, null)));
        assertEquals(List.of("person:Nancy Pelosi=1"),
                counts(new EntityCountRequest("*:*", DateRange.of("2024", null), Set.of(CountedField.PERSON), 20, null)));
        assertEquals(List.of("place:China=3", "place:Taiwan=3"),
                counts(new EntityCountRequest("*:*", DateRange.ALL, Set.of(CountedField.LOCATION), 2, null)));
    }

    @Test
    void coOccurrenceLeavesTheEntityItselfOut() throws IOException {
        assertEquals(List.of("place:China=3", "person:Joe Biden=1", "person:Nancy Pelosi=1", "person:Xi Jinping=1",
                        "org:Asia-Pacific Economic Cooperation=1", "place:San Francisco=1", "place:United States=1"),
                counts(new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, "Taiwan")));
        assertEquals(List.of("place:China=1", "place:San Francisco=1", "place:Taiwan=1"),
                counts(new EntityCountRequest("*:*", DateRange.ALL, Set.of(CountedField.LOCATION), 20, "xi jinping")));
        assertEquals(3, searcher.entities(new EntityCountRequest("*:*", DateRange.ALL, Set.of(), 20, "U.S.")).articles());
    }
}
