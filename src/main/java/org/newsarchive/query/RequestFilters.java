package org.newsarchive.query;

import java.util.List;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.newsarchive.entity.EntityNormalizer;
import org.newsarchive.schema.ArticleFields;

/**
 * A request's query text and filters as Lucene queries: the parsing and the filter clauses every
 * kind of request shares, with the entity names normalised as they were when indexing.
 */
public final class RequestFilters {

    private final EntityNormalizer names;

    public RequestFilters(EntityNormalizer names) {
        this.names = names;
    }

    /** How entity names in queries and filters are normalised. */
    public EntityNormalizer names() {
        return names;
    }

    /** {@code text} as a query (see {@link ArticleQueryParser#parse}). */
    public Query parse(String text) {
        return ArticleQueryParser.parse(text, names);
    }

    /** {@code text} in tiers (see {@link ArticleQueryParser#parseTiered}). */
    public ArticleQueryParser.TieredQuery parseTiered(String text) {
        return ArticleQueryParser.parseTiered(text, names);
    }

    /** {@code query} restricted by every filter of {@code request}. */
    public Query apply(Query query, SearchRequest request) {
        return apply(query, request.dates(), request.entities(), request.metadata());
    }

    /** {@code query} restricted to {@code dates}. */
    public Query apply(Query query, DateRange dates) {
        return apply(query, dates, List.of(), List.of());
    }

    /**
     * The filter clauses of {@code dates} and each filter, in the order {@link #apply} adds them;
     * empty when there is none. For back-ends that take filters apart from the scored query.
     */
    public List<Query> clauses(DateRange dates, List<EntityFilter> entities, List<MetadataFilter> metadata) {
        List<Query> clauses = new java.util.ArrayList<>();
        if (!dates.isAll()) {
            clauses.add(ArticleFields.DATE.rangeQuery(dates.from(), dates.to()));
        }
        for (EntityFilter filter : entities) {
            clauses.add(ArticleFields.entity(filter.type()).keyQuery(names.keyOf(filter.type(), filter.name())));
        }
        for (MetadataFilter filter : metadata) {
            clauses.add(filter.query());
        }
        return clauses;
    }

    /** {@code query} restricted to {@code dates} and by each filter; itself when there is none. */
    public Query apply(Query query, DateRange dates, List<EntityFilter> entities, List<MetadataFilter> metadata) {
        if (dates.isAll() && entities.isEmpty() && metadata.isEmpty()) {
            return query;
        }
        BooleanQuery.Builder builder = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST);
        if (!dates.isAll()) {
            builder.add(ArticleFields.DATE.rangeQuery(dates.from(), dates.to()), BooleanClause.Occur.FILTER);
        }
        for (EntityFilter filter : entities) {
            builder.add(ArticleFields.entity(filter.type()).keyQuery(names.keyOf(filter.type(), filter.name())),
                    BooleanClause.Occur.FILTER);
        }
        for (MetadataFilter filter : metadata) {
            builder.add(filter.query(), BooleanClause.Occur.FILTER);
        }
        return builder.build();
    }
}
