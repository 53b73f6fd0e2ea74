package org.newsarchive.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class RelevanceFeedbackTest {

    @TempDir
    static Path dir;

    private ArchiveSearcher searcher;

    @BeforeAll
    void buildIndex() throws IOException {
        List<Article> articles = List.of(
                SmallIndex.article("v1", "2023-01-01", "Volcano erupts", "The volcano erupted, sending lava and ash over the island. Lava flows reached the coast."),
                SmallIndex.article("v2", "2023-01-02", "Lava reaches villages", "Lava from the volcano reached three villages; ash closed the airport."),
                SmallIndex.article("v3", "2023-01-03", "Ash cloud", "An ash cloud from the volcano grounded flights as lava kept flowing."),
                SmallIndex.article("v4", "2023-01-04", "Insurers count costs", "Insurers said the volcano cost them little; shares rose."),
                SmallIndex.article("v5", "2023-01-05", "Island tourism", "Tourism on the island recovered once the lava and the ash of the eruption near the volcano had cleared away."),
                SmallIndex.article("c1", "2023-01-06", "Copper note", "Copper output rose in the island mines."),
                SmallIndex.article("c2", "2023-01-07", "Shares rise", "Shares rose as insurers reported."));
        searcher = SmallIndex.of(dir, articles);
    }

    @AfterAll
    void close() throws IOException {
        searcher.close();
    }

    private List<String> ids(SearchResult result) {
        return result.hits().stream().map(SearchHit::id).toList();
    }

    @Test
    void feedbackRaisesTheMatchesThatShareTheBestMatchesWords() throws IOException {
        SearchResult plain = searcher.search(SearchRequest.of("volcano"));
        SearchResult expanded = searcher.search(SearchRequest.of("volcano").withExpand(true));
        // the short story that names the volcano once, about shares, ranks second on its own;
        // the words of the best matches (lava, ash) put it last
        assertEquals(List.of("v1", "v4", "v3", "v2", "v5"), ids(plain));
        assertEquals(List.of("v1", "v3", "v2", "v5", "v4"), ids(expanded));
    }

    @Test
    void feedbackNeverChangesWhatMatchesOrTheCounts() throws IOException {
        for (String query : List.of("volcano", "volcano shares", "island lava", "copper")) {
            SearchResult plain = searcher.search(SearchRequest.of(query));
            SearchResult expanded = searcher.search(SearchRequest.of(query).withExpand(true));
            assertEquals(plain.total(), expanded.total(), query);
            assertEquals(plain.partialTotal(), expanded.partialTotal(), query);
            assertEquals(ids(plain).stream().sorted().toList(), ids(expanded).stream().sorted().toList(), query);
            // complete matches stay before partial ones
            assertEquals(plain.hits().stream().map(SearchHit::partial).toList(),
                    expanded.hits().stream().map(SearchHit::partial).toList(), query);
        }
    }

    @Test
    void snippetsHighlightOnlyTheWordsTyped() throws IOException {
        SearchHit hit = searcher.search(SearchRequest.of("volcano").withExpand(true)).hits().get(0);
        String snippet = hit.snippet().toHtmlEm();
        assertTrue(snippet.contains("<em>volcano</em>"), snippet);
        assertFalse(snippet.contains("<em>lava</em>") || snippet.contains("<em>Lava</em>"), snippet);
    }

    @Test
    void otherOrdersAreUntouched() throws IOException {
        SearchRequest newest = SearchRequest.of("volcano").withSort(SortOrder.NEWEST);
        assertEquals(ids(searcher.search(newest)), ids(searcher.search(newest.withExpand(true))));
        assertEquals(List.of("v5", "v4", "v3", "v2", "v1"), ids(searcher.search(newest.withExpand(true))));
    }
}
