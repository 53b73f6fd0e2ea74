package org.newsarchive.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the server sends back, independent of the HTTP library: a status, a content type, extra
 * headers, and a body that is either bytes in hand or written as it is produced (an export,
 * sent in chunks, whose memory stays flat however many articles it holds).
 *
 * @param stream the body when it is streamed, else null
 */
record ApiResponse(int status, String contentType, Map<String, String> headers, byte[] body, Streamed stream) {

    static final String JSON = "application/json; charset=utf-8";
    static final String JSON_LINES = "application/x-ndjson; charset=utf-8";
    static final String TEXT = "text/plain; charset=utf-8";

    /** A body written as it is produced; an exception while writing ends the response. */
    @FunctionalInterface
    interface Streamed {
        void writeTo(OutputStream out) throws IOException;
    }

    ApiResponse {
        headers = Map.copyOf(headers);
    }

    static ApiResponse bytes(int status, String contentType, byte[] body) {
        return new ApiResponse(status, contentType, Map.of(), body, null);
    }

    /** A JSON document, as the CLI prints it: the text and a line break. */
    static ApiResponse json(String document) {
        return bytes(200, JSON, (document + "\n").getBytes(StandardCharsets.UTF_8));
    }

    static ApiResponse streamed(String contentType, Streamed stream) {
        return new ApiResponse(200, contentType, Map.of(), null, stream);
    }

    ApiResponse withHeaders(Map<String, String> more) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.putAll(more);
        return new ApiResponse(status, contentType, all, body, stream);
    }
}
