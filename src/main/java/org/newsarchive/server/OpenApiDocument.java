package org.newsarchive.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;
import org.newsarchive.json.JsonText;

/**
 * The OpenAPI 3 description of the API, made from the route table the server dispatches on, so
 * that it lists exactly the endpoints and parameters that exist.
 */
final class OpenApiDocument {

    private OpenApiDocument() {
    }

    static String of(List<Route> routes, String version, boolean token) {
        ObjectNode root = JsonText.object();
        root.put("openapi", "3.0.3");
        ObjectNode info = root.putObject("info");
        info.put("title", "newsarchive");
        info.put("version", version);
        info.put("description", "Read-only search over a news archive. Errors are "
                + "{\"error\": {\"code\", \"message\", \"column\"?, \"parameter\"?}}.");
        ObjectNode paths = root.putObject("paths");
        for (Route route : routes) {
            ObjectNode path = paths.has(route.pattern()) ? (ObjectNode) paths.get(route.pattern())
                    : paths.putObject(route.pattern());
            ObjectNode operation = path.putObject(route.method().toLowerCase(Locale.ROOT));
            operation.put("summary", route.summary());
            operation.put("operationId", operationId(route));
            ArrayNode parameters = operation.putArray("parameters");
            for (String segment : route.pattern().split("/")) {
                if (segment.startsWith("{")) {
                    ObjectNode p = parameters.addObject();
                    p.put("name", segment.substring(1, segment.length() - 1));
                    p.put("in", "path");
                    p.put("required", true);
                    p.putObject("schema").put("type", "string");
                }
            }
            for (Param param : route.params()) {
                ObjectNode p = parameters.addObject();
                p.put("name", param.name());
                p.put("in", "query");
                p.put("description", param.description());
                ObjectNode schema = p.putObject("schema");
                if (param.repeatable()) {
                    schema.put("type", "array");
                    schema.putObject("items").put("type", param.type());
                    p.put("explode", true);
                } else {
                    schema.put("type", param.type());
                }
            }
            ObjectNode responses = operation.putObject("responses");
            responses.putObject("200").put("description", "The answer.");
            responses.putObject("400").put("description", "A bad query, date or parameter.");
            responses.putObject("404").put("description", "An unknown id.");
            responses.putObject("503").put("description", "Busy, timed out, or the index cannot be read.");
        }
        if (token) {
            root.putObject("components").putObject("securitySchemes").putObject("bearer")
                    .put("type", "http").put("scheme", "bearer");
            root.putArray("security").addObject().putArray("bearer");
        }
        return JsonText.pretty(root);
    }

    private static String operationId(Route route) {
        StringBuilder id = new StringBuilder(route.method().toLowerCase(Locale.ROOT));
        for (String segment : route.pattern().split("/")) {
            if (segment.isEmpty() || segment.equals("api")) {
                continue;
            }
            String word = segment.startsWith("{") ? "By" + segment.substring(1, 2).toUpperCase(Locale.ROOT)
                    + segment.substring(2, segment.length() - 1) : segment.replace(".json", "");
            id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
        }
        return id.toString();
    }
}
