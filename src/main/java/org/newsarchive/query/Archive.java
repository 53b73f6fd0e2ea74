package org.newsarchive.query;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.newsarchive.schema.StoredArticle;

/**
 * What can be asked of an archive, wherever it is kept: the local index
 * ({@link ArchiveSearcher}) or a SolrCloud collection. The commands and the HTTP API hold one of
 * these, so that a request means the same thing, and its answer has the same shape, on either;
 * where a back-end cannot answer as the local index does, it refuses in one line rather than
 * answering differently. Implementations are thread-safe for concurrent requests.
 */
public interface Archive extends Closeable {

    /**
     * Runs a search: the complete matches, then, when they do not fill the page, the partial ones
     * (see {@link ArticleQueryParser.TieredQuery}).
     *
     * @throws InvalidQueryException when the query cannot be parsed or run
     */
    SearchResult search(SearchRequest request) throws IOException;

    /**
     * Hands every complete match of the request's query, in the request's order, to {@code sink},
     * whatever the request's page.
     *
     * @return how many articles were exported
     */
    long export(SearchRequest request, ArticleSink sink) throws IOException;

    /** The search's page with near-duplicates collapsed into the hit that stands for them. */
    SearchResult searchCollapsed(SearchRequest request) throws IOException;

    /** The near-duplicate copies of an article, most similar first; empty when there is no such article. */
    Optional<List<SimilarArticle>> copies(String id) throws IOException;

    /** The most frequent entities among the articles matching a query. */
    EntityCounts entities(EntityCountRequest request) throws IOException;

    /** The most frequent values of each field among the complete matches, each counted under every other filter. */
    Facets facets(SearchRequest request, Set<CountedField> fields, int limit) throws IOException;

    /** How many articles match a query in each period, empty periods included. */
    Timeline timeline(TimelineRequest request) throws IOException;

    /** Timelines of several queries over the same periods. */
    List<Timeline> timelines(List<String> queries, DateRange dates, TimeBucket by) throws IOException;

    /** Timelines of the request's queries, filtered alike, with each period's share when asked. */
    TimelineSeries timelines(TimelinesRequest request) throws IOException;

    /** The articles most like the one with {@code id}, best first; empty when there is no such article. */
    Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException;

    /** The answer of {@code similar}, or, with {@code thread}, the article and its similar ones by date. */
    Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException;

    /** The article with this id, if the archive has it. */
    Optional<StoredArticle> find(String id) throws IOException;

    /** Counts and extent of the archive. */
    ArchiveStats stats() throws IOException;

    /** What the archive recorded about how its documents were built (schema version, analyzer, entity model, paths). */
    Map<String, String> commitData() throws IOException;

    /** A number that grows whenever the archive's visible content changes. */
    long generation();

    /** How many articles the archive holds. */
    int articles();
}
