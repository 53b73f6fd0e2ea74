package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleSchema;

/** Exact period counts on fixtures dated around a year's end, a leap day and a gap. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TimelineTest {

    @TempDir
    static Path dir;

    private ArchiveSearcher searcher;

    private static Article article(String id, String date, String body) {
        return new Article(id, LocalDate.parse(date), null, "Headline " + id, body, Path.of("/t/" + id + ".txt"),
                body.length(), "0".repeat(64), 3);
    }

    @BeforeAll
    void buildIndex() throws IOException {
        List<Article> articles = List.of(
                article("a", "2023-12-30", "storm over the harbour"),   // Saturday: ISO week of 2023-12-25
                article("b", "2023-12-31", "storm and rain"),           // Sunday: same week
                article("c", "2024-01-01", "calm day"),                  // Monday: week of 2024-01-01
                article("d", "2024-02-29", "storm on the leap day"),
                article("e", "2024-03-01", "storm again"),
                article("f", "2024-05-20", "storm in May"));             // April is empty
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            for (Article a : articles) {
                writer.addDocument(ArticleSchema.toDocument(a, EntityExtractor.NONE.extract(a.headline(), a.body())));
                if (a.id().equals("c")) {
                    writer.commit(); // two segments
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

    private List<String> periods(String query, DateRange dates, TimeBucket by) throws IOException {
        return searcher.timeline(new TimelineRequest(query, dates, by)).periods().stream()
                .map(p -> p.first() + ".." + p.last() + "=" + p.articles()).toList();
    }

    @Test
    void monthsFromTheFirstToTheLastMatchWithEmptyMonthsAsZero() throws IOException {
        assertEquals(List.of("2023-12-01..2023-12-31=2", "2024-01-01..2024-01-31=0", "2024-02-01..2024-02-29=1",
                "2024-03-01..2024-03-31=1", "2024-04-01..2024-04-30=0", "2024-05-01..2024-05-31=1"),
                periods("storm", DateRange.ALL, TimeBucket.MONTH));
        assertEquals(5, searcher.timeline(new TimelineRequest("storm", DateRange.ALL, TimeBucket.MONTH)).total());
    }

    @Test
    void isoWeeksCrossTheYearEnd() throws IOException {
        assertEquals(List.of("2023-12-25..2023-12-31=2", "2024-01-01..2024-01-07=1"),
                periods("*:*", DateRange.of("2023-12-30", "2024-01-07"), TimeBucket.WEEK));
    }

    @Test
    void daysIncludeTheLeapDayAndTheGivenRange() throws IOException {
        assertEquals(List.of("2024-02-28..2024-02-28=0", "2024-02-29..2024-02-29=1", "2024-03-01..2024-03-01=1",
                "2024-03-02..2024-03-02=0"), periods("storm", DateRange.of("2024-02-28", "2024-03-02"), TimeBucket.DAY));
    }

    @Test
    void yearsAndAQueryWithNoMatch() throws IOException {
        assertEquals(List.of("2023-01-01..2023-12-31=2", "2024-01-01..2024-12-31=4"),
                periods("*:*", DateRange.ALL, TimeBucket.YEAR));
        assertEquals(List.of(), periods("volcano", DateRange.ALL, TimeBucket.YEAR));
        assertEquals(List.of("2020-01-01..2020-12-31=0"), periods("volcano", DateRange.of("2020", "2020"), TimeBucket.YEAR));
    }

    @Test
    void tooManyPeriodsIsAnError() {
        assertThrows(InvalidQueryException.class,
                () -> searcher.timeline(new TimelineRequest("*:*", DateRange.of("1000", "2900"), TimeBucket.DAY)));
    }

    private static List<String> periods(Timeline timeline) {
        return timeline.periods().stream().map(p -> timeline.by().label(p.first()) + "=" + p.articles()).toList();
    }

    @Test
    void severalQueriesShareTheirPeriodsFromTheEarliestToTheLatestMatch() throws IOException {
        // "calm" only on 2024-01-01, "leap" only on 2024-02-29: both over January and February
        List<Timeline> both = searcher.timelines(List.of("calm", "leap"), DateRange.ALL, TimeBucket.MONTH);
        assertEquals(List.of("2024-01=1", "2024-02=0"), periods(both.get(0)));
        assertEquals(List.of("2024-01=0", "2024-02=1"), periods(both.get(1)));
        assertEquals(List.of(1L, 1L), both.stream().map(Timeline::total).toList());
    }

    @Test
    void autoPicksTheShortestPeriodThatGivesAtMostSixtyOfThem() throws IOException {
        // 2023-12-30 to 2024-05-20: 143 days, 22 weeks
        assertEquals(TimeBucket.WEEK, searcher.timelines(List.of("*:*"), DateRange.ALL, null).get(0).by());
        assertEquals(TimeBucket.DAY, searcher.timelines(List.of("storm"), DateRange.of("2024-02", "2024-03"), null)
                .get(0).by());
        assertEquals(TimeBucket.DAY, TimeBucket.forSpan(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 2, 29)));
        assertEquals(TimeBucket.WEEK, TimeBucket.forSpan(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1)));
        assertEquals(TimeBucket.MONTH, TimeBucket.forSpan(LocalDate.of(2020, 1, 1), LocalDate.of(2024, 12, 31)));
        assertEquals(TimeBucket.YEAR, TimeBucket.forSpan(LocalDate.of(1980, 1, 1), LocalDate.of(2026, 1, 1)));
    }

    @Test
    void periodLabelsUseTheIsoWeekBasedYear() {
        assertEquals("2025-W01", TimeBucket.WEEK.label(LocalDate.of(2024, 12, 30)));
        assertEquals("2020-W53", TimeBucket.WEEK.label(LocalDate.of(2020, 12, 28)));
        assertEquals("2024-02-29", TimeBucket.DAY.label(LocalDate.of(2024, 2, 29)));
        assertEquals("2024-03", TimeBucket.MONTH.label(LocalDate.of(2024, 3, 1)));
        assertEquals("1987", TimeBucket.YEAR.label(LocalDate.of(1987, 1, 1)));
    }
}
