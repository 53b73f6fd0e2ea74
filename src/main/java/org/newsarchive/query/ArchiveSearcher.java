package org.newsarchive.query;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.index.QueryTimeout;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollector;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.Bits;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.StoredArticle;

/**
 * Read-only access to an index: search, look-up by id, statistics. Opens one point-in-time
 * reader; an index being written by another process meanwhile is seen as of its last commit.
 * Thread-safe for concurrent searches.
 */
public final class ArchiveSearcher implements Closeable {

    private final Path location;
    private final OpenIndex index;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final EntityNormalizer names;
    private final EntityCounter entityCounter;
    private final FieldInfos fieldInfos;

    private ArchiveSearcher(Path location, OpenIndex index, EntityNormalizer names, QueryTimeout timeout) {
        this.location = location;
        this.index = index;
        this.directory = index.directory();
        this.reader = index.reader();
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(ArticleSchema.similarity());
        if (timeout != null) {
            searcher.setTimeout(timeout);
        }
        this.names = names;
        this.entityCounter = new EntityCounter(searcher);
        this.fieldInfos = FieldInfos.getMergedFieldInfos(reader);
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
    public SearchResult search(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        ArticleQueryParser.TieredQuery tiers = ArticleQueryParser.parseTiered(request.query(), names);
        Query complete = filtered(tiers.complete(), request);
        Query partial = tiers.hasPartial() && !request.completeOnly() ? filtered(tiers.partial(), request) : null;
        List<SearchHit> hits = new ArrayList<>();
        long total;
        OptionalLong partialTotal = OptionalLong.empty();
        try {
            // feedback changes scores only: with another order, or no page, there is nothing to do
            ArticleQueryParser.TieredQuery ranked = tiers.withTiers(complete, partial);
            if (request.expand() && request.sort() == SortOrder.RELEVANCE && request.limit() > 0) {
                ranked = RelevanceFeedback.expand(searcher, ranked);
            }
            long end = (long) request.offset() + request.limit();
            total = page(ranked.complete(), complete, ranked.rescoring(), request.sort(), request.offset(), request.limit(),
                    false, hits);
            if (partial != null && total < end) {
                long skip = Math.max(0, request.offset() - total);
                int wanted = (int) (end - Math.max(request.offset(), total));
                partialTotal = OptionalLong.of(page(ranked.partial(), partial, ranked.rescoring(), request.sort(), (int) skip,
                        wanted, true, hits));
            }
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQueryException("invalid query: it expands to more than "
                    + IndexSearcher.getMaxClauseCount() + " terms; make wildcards more specific", e);
        } catch (StackOverflowError e) {
            throw new InvalidQueryException("invalid query: too deeply nested", e);
        }
        List<Suggestion> suggestions = total < SearchResult.SUGGEST_BELOW
                ? new SpellingSuggester(searcher, names).suggest(request.query(), request.entities()) : List.of();
        long tookMs = (System.nanoTime() - started) / 1_000_000;
        return new SearchResult(request.query(), total, partialTotal, tookMs, hits, suggestions,
                SpellingSuggester.corrected(request.query(), suggestions));
    }

    /** Articles read per page of an export: the memory an export holds, whatever its size. */
    static final int EXPORT_PAGE = 1000;

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
    public long export(SearchRequest request, ArticleSink sink) throws IOException {
        Query query = filtered(ArticleQueryParser.parse(request.query(), names), request);
        Sort order = sort(request.sort());
        boolean scores = request.sort() == SortOrder.RELEVANCE;
        FieldDoc after = null;
        long exported = 0;
        while (true) {
            TopDocs page = searcher.searchAfter(after, query, EXPORT_PAGE, order, scores);
            var stored = searcher.storedFields();
            for (ScoreDoc hit : page.scoreDocs) {
                sink.accept(ArticleSchema.fromDocument(stored.document(hit.doc)), scores ? hit.score : 0f);
                exported++;
            }
            if (page.scoreDocs.length < EXPORT_PAGE) {
                return exported;
            }
            after = (FieldDoc) page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    /**
     * Adds the hits {@code offset} to {@code offset + limit} of {@code query} in {@code order}
     * to {@code hits}, their snippets highlighting {@code typed} (the query without feedback
     * words, matching the same articles), and returns how many articles match in all. By
     * relevance, the best hits are scored again with {@code rescoring} (null for none) first
     * ({@link BestHitsRescorer}).
     */
    private long page(Query query, Query typed, Query rescoring, SortOrder order, int offset, int limit, boolean partial,
            List<SearchHit> hits) throws IOException {
        int wanted = (int) Math.min((long) offset + limit, reader.maxDoc());
        if (wanted == 0 || limit == 0) {
            return searcher.count(query);
        }
        boolean rescored = rescoring != null && order == SortOrder.RELEVANCE;
        int collected = rescored ? Math.max(wanted, Math.min(BestHitsRescorer.WINDOW, reader.maxDoc())) : wanted;
        Sort sort = sort(order);
        TopDocs top = searcher.search(query,
                new TopFieldCollectorManager(sort, collected, null, Math.max(collected, EXACT_COUNT_WHILE_RANKING)));
        if (rescored) {
            BestHitsRescorer.rescore(searcher, rescoring, sort, top.scoreDocs);
        }
        ScoreDoc[] page = pageOf(top.scoreDocs, offset, wanted);
        if (page.length > 0) {
            if (Float.isNaN(page[0].score)) {
                TopFieldCollector.populateScores(page, searcher, query);
            }
            hits.addAll(hits(typed, page, partial));
        }
        return top.totalHits.relation == TotalHits.Relation.EQUAL_TO ? top.totalHits.value : searcher.count(query);
    }

    /**
     * Up to this many matches, ranking counts them exactly as it goes; beyond, it may skip
     * documents that cannot enter the page (block-max WAND on scores, points on dates), and the
     * total is counted by a separate pass that scores nothing. Ranking every match of a common
     * word to count it cost several times more than both passes together.
     */
    private static final int EXACT_COUNT_WHILE_RANKING = 1000;

    private Query filtered(Query query, SearchRequest request) {
        return filtered(query, request.dates(), request.entities(), request.metadata());
    }

    private Query filtered(Query query, DateRange dates) {
        return filtered(query, dates, List.of(), List.of());
    }

    private Query filtered(Query query, DateRange dates, List<EntityFilter> entities, List<MetadataFilter> metadata) {
        if (dates.isAll() && entities.isEmpty() && metadata.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (!dates.isAll()) {
            builder.add(ArticleSchema.dateRange(dates.from(), dates.to()), BooleanClause.Occur.FILTER);
        }
        for (EntityFilter filter : entities) {
            builder.add(ArticleSchema.entityQuery(filter.type(), names.keyOf(filter.type(), filter.name())),
                    BooleanClause.Occur.FILTER);
        }
        for (MetadataFilter filter : metadata) {
            builder.add(filter.query(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }

    /**
     * The most frequent entities among the articles matching a query.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public EntityCounts entities(EntityCountRequest request) throws IOException {
        long started = System.nanoTime();
        Query query = filtered(ArticleQueryParser.parse(request.query(), names), request.dates());
        Set<String> excluded = new HashSet<>();
        if (request.with() != null) {
            BooleanQuery.Builder anyType = new BooleanQuery.Builder();
            for (EntityType type : EntityType.values()) {
                String key = names.keyOf(type, request.with());
                anyType.add(ArticleSchema.entityQuery(type, key), BooleanClause.Occur.SHOULD);
                excluded.add(key);
            }
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(anyType.build(), BooleanClause.Occur.FILTER)
                    .build();
        }
        Set<CountedField> types = request.types().isEmpty() ? CountedField.ENTITY_TYPES : request.types();
        return entityCounter.count(query, types, request.limit(), excluded, started);
    }

    /**
     * How many articles match a query in each period, empty periods included. Counts the
     * articles with every word (the search's {@code total}), never partial matches.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public Timeline timeline(TimelineRequest request) throws IOException {
        long started = System.nanoTime();
        Query query = filtered(ArticleQueryParser.parse(request.query(), names), request.dates());
        return new TimelineCounter(searcher).count(request.query(), query, request.dates(), request.by(), started);
    }

    /**
     * Timelines of several queries over the same periods, so that they can be drawn on one
     * chart or divided one by another (a query by {@code *:*} gives each period's share).
     * {@code by} null picks the period from the span ({@link TimeBucket#forSpan}).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    public List<Timeline> timelines(List<String> queries, DateRange dates, TimeBucket by) throws IOException {
        long started = System.nanoTime();
        List<Query> parsed = new ArrayList<>();
        for (String text : queries) {
            parsed.add(filtered(ArticleQueryParser.parse(text, names), dates));
        }
        return new TimelineCounter(searcher).count(queries, parsed, dates, by, started);
    }

    /**
     * Timelines of the request's queries over the same periods, filtered alike, and with
     * {@code share} every article of those periods (over the queries' span, not the archive's).
     *
     * @throws InvalidQueryException when a query cannot be parsed
     */
    public TimelineSeries timelines(TimelinesRequest request) throws IOException {
        long started = System.nanoTime();
        List<Query> parsed = new ArrayList<>();
        for (String text : request.queries()) {
            parsed.add(filtered(ArticleQueryParser.parse(text, names), request.dates(), request.entities(),
                    request.metadata()));
        }
        List<Timeline> series = new TimelineCounter(searcher).count(request.queries(), parsed, request.dates(),
                request.by(), started);
        Timeline all = null;
        List<TimelinePeriod> periods = series.get(0).periods();
        if (request.share() && !periods.isEmpty()) {
            DateRange dates = request.dates();
            LocalDate first = dates.from() != null ? dates.from() : periods.get(0).first();
            LocalDate last = dates.to() != null ? dates.to() : periods.get(periods.size() - 1).last();
            all = timelines(List.of("*:*"), new DateRange(first, last), series.get(0).by()).get(0);
        }
        return new TimelineSeries(series, all);
    }

    /**
     * The most frequent values of each of {@code fields} among the articles with every word of
     * the request's query, each field counted under every filter of the request but its own.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public Facets facets(SearchRequest request, Set<CountedField> fields, int limit) throws IOException {
        long started = System.nanoTime();
        Query complete = ArticleQueryParser.parse(request.query(), names);
        Map<CountedField, EntityCounts> counts = new java.util.EnumMap<>(CountedField.class);
        for (CountedField field : fields) {
            List<EntityFilter> entities = request.entities().stream()
                    .filter(f -> CountedField.of(f.type()) != field).toList();
            List<MetadataFilter> metadata = request.metadata().stream()
                    .filter(f -> !f.field().equals(field.field())).toList();
            Query query = filtered(complete, request.dates(), entities, metadata);
            counts.put(field, entityCounter.count(query, Set.of(field), limit, Set.of(), started));
        }
        return new Facets(request.query(), (System.nanoTime() - started) / 1_000_000, counts);
    }

    private static Sort sort(SortOrder order) {
        return switch (order) {
            case RELEVANCE -> new Sort(SortField.FIELD_SCORE, ArticleSchema.dateSort(true), ArticleSchema.idSort());
            case NEWEST -> new Sort(ArticleSchema.dateSort(true), ArticleSchema.idSort());
            case OLDEST -> new Sort(ArticleSchema.dateSort(false), ArticleSchema.idSort());
        };
    }

    /** Hits {@code offset} to {@code end} (exclusive) of {@code all}, as far as it goes. */
    private static ScoreDoc[] pageOf(ScoreDoc[] all, int offset, int end) {
        int last = Math.min(end, all.length);
        if (offset >= last) {
            return new ScoreDoc[0];
        }
        return Arrays.copyOfRange(all, offset, last);
    }

    private List<SearchHit> hits(Query query, ScoreDoc[] page, boolean partial) throws IOException {
        int[] docIds = new int[page.length];
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
        }
        var stored = searcher.storedFields();
        Document[] docs = new Document[page.length];
        for (int i = 0; i < page.length; i++) {
            docs[i] = stored.document(page[i].doc, ArticleSchema.HIT_FIELDS);
        }
        SnippetHighlighter.Highlights highlights = new SnippetHighlighter(searcher, fieldInfos).highlight(query, docIds, docs);
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document doc = docs[i];
            hits.add(new SearchHit(
                    doc.get(ArticleSchema.ID),
                    ArticleSchema.publishedDate(doc),
                    doc.get(ArticleSchema.PUBLISHED),
                    highlights.headline(i),
                    page[i].score,
                    highlights.body(i),
                    doc.get(ArticleSchema.PATH),
                    doc.get(ArticleSchema.URL),
                    doc.get(ArticleSchema.SOURCE),
                    List.of(doc.getValues(ArticleSchema.AUTHOR)),
                    doc.get(ArticleSchema.LANGUAGE),
                    ArticleSchema.entities(doc),
                    partial,
                    -1));
        }
        return hits;
    }

    /**
     * The articles most like the one with {@code id}, best first, or nothing when the index has
     * no such article (see {@link SimilarArticles}).
     *
     * @param dates only articles within these dates
     */
    public Optional<List<SimilarArticle>> similar(String id, int limit, DateRange dates) throws IOException {
        TopDocs own = searcher.search(ArticleSchema.idQuery(id), 1);
        if (own.scoreDocs.length == 0) {
            return Optional.empty();
        }
        Query like = new SimilarArticles(searcher, names).query(own.scoreDocs[0].doc);
        Query query = new BooleanQuery.Builder()
                .add(filtered(like, dates), BooleanClause.Occur.MUST)
                .add(ArticleSchema.idQuery(id), BooleanClause.Occur.MUST_NOT)
                .build();
        TopDocs top = searcher.search(query, new TopFieldCollectorManager(sort(SortOrder.RELEVANCE), limit, null, limit));
        if (top.scoreDocs.length > 0 && Float.isNaN(top.scoreDocs[0].score)) {
            TopFieldCollector.populateScores(top.scoreDocs, searcher, query);
        }
        var stored = searcher.storedFields();
        List<SimilarArticle> found = new ArrayList<>();
        for (ScoreDoc hit : top.scoreDocs) {
            found.add(similarArticle(stored.document(hit.doc, ArticleSchema.HIT_FIELDS), hit.score));
        }
        return Optional.of(found);
    }

    /**
     * The answer of {@code similar}: the most similar articles best first, or with
     * {@code thread} those and the article itself by date, oldest first; empty when the index
     * has no article with the request's id.
     */
    public Optional<List<SimilarEntry>> similar(SimilarRequest request) throws IOException {
        Optional<List<SimilarArticle>> found = similar(request.id(), request.limit(), request.dates());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<SimilarEntry> entries = new ArrayList<>();
        found.get().forEach(a -> entries.add(new SimilarEntry(a, false)));
        if (request.thread()) {
            StoredArticle own = find(request.id()).orElseThrow();
            entries.add(new SimilarEntry(new SimilarArticle(own.id(), own.date(), own.published(), own.headline(),
                    own.path(), Float.NaN), true));
            entries.sort(Comparator.comparing((SimilarEntry e) -> e.article().published())
                    .thenComparing(e -> e.article().id()));
        }
        return Optional.of(entries);
    }

    private static SimilarArticle similarArticle(Document doc, float score) {
        return new SimilarArticle(doc.get(ArticleSchema.ID), ArticleSchema.publishedDate(doc),
                doc.get(ArticleSchema.PUBLISHED), doc.get(ArticleSchema.HEADLINE), doc.get(ArticleSchema.PATH), score);
    }

    /**
     * The search's page with near-duplicates collapsed: each hit stands for its copies, which
     * are left out of the hits, and carries how many copies the index holds. Ranks more hits
     * than the page as needed to fill it with distinct articles; {@code total} stays the number
     * of matching articles, copies included.
     */
    public SearchResult searchCollapsed(SearchRequest request) throws IOException {
        long started = System.nanoTime();
        int wanted = request.offset() + request.limit();
        NearDuplicates duplicates = new NearDuplicates(searcher);
        List<SearchHit> kept = new ArrayList<>();
        Set<String> covered = new HashSet<>();
        SearchResult ranked;
        int fetch = Math.max(3 * wanted, 30);
        int seen = 0;
        while (true) {
            ranked = search(request.withPage(fetch, 0));
            List<SearchHit> hits = ranked.hits();
            for (; seen < hits.size() && kept.size() < wanted; seen++) {
                SearchHit hit = hits.get(seen);
                if (!covered.add(hit.id())) {
                    continue; // a copy of an article already kept
                }
                List<NearDuplicates.Copy> copies = duplicates.copiesOf(docOf(hit.id()));
                var stored = searcher.storedFields();
                for (NearDuplicates.Copy copy : copies) {
                    covered.add(stored.document(copy.doc(), Set.of(ArticleSchema.ID)).get(ArticleSchema.ID));
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
    public Optional<List<SimilarArticle>> copies(String id) throws IOException {
        TopDocs own = searcher.search(ArticleSchema.idQuery(id), 1);
        if (own.scoreDocs.length == 0) {
            return Optional.empty();
        }
        var stored = searcher.storedFields();
        List<SimilarArticle> copies = new ArrayList<>();
        for (NearDuplicates.Copy copy : new NearDuplicates(searcher).copiesOf(own.scoreDocs[0].doc)) {
            copies.add(similarArticle(stored.document(copy.doc(), ArticleSchema.HIT_FIELDS), (float) copy.similarity()));
        }
        copies.sort(Comparator.comparing(SimilarArticle::score).reversed().thenComparing(SimilarArticle::id));
        return Optional.of(copies);
    }

    private int docOf(String id) throws IOException {
        return searcher.search(ArticleSchema.idQuery(id), 1).scoreDocs[0].doc;
    }

    /** The article with this id, if the index has it. */
    public Optional<StoredArticle> find(String id) throws IOException {
        TopDocs top = searcher.search(ArticleSchema.idQuery(id), 1);
        if (top.scoreDocs.length == 0) {
            return Optional.empty();
        }
        return Optional.of(ArticleSchema.fromDocument(searcher.storedFields().document(top.scoreDocs[0].doc)));
    }

    /** Counts and extent of the index. */
    public ArchiveStats stats() throws IOException {
        return new ArchiveStats(
                location.toString(),
                reader.numDocs(),
                extremeDate(false),
                extremeDate(true),
                indexBytes(),
                sourceBytes(),
                new NearDuplicates(searcher).clustersWithCopies(),
                index.commitData());
    }

    private java.time.LocalDate extremeDate(boolean newest) throws IOException {
        TopDocs top = searcher.search(new MatchAllDocsQuery(), 1, new Sort(ArticleSchema.dateSort(newest)));
        if (top.scoreDocs.length == 0) {
            return null;
        }
        return ArticleSchema.dateOf((Long) ((FieldDoc) top.scoreDocs[0]).fields[0]);
    }

    /**
     * The size of the commit being read: its files only, so that files beside it (a writer's
     * unfinished segments, a server's address file) do not count.
     */
    private long indexBytes() throws IOException {
        long bytes = 0;
        for (String file : reader.getIndexCommit().getFileNames()) {
            try {
                bytes += directory.fileLength(file);
            } catch (java.nio.file.NoSuchFileException | java.io.FileNotFoundException gone) {
                // a concurrent writer removed it between listing and measuring
            }
        }
        return bytes;
    }

    private long sourceBytes() throws IOException {
        long bytes = 0;
        for (LeafReaderContext leaf : reader.leaves()) {
            NumericDocValues sizes = leaf.reader().getNumericDocValues(ArticleSchema.SIZE);
            if (sizes == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            for (int doc = sizes.nextDoc(); doc != NumericDocValues.NO_MORE_DOCS; doc = sizes.nextDoc()) {
                if (live == null || live.get(doc)) {
                    bytes += sizes.longValue();
                }
            }
        }
        return bytes;
    }

    /** What the commit this searcher reads recorded (schema version, analyzer, entity model, paths). */
    public Map<String, String> commitData() throws IOException {
        return index.commitData();
    }

    /** The generation of the commit this searcher reads: it grows with every commit. */
    public long generation() {
        try {
            return reader.getIndexCommit().getGeneration();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How many articles the commit being read holds. */
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
