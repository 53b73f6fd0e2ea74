package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.apache.lucene.search.IndexSearcher;
import org.newsarchive.schema.ArticleFields;

/** Near-duplicate copies at search time: a page with copies collapsed, and the copies of one article. */
final class CopiesSearch {

    /** The stored field a covered copy is read for. */
    private static final Set<String> ID_ONLY = Set.of(ArticleFields.ID.name());

    private final IndexSearcher searcher;
    private final ArticleSearch search;
    private final ArticleLookup lookup;
    private final NearDuplicates duplicates;

    CopiesSearch(IndexSearcher searcher, ArticleSearch search, ArticleLookup lookup) {
        this.searcher = searcher;
        this.search = search;
        this.lookup = lookup;
        this.duplicates = new NearDuplicates(searcher);
    }

    /**
     * The search's page with near-duplicates collapsed: each hit stands for its copies, which
     * are left out of the hits, and carries how many copies the index holds. Ranks more hits
     * than the page as needed to fill it with distinct articles; {@code total} stays the number
     * of matching articles, copies included.
     */
    SearchResult collapsed(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        int wanted = request.offset() + request.limit();
        List<SearchHit> kept = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        SearchResult ranked;
        int fetch = Math.max(3 * wanted, 30);
        int seen = 0;
        while (true) {
            ranked = search.search(request.withPage(fetch, 0));
            List<SearchHit> hits = ranked.hits();
            for (; seen < hits.size() && kept.size() < wanted; seen++) {
                SearchHit hit = hits.get(seen);
                if (!covered.add(hit.id())) {
                    continue; // a copy of an article already kept
                }
                List<NearDuplicates.Copy> copies = duplicates.copiesOf(lookup.docOf(hit.id()).getAsInt());
                var stored = searcher.storedFields();
                for (NearDuplicates.Copy copy : copies) {
                    covered.add(ArticleFields.ID.read(stored.document(copy.doc(), ID_ONLY)));
                }
                kept.add(hit.withCopies(copies.size()));
            }
            long matching = ranked.total() + ranked.partialTotal().orElse(0);
            if (kept.size() >= wanted || hits.size() >= matching || hits.size() < fetch) {
                break;
            }
            fetch *= 2;
        }
        List<SearchHit> page = kept.subList(Math.min(request.offset(), kept.size()), kept.size());
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult(request.query(), ranked.total(), ranked.partialTotal(), tookMs, page,
                ranked.suggestions(), ranked.didYouMean());
    }

    /**
     * The near-duplicate copies of the article with {@code id} (see {@link NearDuplicates}), most
     * similar first, their {@code score} the estimated share of word pairs in common; empty when
     * the index has no such article.
     */
    Optional<List<SimilarArticle>> copies(String id) throws IOException {
        OptionalInt own = lookup.docOf(id);
        if (own.isEmpty()) {
            return Optional.empty();
        }
        var stored = searcher.storedFields();
        List<SimilarArticle> copies = new ArrayList<>();
        for (NearDuplicates.Copy copy : duplicates.copiesOf(own.getAsInt())) {
            copies.add(SimilarArticle.of(stored.document(copy.doc(), ArticleFields.HIT_FIELDS), (float) copy.similarity()));
        }
        copies.sort(Comparator.comparing(SimilarArticle::score).reversed().thenComparing(SimilarArticle::id));
        return Optional.of(copies);
    }
}
