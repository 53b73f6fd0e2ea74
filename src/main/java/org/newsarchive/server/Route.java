package org.newsarchive.server;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.newsarchive.query.Archive;

/**
 * One endpoint: its path pattern ({@code /api/articles/{id}}), what it answers, its parameters,
 * and the code that answers. The router dispatches on this table and the OpenAPI description is
 * made from it, so an endpoint cannot be served without being described.
 *
 * @param method    {@code GET} or {@code POST}
 * @param summary   one line for the OpenAPI description
 * @param paramNames the names of {@code params}, the only query parameters a request may give (kept,
 *                   not derived per request)
 * @param reads     whether it reads the index (it then gets a searcher and the request's deadline)
 * @param streams   whether its answer is streamed (no deadline: an export runs as long as it takes)
 */
record Route(String method, String pattern, String summary, List<Param> params, Set<String> paramNames, boolean reads,
        boolean streams, Handler handler) {

    Route {
        params = List.copyOf(params);
    }

    /** A route whose accepted parameter names are those of {@code params}. */
    Route(String method, String pattern, String summary, List<Param> params, boolean reads, boolean streams,
            Handler handler) {
        this(method, pattern, summary, params, params.stream().map(Param::name).collect(Collectors.toUnmodifiableSet()),
                reads, streams, handler);
    }

    /** Answers one request. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(Call call) throws IOException;
    }

    /**
     * One request to a route: the request, its checked parameters, the values of the path's
     * {@code {placeholders}}, and the searcher of the reader it runs on (null for routes that do
     * not read the index).
     */
    record Call(ApiRequest request, ApiParameters params, Map<String, String> path, Archive searcher) {
    }

    static Route get(String pattern, String summary, List<Param> params, Handler handler) {
        return new Route("GET", pattern, summary, params, true, false, handler);
    }

    /**
     * The values of the placeholders when {@code path} fits the pattern, else null. A placeholder
     * matches one non-empty segment.
     */
    Map<String, String> match(String path) {
        String[] want = pattern.split("/", -1);
        String[] have = path.split("/", -1);
        if (want.length != have.length) {
            return null;
        }
        Map<String, String> values = new java.util.HashMap<>();
        for (int i = 0; i < want.length; i++) {
            if (want[i].startsWith("{") && want[i].endsWith("}")) {
                if (have[i].isEmpty()) {
                    return null;
                }
                values.put(want[i].substring(1, want[i].length() - 1), have[i]);
            } else if (!want[i].equals(have[i])) {
                return null;
            }
        }
        return values;
    }
}
