package org.newsarchive.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.IndexSearcher;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.StoredArticle;

/**
 * One point-in-time view of an index, and the entry point to what can be asked of it. It opens
 * the reader and owns its life; each kind of request is answered by its own class
 * ({@link ArticleSearch}, {@link CopiesSearch}, {@link EntityCountSearch}, {@link TimelineSearch},
 * {@link SimilarSearch}, {@link ArchiveStatsReader}), which this class only hands the request to,
 * so that the interfaces (CLI, HTTP) hold one object per index and no answer's logic lives here.
 * An index being written by another process meanwhile is seen as of its last commit.
 * Thread-safe for concurrent requests.
 */
public final class ArchiveSearcher implements Archive {

    private final Path location;
    private final OpenIndex index;
    private final DirectoryReader reader;
    private final ArticleSearch search;
    private final ArticleLookup lookup;
    private final CopiesSearch copies;
    private final EntityCountSearch counts;
    private final TimelineSearch timelines;
    private final SimilarSearch similar;
    private final ArchiveStatsReader stats;

    private ArchiveSearcher(Path location, OpenIndex index, EntityNormalizer names, QueryTimeout timeout) {
        this.location = location;
        this.index = index;
        this.reader = index.reader();
        IndexSearcher searcher = new IndexSearcher(reader);
        searcher.setSimilarity(ArticleSchema.similarity());
        if (timeout != null) {
            searcher.setTimeout(timeout);
        }
        RequestFilters filters = new RequestFilters(names);
        this.search = new ArticleSearch(searcher, filters);
        this.lookup = new ArticleLookup(searcher);
        this.copies = new CopiesSearch(search, new IndexCopyFinder(searcher, lookup));
        this.counts = new EntityCountSearch(searcher, filters);
        this.timelines = new TimelineSearch(searcher, filters);
        this.similar = new SimilarSearch(searcher, filters, lookup);
        this.stats = new ArchiveStatsReader(location.toString(), index, searcher);
    }

    /**
     * Opens the index at {@code location}, with the shipped entity aliases.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    public static ArchiveSearcher open(Path location) throws IndexUnavailableException {
        return open(location, AliasTable.defaults());
    }

    /**
     * Opens the index at {@code location}; entity names in queries and filters are normalised
     * with {@code aliases}, as they were when indexing.
     *
     * @throws IndexUnavailableException when there is no index there or it cannot be read
     */
    public static ArchiveSearcher open(Path location, AliasTable aliases) throws IndexUnavailableException {
        return over(location, OpenIndex.open(location), aliases);
    }

    /**
     * A searcher over an index already opened from {@code location}; closing the searcher
     * closes the index.
     */
    public static ArchiveSearcher over(Path location, OpenIndex index, AliasTable aliases) {
        return new ArchiveSearcher(location, index, new EntityNormalizer(aliases), null);
    }

    /**
     * A searcher whose matching and counting stop when {@code timeout} says so (a resident
     * server's per-request time limit, see {@link RequestDeadline}); what was collected by then
     * is what the answer holds, and the deadline records that it fired.
     */
    public static ArchiveSearcher over(Path location, OpenIndex index, AliasTable aliases, QueryTimeout timeout) {
        return new ArchiveSearcher(location, index, new EntityNormalizer(aliases), timeout);
    }

    /**
     * Runs a search. Articles with every word come first; when they do not fill the page and
     * the query joins words without an operator, the page goes on with the articles that have
     * only some of them (see {@link ArticleQueryParser.TieredQuery}), unless the request asks
     * for complete matches only.
     *
     * @throws InvalidQueryException when the query cannot be parsed or run
     */
    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        return search.search(request);
    }

    /**
     * Hands every article with every word of the request's query (the search's {@code total},
     * never the partial matches), in the request's order, to {@code sink}; the request's page
     * (limit and offset) is ignored. Pages through the matches with {@code searchAfter}, so the
     * memory held is one page of {@value #EXPORT_PAGE} sort keys whatever the number of matches;
     * the id that breaks ties makes the order total, so no article is skipped or repeated.
     *
     * @return how many articles were exported
     * @throws InvalidQueryException when the query cannot be parsed
     */
    @Override
    public long export(SearchRequest request, ArticleSink sink) throws IOException {
        return search.export(request, sink);
    }

    /**
     * The search's page with near-duplicates collapsed: each hit stands for its copies, which
     * are left out of the hits, and carries how many copies the index holds. Ranks more hits
     * than the page as needed to fill it with distinct articles; {@code total} stays the number
     * of matching articles, copies included.
     */
    @Override
    public SearchResult searchCollapsed(SearchRequest request) throws IOException {
        return copies.collapsed(request);
    }

    /**
     * The near-duplicate copies of the article with {@code id} (see {@link NearDuplicates}), most
     * similar first, their {@code score} the estimated share of word pairs in common; empty when
     * the index has no such article.
     */
    @Override
    public Optional<List<SimilarArticle>> copies(String id) throws IOException {
        return copies.copies(id);
    }

    /**
     * The most frequent entities among the articles matching a query.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    @Override
    public EntityCounts entities(EntityCountRequest request) throws IOException {
        return counts.entities(request);
    }

    /**
     * The most frequent values of each of {@code fields} among the articles with every word of
     * the request's query, each field counted under every filter of the request but its own.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    @Override
    public Facets facets(SearchRequest request, Set<CountedField> fields, int limit) throws IOException {
        return counts.facets(request, fields, limit);
    }

    /**
     * How many articles match a query in each period, empty periods included. Counts the
     * articles with every word (the search's {@code total}), never partial matches.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    @Override
    public Timeline timeline(TimelineRequest request) throws IOException {
        return timelines.timeline(request);
    }

    /**
     * Timelines of several queries over the same periods, so that they can be drawn on one
     * chart or divided one by another (a query by {@code *:*} gives each period's share).
     * {@code by} null picks the period from the span ({@link TimeBucket#forSpan}).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    @Override
    public List<Timeline> timelines(List<String> queries, DateRange dates, TimeBucket by) throws IOException {
        return timelines.timelines(queries, dates, by);
    }

    /**
     * Timelines of the request's queries over the same periods, filtered alike, and with
     * {@code share} every article of those periods (over the queries' span, not the archive's).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    @Override
    public TimelineSeries timelines(TimelinesRequest request) throws IOException {
        return timelines.timelines(request);
    }

    /**
     * The articles most like the one with {@code id}, best first, or nothing when the index has
     * no such article (see {@link SimilarArticles}).
     *
     * @param dates only articles within these dates
     */
    @Override
    public Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException {
        return similar.similar(id, limit, dates);
    }

    /**
     * The answer of {@code similar}: the most similar articles best first, or with
     * {@code thread} those and the article itself by date, oldest first; empty when the index
     * has no article with the request's id.
     */
    @Override
    public Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException {
        return similar.similar(request);
    }

    /** The article with this id, if the index has it. */
    @Override
    public Optional<StoredArticle> find(String id) throws IOException {
        return lookup.find(id);
    }

    /** Counts and extent of the index. */
    @Override
    public ArchiveStats stats() throws IOException {
        return stats.stats();
    }

    /** What the commit this searcher reads recorded (schema version, analyzer, entity model, paths). */
    @Override
    public Map<String, String> commitData() throws IOException {
        return index.commitData();
    }

    /** The generation of the commit this searcher reads: it grows with every commit. */
    @Override
    public long generation() {
        try {
            return reader.getIndexCommit().getGeneration();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many articles the commit being read holds. */
    @Override
    public int articles() {
        return reader.numDocs();
    }

    /** Where the index lives. */
    public Path location() {
        return location;
    }

    @Override
    public void close() throws IOException {
        index.close();
    }
}
