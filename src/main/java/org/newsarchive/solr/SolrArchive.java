package org.newsarchive.solr;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.solr.client.solrj.SolrQuery;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.query.Archive;
import org.newsarchive.query.ArchiveStats;
import org.newsarchive.query.ArticleSink;
import org.newsarchive.query.CopiesSearch;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.EntityCountRequest;
import org.newsarchive.query.EntityCountSearch;
import org.newsarchive.query.EntityCounts;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.Facets;
import org.newsarchive.query.RequestFilters;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SearchResult;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.query.SimilarEntry;
import org.newsarchive.query.SimilarRequest;
import org.newsarchive.query.TimeBucket;
import org.newsarchive.query.Timeline;
import org.newsarchive.query.TimelineRequest;
import org.newsarchive.query.TimelineSearch;
import org.newsarchive.query.TimelineSeries;
import org.newsarchive.query.TimelinesRequest;
import org.newsarchive.schema.StoredArticle;

/**
 * The archive on a SolrCloud collection (or alias): every request parsed, filtered, counted and
 * ordered by the same query code as the local index ({@link RequestFilters},
 * {@link EntityCountSearch}, {@link TimelineSearch}), with Solr matching, scoring and counting
 * underneath ({@link SolrArticleSearch}, {@link SolrKeyCounts}, {@link SolrDayCounts}).
 * Thread-safe: SolrJ's client is.
 */
public final class SolrArchive implements Archive {

    private final SolrConnection connection;
    private final SolrRequests solr;
    private final SolrArticleSearch search;
    private final EntityCountSearch counts;
    private final TimelineSearch timelines;
    private final SolrDayCounts days;
    private final CommitDataSource commitData;
    private final CopiesSearch copies;
    private final SolrSimilar similar;

    /** Where the archive's recorded commit data is read from (kept by the indexer). */
    @FunctionalInterface
    public interface CommitDataSource {
        Map<String, String> read(SolrConnection solr) throws IOException;
    }

    private SolrArchive(SolrConnection connection, AliasTable aliases, CommitDataSource commitData) {
        this.connection = connection;
        this.solr = new SolrRequests(connection);
        RequestFilters filters = new RequestFilters(new EntityNormalizer(aliases));
        this.search = new SolrArticleSearch(solr, filters);
        this.counts = new EntityCountSearch(new SolrKeyCounts(solr), filters);
        this.days = new SolrDayCounts(solr);
        this.timelines = new TimelineSearch(days, filters);
        this.commitData = commitData;
        this.copies = new CopiesSearch(search, new SolrCopyFinder(solr, search));
        this.similar = new SolrSimilar(solr, search, filters);
    }

    /**
     * The archive of {@code connection}'s collection; closing it closes the connection.
     *
     * @param aliases how entity names in queries are normalised, as when indexing
     */
    public static SolrArchive over(SolrConnection connection, AliasTable aliases, CommitDataSource commitData) {
        return new SolrArchive(connection, aliases, commitData);
    }

    @Override
    public SearchResult search(SearchRequest request) throws IOException {
        return search.search(request);
    }

    @Override
    public long export(SearchRequest request, ArticleSink sink) throws IOException {
        return search.export(request, sink);
    }

    @Override
    public SearchResult searchCollapsed(SearchRequest request) throws IOException {
        return copies.collapsed(request);
    }

    @Override
    public Optional<List<SimilarArticle>> copies(String id) throws IOException {
        return copies.copies(id);
    }

    @Override
    public EntityCounts entities(EntityCountRequest request) throws IOException {
        return counts.entities(request);
    }

    @Override
    public Facets facets(SearchRequest request, Set<CountedField> fields, int limit) throws IOException {
        return counts.facets(request, fields, limit);
    }

    @Override
    public Timeline timeline(TimelineRequest request) throws IOException {
        return timelines.timeline(request);
    }

    @Override
    public List<Timeline> timelines(List<String> queries, DateRange dates, TimeBucket by) throws IOException {
        return timelines.timelines(queries, dates, by);
    }

    @Override
    public TimelineSeries timelines(TimelinesRequest request) throws IOException {
        return timelines.timelines(request);
    }

    @Override
    public Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException {
        return similar.similar(id, limit, dates);
    }

    @Override
    public Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException {
        return similar.similar(request);
    }

    @Override
    public Optional<StoredArticle> find(String id) throws IOException {
        return search.find(id);
    }

    @Override
    public ArchiveStats stats() throws IOException {
        Long first = days.extreme("asc");
        Long last = days.extreme("desc");
        SolrQuery ask = new SolrQuery("*:*");
        ask.setRows(0);
        ask.set("json.facet", "{source_bytes:\"sum(" + org.newsarchive.schema.ArticleFields.SIZE.name() + ")\"}");
        var response = solr.select(ask);
        var facets = (org.apache.solr.common.util.NamedList<?>) response.getResponse().get("facets");
        Object sum = facets == null ? null : facets.get("source_bytes");
        return new ArchiveStats(connection.target().describe(), response.getResults().getNumFound(),
                first == null ? null : org.newsarchive.schema.DateFieldDef.dateOf(first),
                last == null ? null : org.newsarchive.schema.DateFieldDef.dateOf(last),
                new SolrIndexSize(connection).bytes(), sum == null ? 0 : ((Number) sum).longValue(), -1, commitData());
    }

    @Override
    public Map<String, String> commitData() throws IOException {
        try {
            return commitData.read(connection);
        } catch (SolrUnavailableException e) {
            // the reading commands' "archive unavailable" (exit 4, HTTP 503), with the same line
            throw new IndexUnavailableException(e.getMessage(), e);
        }
    }

    @Override
    public long generation() {
        return 0;
    }

    @Override
    public int articles() {
        try {
            SolrQuery ask = new SolrQuery("*:*");
            ask.setRows(0);
            return (int) solr.select(ask).getResults().getNumFound();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
