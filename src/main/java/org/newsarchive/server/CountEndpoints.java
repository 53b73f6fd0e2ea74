package org.newsarchive.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.newsarchive.json.EntitiesJson;
import org.newsarchive.json.JsonText;
import org.newsarchive.json.StatsJson;
import org.newsarchive.json.TimelineJson;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.EntityCountRequest;
import org.newsarchive.query.TimeBucket;
import org.newsarchive.query.TimelinesRequest;

/** {@code /api/entities}, {@code /api/timeline} and {@code /api/stats}: counts over the archive. */
final class CountEndpoints {

    private static final List<Param> ENTITIES = SearchParameters.concat(SearchParameters.QUERY, List.of(
            Param.texts("type", "person, org, place, misc, source or author (repeatable or comma-separated; "
                    + "default: the four entity types)."),
            Param.text("with", "Count only articles that also name this (any type); it is left out of the counts."),
            Param.integer("limit", "How many entities (default 20).")));

    private static final List<Param> TIMELINE = SearchParameters.concat(SearchParameters.QUERY, SearchParameters.FILTERS,
            List.of(Param.text("by", "day, week, month, year or auto (default: the shortest period giving at most "
                            + TimeBucket.MAX_AUTO_PERIODS + " periods)."),
                    Param.flag("share", "Each period's matches as a share of all its articles."),
                    Param.text("compare", "A second query on the same periods.")));

    private final ServerSettings settings;

    CountEndpoints(ServerSettings settings) {
        this.settings = settings;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/entities", "The most frequent entities of the matching articles: "
                        + "'entities --format json'.", ENTITIES, this::entities),
                Route.get("/api/timeline", "Matching articles per period: 'timeline --format json'.", TIMELINE,
                        this::timeline),
                Route.get("/api/stats", "What the index holds: 'stats --format json'.", List.of(), this::stats));
    }

    private ApiResponse entities(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        Set<CountedField> types = EnumSet.noneOf(CountedField.class);
        for (String value : params.texts("type")) {
            for (String name : value.split(",")) {
                CountedField type = CountedField.fromName(name.strip());
                if (type == null) {
                    throw ApiError.badParameter("type", "unknown type '" + name.strip()
                            + "' (person, org, place, misc, source or author)");
                }
                types.add(type);
            }
        }
        String with = params.text("with");
        if (with != null && with.isBlank()) {
            throw ApiError.badParameter("with", "with needs a name");
        }
        EntityCountRequest request = new EntityCountRequest(SearchParameters.query(params, settings.maxQueryLength()),
                SearchParameters.dates(params), types, params.integer("limit", 20, 1, settings.maxLimit()), with);
        return ApiResponse.json(JsonText.pretty(EntitiesJson.of(request, call.searcher().entities(request))));
    }

    private ApiResponse timeline(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        List<String> queries = new ArrayList<>();
        queries.add(SearchParameters.query(params, settings.maxQueryLength()));
        String compare = params.text("compare");
        if (compare != null) {
            if (compare.isBlank()) {
                throw ApiError.badParameter("compare", "compare needs a query");
            }
            if (compare.length() > settings.maxQueryLength()) {
                throw ApiError.badParameter("compare", "compare is longer than " + settings.maxQueryLength()
                        + " characters");
            }
            queries.add(compare);
        }
        TimelinesRequest request = new TimelinesRequest(queries, SearchParameters.dates(params),
                SearchParameters.entities(params), SearchParameters.metadata(params), bucket(params.text("by", "auto")),
                params.flag("share"));
        return ApiResponse.json(JsonText.pretty(TimelineJson.of(call.searcher().timelines(request))));
    }

    /** The period named, null for auto. */
    private static TimeBucket bucket(String name) {
        try {
            return TimeBucket.named(name);
        } catch (IllegalArgumentException e) {
            throw ApiError.badParameter("by", "by " + e.getMessage());
        }
    }

    private ApiResponse stats(Route.Call call) throws IOException {
        return ApiResponse.json(JsonText.pretty(StatsJson.of(call.searcher().stats())));
    }
}
