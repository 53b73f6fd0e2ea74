package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.StoredArticle;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ArchiveSearcherTest {

    @TempDir
    static Path dir;

    private ArchiveSearcher searcher;

    private static Article article(String id, String date, String headline, String body) {
        LocalDate day;
        OffsetDateTime time = null;
        if (date.contains("T")) {
            time = OffsetDateTime.parse(date);
            day = time.toLocalDate();
        } else {
            day = LocalDate.parse(date);
        }
        return new Article(id, day, time, headline, body, Path.of("/archive/" + id + ".txt"),
                body.length(), id.repeat(32).substring(0, 64), body.split(" ").length);
    }

    @BeforeAll
    void buildIndex() throws IOException {
        List<Article> articles = List.of(
                article("a1", "2023-01-01", "Cocoa harvest begins", "Farmers in Bahia started the cocoa harvest early this year."),
                article("a2", "2023-01-31", "Central bank raises rates", "The central bank raised interest rates to fight inflation."),
                article("a3", "2023-02-28", "Storm hits coast", "A storm damaged cocoa warehouses along the coast."),
                article("a4", "2023-03-01", "Trade talks resume", "Trade talks between the two countries resumed in Geneva."),
                article("a5", "2024-02-29", "Leap day markets", "Markets were quiet on leap day as traders waited for rates news."),
                article("a6", "2022-12-31", "Year end review", "The year ended with cocoa prices at record highs."),
                article("a7", "2023-01-31T23:30:00-05:00", "Late bulletin", "Central bank officials spoke late in the evening about interest rates."),
                article("a8", "2023-05-05", "Copper note", "Copper output rose."),
                article("a9", "2023-05-06", "Copper note", "Copper output rose."));
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            for (Article a : articles) {
                writer.addDocument(ArticleSchema.toDocument(a));
                if (a.id().equals("a4")) {
                    writer.commit(); // two segments, as real indexes have
                }
            }
            writer.setLiveCommitData(ArticleSchema.commitData().entrySet());
            writer.commit();
        }
        searcher = ArchiveSearcher.open(dir);
    }

    @AfterAll
    void close() throws IOException {
        searcher.close();
    }

    private List<String> ids(SearchRequest request) throws IOException {
        return searcher.search(request).hits().stream().map(SearchHit::id).toList();
    }

    private List<String> ids(String query) throws IOException {
        return ids(SearchRequest.of(query).withSort(SortOrder.NEWEST).withPage(100, 0));
    }

    @Test
    void headlineMatchesRankAboveBodyMatches() throws IOException {
        assertEquals("a1", ids(SearchRequest.of("cocoa")).get(0));
        assertEquals(3, searcher.search(SearchRequest.of("cocoa")).total());
    }

    @Test
    void equalScoresAreBrokenByNewerDate() throws IOException {
        assertEquals(List.of("a9", "a8"), ids(SearchRequest.of("copper")));
    }

    @Test
    void phraseBooleanAndWildcardQueries() throws IOException {
        assertEquals(List.of("a7", "a2"), ids("\"central bank\""));
        assertEquals(List.of(), ids("\"bank central\""));
        assertEquals(List.of("a5"), ids("rates AND NOT central"));
        assertEquals(List.of("a5"), ids("rates -central"));
        assertEquals(List.of("a3", "a1", "a6"), ids("cocoa OR storm"));
        assertEquals(List.of("a4"), ids("+trade talks"));
        assertEquals(List.of("a3"), ids("ware*"));
        assertEquals(List.of("a3", "a1", "a6"), ids("co?oa"));
        assertEquals(List.of("a3", "a1", "a6"), ids("cocao~1"));
        assertEquals(List.of("a4"), ids("\"talks countries\"~3"));
        assertEquals(List.of("a1"), ids("headline:cocoa"));
        assertEquals(List.of("a2"), ids("headline:raises"));
    }

    @Test
    void thePlainTextHoldsTheHeadlineButNoPhraseRunsFromBodyIntoHeadline() throws IOException {
        // a4: body ends "resumed in Geneva.", headline "Trade talks resume"
        assertEquals(List.of("a4"), ids("\"trade talks resume\""));
        assertEquals(List.of("a4"), ids("body:\"trade talks resume\""));
        assertEquals(List.of(), ids("\"geneva trade\""));
        assertEquals(List.of(), ids("\"geneva trade\"~3")); // without the gap, one position apart
        // a word of the headline alone is found without naming the field
        assertEquals(List.of("a3"), ids("hits AND warehouses"));
    }

    @Test
    void wordsNoArticleHasGetTheClosestWordAsArticlesSpellIt() throws IOException {
        SearchResult result = searcher.search(SearchRequest.of("cocao harvst"));
        assertEquals(0, result.total());
        // "harvst" -> the stem "harvest", shown as a1 spells it; "warehouses" stems to "warehous"
        assertEquals(List.of(new Suggestion("cocao", "cocoa", "text", 3), new Suggestion("harvst", "harvest", "text", 1)),
                result.suggestions());
        assertEquals("cocoa harvest", result.didYouMean());
        assertEquals("warehouses", searcher.search(SearchRequest.of("warehousse")).didYouMean());
        // words the index has, stop words, fields and operators are left alone
        SearchResult fine = searcher.search(SearchRequest.of("the cocoa AND headline:cocao"));
        assertEquals(List.of(), fine.suggestions());
        assertEquals(null, fine.didYouMean());
        // enough matches: nothing is looked for
        assertEquals(List.of(), searcher.search(SearchRequest.of("*:*")).suggestions());
    }

    @Test
    void similarArticlesShareTellingWordsAndLeaveTheArticleOut() throws IOException {
        // a1 (cocoa harvest): the other cocoa articles, a3 (warehouses) and a6 (prices)
        List<String> like = searcher.similar("a1", 10, DateRange.ALL).orElseThrow().stream()
                .map(SimilarArticle::id).sorted().toList();
        assertEquals(List.of("a3", "a6"), like);
        assertEquals(List.of("a3"), searcher.similar("a1", 10, DateRange.of("2023", null)).orElseThrow().stream()
                .map(SimilarArticle::id).toList());
        assertEquals(1, searcher.similar("a1", 1, DateRange.ALL).orElseThrow().size());
        assertTrue(searcher.similar("nope", 10, DateRange.ALL).isEmpty());
    }

    @Test
    void stemmingFindsOtherFormsOfAWord() throws IOException {
        assertEquals(List.of("a2"), ids("raise"));
        assertEquals(List.of("a4"), ids("resuming"));
    }

    @Test
    void dateFiltersIncludeBothEndsAndTheirWholePeriods() throws IOException {
        SearchRequest all = SearchRequest.of("*:*").withSort(SortOrder.NEWEST).withPage(100, 0);
        assertEquals(List.of("a7", "a2", "a1"), ids(all.withDates(DateRange.of("2023-01-01", "2023-01-31"))));
        assertEquals(List.of("a7", "a2", "a1"), ids(all.withDates(DateRange.of("2023-01", "2023-01"))));
        assertEquals(List.of("a3"), ids(all.withDates(DateRange.of("2023-02", "2023-02"))));
        assertEquals(List.of("a5"), ids(all.withDates(DateRange.of("2024-02-29", "2024-02-29"))));
        assertEquals(List.of("a5", "a9", "a8", "a4"), ids(all.withDates(DateRange.of("2023-03-01", null))));
        assertEquals(List.of("a6"), ids(all.withDates(DateRange.of(null, "2022"))));
        assertEquals(List.of("a7", "a2", "a1"), ids("date:[2023-01-01 TO 2023-01-31]"));
        assertEquals(List.of("a3", "a1"), ids("cocoa AND date:2023"));
        assertEquals(List.of("a6"), ids("cocoa AND date:2022-12-31"));
    }

    @Test
    void sortsNewestOldestAndTimeWithinADay() throws IOException {
        List<String> newest = List.of("a5", "a9", "a8", "a4", "a3", "a7", "a2", "a1", "a6");
        assertEquals(newest, ids("*:*"));
        SearchRequest oldest = SearchRequest.of("*:*").withSort(SortOrder.OLDEST).withPage(100, 0);
        assertEquals(List.of("a6", "a1", "a2", "a7", "a3", "a4", "a8", "a9", "a5"), ids(oldest));
    }

    @Test
    void pagingAndTotals() throws IOException {
        SearchRequest page = SearchRequest.of("*:*").withSort(SortOrder.NEWEST).withPage(3, 3);
        SearchResult result = searcher.search(page);
        assertEquals(9, result.total());
        assertEquals(List.of("a4", "a3", "a7"), result.hits().stream().map(SearchHit::id).toList());
        assertEquals(List.of(), ids(page.withPage(3, 9)));
        SearchResult countOnly = searcher.search(page.withPage(0, 0));
        assertEquals(9, countOnly.total());
        assertTrue(countOnly.hits().isEmpty());
    }

    @Test
    void hitsCarryDatesPathsScoresAndHighlightedSnippets() throws IOException {
        SearchHit hit = searcher.search(SearchRequest.of("warehouses")).hits().get(0);
        assertEquals("a3", hit.id());
        assertEquals(LocalDate.of(2023, 2, 28), hit.date());
        assertEquals("/archive/a3.txt", hit.path());
        assertTrue(hit.score() > 0);
        assertEquals("A storm damaged cocoa <em>warehouses</em> along the coast.", hit.snippet().toHtmlEm());
        assertEquals("Storm hits coast", hit.headline().toHtmlEm());

        SearchHit late = searcher.search(SearchRequest.of("bulletin")).hits().get(0);
        assertEquals("2023-01-31T23:30:00-05:00", late.published());
        assertEquals("Late <em>bulletin</em>", late.headline().toHtmlEm());
    }

    @Test
    void scoresAreReportedWhateverTheSort() throws IOException {
        for (SortOrder order : SortOrder.values()) {
            for (SearchHit hit : searcher.search(SearchRequest.of("cocoa").withSort(order)).hits()) {
                assertFalse(Float.isNaN(hit.score()), order + " " + hit.id());
            }
        }
    }

    @Test
    void invalidQueriesThrowWithAMessage() {
        assertThrows(InvalidQueryException.class, () -> searcher.search(SearchRequest.of("foo AND")));
    }

    @Test
    void findsArticlesById() throws IOException {
        StoredArticle a5 = searcher.find("a5").orElseThrow();
        assertEquals("Leap day markets", a5.headline());
        assertEquals(LocalDate.of(2024, 2, 29), a5.date());
        assertTrue(searcher.find("nope").isEmpty());
    }

    @Test
    void statsCountDatesAndSizes() throws IOException {
        ArchiveStats stats = searcher.stats();
        assertEquals(9, stats.articles());
        assertEquals(LocalDate.of(2022, 12, 31), stats.firstDate());
        assertEquals(LocalDate.of(2024, 2, 29), stats.lastDate());
        assertTrue(stats.sizeBytes() > 0);
        long source = List.of(
                "Farmers in Bahia started the cocoa harvest early this year.",
                "The central bank raised interest rates to fight inflation.",
                "A storm damaged cocoa warehouses along the coast.",
                "Trade talks between the two countries resumed in Geneva.",
                "Markets were quiet on leap day as traders waited for rates news.",
                "The year ended with cocoa prices at record highs.",
                "Central bank officials spoke late in the evening about interest rates.",
                "Copper output rose.", "Copper output rose.").stream().mapToLong(String::length).sum();
        assertEquals(source, stats.sourceBytes());
        assertEquals(String.valueOf(ArticleSchema.VERSION), stats.commitData().get(ArticleSchema.COMMIT_SCHEMA_VERSION));
    }

    @Test
    void missingIndexIsUnavailable(@TempDir Path empty) {
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
                () -> ArchiveSearcher.open(empty.resolve("none")));
        assertTrue(e.getMessage().startsWith("no index at "), e.getMessage());
        assertThrows(IndexUnavailableException.class, () -> ArchiveSearcher.open(empty));
    }

    @Test
    void corruptIndexIsUnavailableNotACrash(@TempDir Path broken) throws IOException {
        Files.writeString(broken.resolve("segments_1"), "not an index");
        IndexUnavailableException e = assertThrows(IndexUnavailableException.class,
                () -> ArchiveSearcher.open(broken));
        assertTrue(e.getMessage().contains("rebuild it"), e.getMessage());
    }
}
