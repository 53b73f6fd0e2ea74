package org.newsarchive.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.lucene.index.CorruptIndexException;
import org.newsarchive.json.JsonText;
import org.newsarchive.query.FirstLine;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.InvalidDateException;
import org.newsarchive.query.InvalidQueryException;
import org.newsarchive.query.RequestDeadline;

/**
 * Turns a request into an answer, whatever the HTTP library: checks who asks, finds the route,
 * checks its parameters, leases it the served archive (the local index's newest reader, or a
 * SolrCloud collection) under the request's deadline, and makes every failure the one JSON
 * error shape with its status. Nothing here throws to the transport but a broken connection.
 */
final class Router {

    /** Headers on every answer: no framing, no type sniffing, scripts and styles only from here. */
    static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; "
                    + "base-uri 'none'; form-action 'self'",
            "X-Content-Type-Options", "nosniff",
            "X-Frame-Options", "DENY",
            "Referrer-Policy", "no-referrer");

    private static final Pattern COLUMN = Pattern.compile("at column (\\d+)");

    private final ServerSettings settings;
    private final ServedArchive served;
    private final RequestGuard guard;
    private final WebFiles web;
    private final List<Route> routes;
    private final String openApi;

    Router(ServerSettings settings, ServedArchive served, List<Route> endpoints, String version) {
        this.settings = settings;
        this.served = served;
        this.guard = new RequestGuard(settings);
        this.web = new WebFiles(settings.web());
        List<Route> all = new ArrayList<>(endpoints);
        all.add(new Route("GET", "/api/health", "200 with the commit generation (0 on SolrCloud) and article count; "
                + "503 when the archive cannot be read.", List.of(), false, false, call -> health()));
        all.add(new Route("GET", "/api/openapi.json", "This description.", List.of(), false, false,
                call -> ApiResponse.json(openApi())));
        this.routes = List.copyOf(all);
        this.openApi = OpenApiDocument.of(routes, version, settings.token() != null);
    }

    List<Route> routes() {
        return routes;
    }

    private String openApi() {
        return openApi;
    }

    /** The answer to {@code request}, headers for security and CORS included. */
    ApiResponse handle(ApiRequest request) {
        ApiResponse response;
        try {
            response = answer(request);
        } catch (ApiError e) {
            response = e.response();
        } catch (RuntimeException | IOException e) {
            response = failure(e).response();
        } catch (StackOverflowError e) {
            response = ApiError.badQuery("invalid query: too deeply nested", null).response();
        } catch (LinkageError e) {
            response = new ApiError(500, "internal", "the server failed to answer (" + e.getClass().getSimpleName()
                    + ")").response();
        }
        Map<String, String> headers = new LinkedHashMap<>(SECURITY_HEADERS);
        headers.putAll(guard.corsHeaders(request.header("origin")));
        return response.withHeaders(headers);
    }

    private ApiResponse answer(ApiRequest request) throws IOException {
        guard.check(request);
        String path = request.path();
        boolean head = request.method().equals("HEAD");
        String method = head ? "GET" : request.method();
        boolean pathKnown = false;
        for (Route route : routes) {
            Map<String, String> values = route.match(path);
            if (values == null) {
                continue;
            }
            pathKnown = true;
            if (route.method().equals(method)) {
                return run(route, request, decoded(values));
            }
        }
        if (pathKnown) {
            throw new ApiError(405, "method-not-allowed", request.method() + " is not allowed on " + path);
        }
        if (!path.startsWith("/api/")) {
            if (!method.equals("GET")) {
                throw new ApiError(405, "method-not-allowed", request.method() + " is not allowed on " + path);
            }
            ApiResponse file = web.get(path);
            if (file != null) {
                return file;
            }
        }
        throw ApiError.notFound("no such path: " + path);
    }

    private ApiResponse run(Route route, ApiRequest request, Map<String, String> path) throws IOException {
        ApiParameters params = request.params().allow(route.paramNames());
        if (!route.reads()) {
            return route.handler().handle(new Route.Call(request, params, path, null));
        }
        ServedArchive.Lease lease = served.acquire();
        boolean handedOver = false;
        try {
            if (route.streams()) {
                ApiResponse response = route.handler().handle(new Route.Call(request, params, path, lease.searcher()));
                ApiResponse.Streamed body = response.stream();
                handedOver = true;
                // the reader stays leased until the last line is written
                return new ApiResponse(response.status(), response.contentType(), response.headers(), null, out -> {
                    try (lease) {
                        body.writeTo(out);
                    }
                });
            }
            try (RequestDeadline.Running deadline = RequestDeadline.start(settings.timeout())) {
                ApiResponse response = route.handler().handle(new Route.Call(request, params, path, lease.searcher()));
                if (deadline.fired()) {
                    throw new ApiError(503, "timeout", "the request took longer than " + settings.timeout().toSeconds()
                            + " s; make the query more specific (serve --timeout sets the limit)");
                }
                return response;
            }
        } finally {
            if (!handedOver) {
                lease.close();
            }
        }
    }

    private static Map<String, String> decoded(Map<String, String> values) {
        Map<String, String> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            try {
                out.put(k, URLDecoder.decode(v, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw ApiError.badParameter(k, k + " is not a well-formed path segment");
            }
        });
        return out;
    }

    /**
     * Whether the archive answers: for the local index, whether its newest commit could be read;
     * for an archive elsewhere (SolrCloud), whether it answered the count of its articles. Any
     * failure is 503 with one line.
     */
    private ApiResponse health() {
        String problem = served.health();
        if (problem != null) {
            throw new ApiError(503, "index-unavailable", problem);
        }
        try (ServedArchive.Lease lease = served.acquire()) {
            var root = JsonText.object();
            root.put("status", "ok");
            root.put("generation", lease.searcher().generation());
            root.put("articles", lease.searcher().articles());
            return ApiResponse.json(JsonText.pretty(root));
        } catch (IndexUnavailableException e) {
            throw new ApiError(503, "index-unavailable", FirstLine.of(e.getMessage()));
        } catch (UncheckedIOException e) {
            throw new ApiError(503, "index-unavailable", e.getCause() instanceof IndexUnavailableException cause
                    ? FirstLine.of(cause.getMessage()) : unreadable(e.getCause()));
        } catch (RuntimeException e) {
            throw new ApiError(503, "index-unavailable", unreadable(e));
        }
    }

    private String unreadable(Throwable e) {
        String why = e == null || e.getMessage() == null || e.getMessage().isBlank() ? null : FirstLine.of(e.getMessage());
        return "cannot read " + served.describe() + (why == null ? "" : ": " + why);
    }

    /** A failure as the error a client should see: theirs (400) or ours (503, 500), in one line. */
    static ApiError failure(Exception e) {
        if (e instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof IndexUnavailableException) {
            e = unchecked.getCause();
        }
        if (e instanceof InvalidQueryException q) {
            Matcher m = COLUMN.matcher(String.valueOf(q.getMessage()));
            return ApiError.badQuery(FirstLine.of(q.getMessage()), m.find() ? Integer.valueOf(m.group(1)) : null);
        }
        if (e instanceof InvalidDateException d) {
            return new ApiError(400, "bad-date", FirstLine.of(d.getMessage()));
        }
        if (e instanceof IndexUnavailableException || e instanceof CorruptIndexException) {
            return new ApiError(503, "index-unavailable", FirstLine.of(e.getMessage()));
        }
        return new ApiError(500, "internal", "the server failed to answer (" + e.getClass().getSimpleName() + ")");
    }
}
