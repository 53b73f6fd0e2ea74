package org.newsarchive.server;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A request as the endpoints see it, independent of the HTTP library: method, decoded path,
 * query parameters (each name with its values in order), headers (names in lower case) and
 * body.
 */
record ApiRequest(String method, String path, Map<String, List<String>> parameters, Map<String, String> headers,
        byte[] body) {

    ApiRequest {
        parameters = Map.copyOf(parameters);
        headers = Map.copyOf(headers);
    }

    /** A header's value, or null. */
    String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    ApiParameters params() {
        return new ApiParameters(parameters);
    }
}
