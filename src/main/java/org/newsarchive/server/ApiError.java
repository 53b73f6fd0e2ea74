package org.newsarchive.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.newsarchive.json.JsonText;

/**
 * A request the server refuses or cannot answer, with its HTTP status and the one JSON shape
 * every error has: {@code {"error": {"code", "message", ...}}}. The message is one line, for a
 * person; the code is for scripts.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final String code;
    private final Integer column;
    private final String parameter;
    private final Map<String, String> headers;

    ApiError(int status, String code, String message) {
        this(status, code, message, null, null, Map.of());
    }

    private ApiError(int status, String code, String message, Integer column, String parameter,
            Map<String, String> headers) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.column = column;
        this.parameter = parameter;
        this.headers = Map.copyOf(headers);
    }

    static ApiError badParameter(String parameter, String message) {
        return new ApiError(400, "bad-parameter", message, null, parameter, Map.of());
    }

    static ApiError badDate(String parameter, String message) {
        return new ApiError(400, "bad-date", message, null, parameter, Map.of());
    }

    static ApiError badQuery(String message, Integer column) {
        return new ApiError(400, "bad-query", message, column, null, Map.of());
    }

    static ApiError notFound(String message) {
        return new ApiError(404, "not-found", message);
    }

    /** All request slots are taken: try again in a second. */
    static ApiError busy() {
        return new ApiError(503, "busy", "the server is answering as many requests as it may; try again shortly",
                null, null, Map.of("Retry-After", "1"));
    }

    static ApiError unauthorized() {
        return new ApiError(401, "unauthorized", "this server needs 'Authorization: Bearer TOKEN'", null, null,
                Map.of("WWW-Authenticate", "Bearer"));
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** The error as its JSON answer. */
    ApiResponse response() {
        ObjectNode root = JsonText.object();
        ObjectNode error = root.putObject("error");
        error.put("code", code);
        error.put("message", getMessage());
        if (column != null) {
            error.put("column", column);
        }
        if (parameter != null) {
            error.put("parameter", parameter);
        }
        byte[] body = (JsonText.line(root) + "\n").getBytes(StandardCharsets.UTF_8);
        return ApiResponse.bytes(status, ApiResponse.JSON, body).withHeaders(headers);
    }
}
