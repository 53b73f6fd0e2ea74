package org.newsarchive.server;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.newsarchive.json.EntitiesJson;
import org.newsarchive.json.ExportField;
import org.newsarchive.json.JsonText;
import org.newsarchive.json.SearchJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.SearchRequest;
import org.newsarchive.query.SearchResult;

/** {@code /api/search}, {@code /api/export} and {@code /api/facets}: one search request, three answers. */
final class SearchEndpoints {

    private static final List<Param> EXPORT_FIELDS = List.of(Param.text("fields",
            "Comma-separated fields of each line (id, date, published, headline, body, path, url, source, authors, "
                    + "language, size, sha256, words, entities, score); default all."));
    private static final List<Param> FACET_LIMIT = List.of(Param.integer("facet_limit",
            "Values per facet (default 10, at most 100)."));
    /**
     * Parameters of a search that order, page or reshape its hits. Facets count every complete
     * match whatever they say, so a facets request that gives one is refused rather than
     * answered as if it had been read.
     */
    private static final List<String> NOT_FOR_FACETS = List.of("sort", "all_words", "expand", "collapse", "limit", "offset");
    private static final List<Param> FACET_PARAMS =
            SearchParameters.concat(SearchParameters.QUERY, SearchParameters.FILTERS, FACET_LIMIT);
    private static final Set<CountedField> FACETS =
            EnumSet.of(CountedField.PERSON, CountedField.ORGANIZATION, CountedField.LOCATION, CountedField.SOURCE);

    private final ServerSettings settings;

    SearchEndpoints(ServerSettings settings) {
        this.settings = settings;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/search", "Ranked search with snippets: the JSON of 'search --format json'.",
                        SearchParameters.concat(SearchParameters.SEARCH, SearchParameters.PAGE), this::search),
                new Route("GET", "/api/export", "Every complete match as JSON lines, streamed: "
                        + "'search --all --format jsonl'.", SearchParameters.concat(SearchParameters.SEARCH, EXPORT_FIELDS),
                        true, true, this::export),
                new Route("GET", "/api/facets", "People, organisations, places and sources of the complete matches, "
                        + "each counted under every filter but its own.", FACET_PARAMS,
                        Stream.concat(FACET_PARAMS.stream().map(Param::name), NOT_FOR_FACETS.stream())
                                .collect(Collectors.toUnmodifiableSet()), true, false, this::facets));
    }

    private ApiResponse search(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        int limit = params.integer("limit", 10, 0, settings.maxLimit());
        int offset = params.integer("offset", 0, 0, Integer.MAX_VALUE - settings.maxLimit());
        SearchRequest request = SearchParameters.request(params, settings.maxQueryLength(), limit, offset);
        Archive searcher = call.searcher();
        SearchResult result = params.flag("collapse") ? searcher.searchCollapsed(request) : searcher.search(request);
        return ApiResponse.json(JsonText.pretty(SearchJson.of(result)));
    }

    private ApiResponse export(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        if (params.flag("collapse")) {
            throw ApiError.badParameter("collapse", "an export holds every match, copies included: it takes no collapse");
        }
        if (params.flag("expand")) {
            throw ApiError.badParameter("expand", "an export holds every match ranked without feedback: it takes no expand");
        }
        String named = params.text("fields", "");
        List<String> names = named.isBlank() ? List.of() : List.of(named.split(","));
        List<ExportField> fields;
        try {
            fields = ExportField.parse(names);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("fields", e.getMessage());
        }
        SearchRequest request = SearchParameters.request(params, settings.maxQueryLength(), 10, 0);
        Archive searcher = call.searcher();
        boolean chosen = !names.isEmpty();
        return ApiResponse.streamed(ApiResponse.JSON_LINES, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            searcher.export(request, (article, score) -> {
                writer.write(JsonText.line(ExportField.line(fields, chosen, article, score)));
                writer.write('\n');
            });
            writer.flush();
        });
    }

    private ApiResponse facets(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        for (String name : NOT_FOR_FACETS) {
            if (params.has(name)) {
                throw ApiError.badParameter(name, "facets count every complete match, in no order and on no page: "
                        + "they take no " + name);
            }
        }
        int limit = params.integer("facet_limit", 10, 1, 100);
        SearchRequest request = SearchParameters.request(params, settings.maxQueryLength(), 0, 0);
        return ApiResponse.json(JsonText.pretty(EntitiesJson.facets(call.searcher().facets(request, FACETS, limit))));
    }
}
