package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.ingest.Article;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RescorerTest {

    @TempDir
    static Path dir;

    private ArchiveSearcher searcher;

    @BeforeAll
    void buildIndex() throws IOException {
        List<Article> articles = List.of(
                SmallIndex.article("apart", "2023-01-02", "Savers", "Interest in rates fell after bank met."),
                SmallIndex.article("together", "2023-01-01", "Markets", "Interest rates rose after the bank met."),
                SmallIndex.article("other", "2023-01-03", "Weather", "Rain fell on the capital."));
        searcher = SmallIndex.of(dir, articles);
    }

    @AfterAll
    void close() throws IOException {
        searcher.close();
    }

    private List<String> ids(String query) throws IOException {
        return searcher.search(SearchRequest.of(query)).hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void wordsTypedSideBySideRankArticlesWithThemSideBySideFirst() throws IOException {
        // the same words, as long: with an operator there is no pair, and the tie goes to the newest
        assertEquals(List.of("apart", "together"), ids("interest AND rates"));
        assertEquals(List.of("together", "apart"), ids("interest rates"));
        // the pair only scores: the same articles, the same count
        assertEquals(2, searcher.search(SearchRequest.of("interest rates")).total());
    }

    @Test
    void scoresOfRescoredHitsIncludeThePairs() throws IOException {
        List<SearchHit> hits = searcher.search(SearchRequest.of("interest rates")).hits();
        List<SearchHit> plain = searcher.search(SearchRequest.of("interest AND rates")).hits();
        float together = hits.get(0).score();
        float togetherPlain = plain.get(1).score();
        assertTrue(together > togetherPlain, together + " > " + togetherPlain);
        assertEquals(plain.get(0).score(), hits.get(1).score(), "no pair, no change");
    }

    @Test
    void otherOrdersIgnoreThePairs() throws IOException {
        assertEquals(List.of("apart", "together"),
                searcher.search(SearchRequest.of("interest rates").withSort(SortOrder.NEWEST)).hits().stream()
                        .map(SearchHit::id).toList());
    }
}
