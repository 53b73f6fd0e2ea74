package org.newsarchive.query;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityType;
import org.newsarchive.schema.ArticleFields;

/** Answers an {@link EntityCountRequest}, and the facets of a search, with one {@link EntityCounter}. */
public final class EntityCountSearch {

    private final RequestFilters filters;
    private final KeyCounts counter;

    EntityCountSearch(IndexSearcher searcher, RequestFilters filters) {
        this(new EntityCounter(searcher), filters);
    }

    /** Counts with {@code counter}, parsing and filtering with {@code filters}. */
    public EntityCountSearch(KeyCounts counter, RequestFilters filters) {
        this.filters = filters;
        this.counter = counter;
    }

    /**
     * The most frequent entities among the articles matching a query.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public EntityCounts entities(EntityCountRequest request) throws IOException {
        long started = System.nanoTime();
        Query query = filters.apply(filters.parse(request.query()), request.dates());
        Set<String> excluded = new HashSet<>();
        if (request.with() != null) {
            BooleanQuery.Builder anyType = new BooleanQuery.Builder();
            for (EntityType type : EntityType.values()) {
                String key = filters.names().keyOf(type, request.with());
                anyType.add(ArticleFields.entity(type).keyQuery(key), BooleanClause.Occur.SHOULD);
                excluded.add(key);
            }
            query = new BooleanQuery.Builder()
                    .add(query, BooleanClause.Occur.MUST)
                    .add(anyType.build(), BooleanClause.Occur.FILTER)
                    .build();
        }
        Set<CountedField> types = request.types().isEmpty() ? CountedField.ENTITY_TYPES : request.types();
        return counter.count(query, types, request.limit(), excluded, started);
    }

    /**
     * The most frequent values of each of {@code fields} among the articles with every word of
     * the request's query, each field counted under every filter of the request but its own.
     *
     * @throws InvalidQueryException when the query cannot be parsed
     */
    public Facets facets(SearchRequest request, Set<CountedField> fields, int limit) throws IOException {
        long started = System.nanoTime();
        Query complete = filters.parse(request.query());
        Map<CountedField, EntityCounts> counts = new EnumMap<>(CountedField.class);
        for (CountedField field : fields) {
            List<EntityFilter> entities = request.entities().stream()
                    .filter(f -> CountedField.of(f.type()) != field).toList();
            List<MetadataFilter> metadata = request.metadata().stream()
                    .filter(f -> !field.is(f.field())).toList();
            Query query = filters.apply(complete, request.dates(), entities, metadata);
            counts.put(field, counter.count(query, Set.of(field), limit, Set.of(), started));
        }
        return new Facets(request.query(), (System.nanoTime() - started) / 1_000_000, counts);
    }
}
