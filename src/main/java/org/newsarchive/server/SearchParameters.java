package org.newsarchive.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.newsarchive.entity.EntityType;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.EntityFilter;
import org.newsarchive.query.InvalidDateException;
import org.newsarchive.query.MetadataFilter;
import org.newsarchive.query.PartialDate;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SortOrder;

/**
 * The one place where HTTP parameters become a {@link SearchRequest}, named as the options of
 * {@code search} are ({@code --all-words} is {@code all_words}), so that a request means on
 * the API exactly what it means on the command line. Timelines and facets take the same filters.
 */
final class SearchParameters {

    static final List<Param> QUERY = List.of(
            Param.text("q", "The query, in the syntax of the search command (default: *:*, every article)."),
            Param.text("from", "Only articles on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)."),
            Param.text("to", "Only articles on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)."));

    static final List<Param> FILTERS = List.of(
            Param.texts("person", "Only articles naming this person (repeatable: all must match)."),
            Param.texts("org", "Only articles naming this organisation (repeatable)."),
            Param.texts("place", "Only articles naming this place (repeatable)."),
            Param.texts("misc", "Only articles naming this other name (repeatable)."),
            Param.texts("source", "Only articles from this site (repeatable)."),
            Param.texts("author", "Only articles by this author (repeatable)."));

    static final List<Param> SEARCH = concat(QUERY, FILTERS, List.of(
            Param.text("sort", "relevance (default), newest or oldest."),
            Param.flag("all_words", "Only articles with every word: no partial matches after them."),
            Param.flag("expand", "Rank also by the words of the best matches (pseudo-relevance feedback): same matches, another order; with sort=relevance only."),
            Param.flag("collapse", "One article per group of near-duplicate copies.")));

    static final List<Param> PAGE = List.of(
            Param.integer("limit", "Hits per page (default 10; 0 gives only the total)."),
            Param.integer("offset", "Hits to skip, for paging (default 0)."));

    private SearchParameters() {
    }

    @SafeVarargs
    static List<Param> concat(List<Param>... lists) {
        return Stream.of(lists).flatMap(List::stream).toList();
    }

    /** The query text: {@code q}, every article when absent or blank, refused past the length limit. */
    static String query(ApiParameters params, int maxLength) {
        String q = params.text("q", "*:*");
        if (q.length() > maxLength) {
            throw ApiError.badParameter("q", String.format(Locale.ROOT,
                    "q is %,d characters long; the limit is %,d", q.length(), maxLength));
        }
        return q.isBlank() ? "*:*" : q;
    }

    /** {@code from} and {@code to}, each parsed on its own so that an error names the one at fault. */
    static DateRange dates(ApiParameters params) {
        PartialDate from = date(params, "from");
        PartialDate to = date(params, "to");
        return new DateRange(from == null ? null : from.first(), to == null ? null : to.last());
    }

    private static PartialDate date(ApiParameters params, String name) {
        String value = params.text(name, null);
        try {
            return value == null ? null : PartialDate.parse(value);
        } catch (InvalidDateException e) {
            throw ApiError.badDate(name, e.getMessage());
        }
    }

    static List<EntityFilter> entities(ApiParameters params) {
        List<EntityFilter> filters = new ArrayList<>();
        for (EntityType type : EntityType.values()) {
            params.texts(type.queryName()).forEach(name -> filters.add(new EntityFilter(type, name)));
        }
        return filters;
    }

    static List<MetadataFilter> metadata(ApiParameters params) {
        List<MetadataFilter> filters = new ArrayList<>();
        params.texts("source").forEach(site -> filters.add(checked("source", MetadataFilter.source(site))));
        params.texts("author").forEach(name -> filters.add(checked("author", MetadataFilter.author(name))));
        return filters;
    }

    private static MetadataFilter checked(String name, MetadataFilter filter) {
        if (filter.isEmpty()) {
            throw ApiError.badParameter(name, name + " cannot be '" + filter.value() + "': it names nothing");
        }
        return filter;
    }

    static SortOrder sort(ApiParameters params) {
        String value = params.text("sort", "relevance");
        for (SortOrder order : SortOrder.values()) {
            if (order.name().equalsIgnoreCase(value.strip())) {
                return order;
            }
        }
        throw ApiError.badParameter("sort", "sort must be relevance, newest or oldest, not '" + value + "'");
    }

    /** A search's request, the page given. */
    static SearchRequest request(ApiParameters params, int maxLength, int limit, int offset) {
        SortOrder sort = sort(params);
        boolean expand = params.flag("expand");
        if (expand && sort != SortOrder.RELEVANCE) {
            throw ApiError.badParameter("expand", "expand changes the ranking by relevance: it takes no sort="
                    + sort.name().toLowerCase(Locale.ROOT));
        }
        return new SearchRequest(query(params, maxLength), dates(params), entities(params), metadata(params),
                sort, limit, offset, params.flag("all_words"), expand);
    }
}
