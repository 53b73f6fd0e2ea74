package org.newsarchive.query;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Near-duplicate copies at search time: a page with copies collapsed, and the copies of one
 * article; the same on every back-end, which supplies its searches and its {@link CopyFinder}.
 */
public final class CopiesSearch {

    /** Runs a search (the back-end's own). */
    @FunctionalInterface
    public interface Searches {
        SearchResult search(SearchRequest request) throws IOException;
    }

    private final Searches search;
    private final CopyFinder finder;

    public CopiesSearch(Searches search, CopyFinder finder) {
        this.search = search;
        this.finder = finder;
    }

    /**
     * The search's page with near-duplicates collapsed: each hit stands for its copies, which
     * are left out of the hits, and carries how many copies the index holds. Ranks more hits
     * than the page as needed to fill it with distinct articles; {@code total} stays the number
     * of matching articles, copies included.
     */
    public SearchResult collapsed(SearchRequest request) throws IOException {
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
                List<CopyFinder.Copy> copies = finder.copiesOf(hit.id()).orElse(List.of());
                for (CopyFinder.Copy copy : copies) {
                    covered.add(copy.id());
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
     * the archive has no such article.
     */
    public Optional<List<SimilarArticle>> copies(String id) throws IOException {
        Optional<List<CopyFinder.Copy>> found = finder.copiesOf(id);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<SimilarArticle> copies = new ArrayList<>(finder.describe(found.get()));
        copies.sort(Comparator.comparing(SimilarArticle::score).reversed().thenComparing(SimilarArticle::id));
        return Optional.of(copies);
    }
}
