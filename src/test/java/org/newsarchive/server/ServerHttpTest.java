package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server over real HTTP: errors, limits, safety, the page's files, health and OpenAPI. */
class ServerHttpTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path folder;
    static Path index;
    static ArchiveServer server;
    static HttpClientForTests http;

    @BeforeAll
    static void start() throws IOException {
        index = TestArchive.build(folder);
        server = ArchiveServer.start(ServerSettings.forIndex(index).withLimits(200, 50, java.time.Duration.ofSeconds(10), 4)
                .withRequestSizes(1000, 600, 4000));
        http = new HttpClientForTests(server.address());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static JsonNode error(HttpResponse<String> response, int status, String code) throws IOException {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/json; charset=utf-8", response.headers().firstValue("content-type").orElseThrow());
        JsonNode error = JSON.readTree(response.body()).get("error");
        assertEquals(code, error.get("code").asText(), response.body());
        assertFalse(response.body().contains("\tat "), response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        return error;
    }

    @Test
    void badQueriesDatesAndParametersAre400WithOneLine() throws IOException {
        JsonNode query = error(http.get("/api/search?q=" + HttpClientForTests.encode("\"open")), 400, "bad-query");
        assertEquals("invalid query at column 1: the quote opened here is never closed", query.get("message").asText());
        assertEquals(1, query.get("column").asInt());
        JsonNode date = error(http.get("/api/search?q=x&from=2023-13"), 400, "bad-date");
        assertEquals("invalid date '2023-13': not a date in the calendar", date.get("message").asText());
        assertEquals("from", date.get("parameter").asText());
        assertEquals("the date range is empty: 2023-03-01 is after 2023-01-31",
                error(http.get("/api/search?q=x&from=2023-03&to=2023-01"), 400, "bad-date").get("message").asText());
        JsonNode unknown = error(http.get("/api/search?q=x&form=2023"), 400, "bad-parameter");
        assertEquals("form", unknown.get("parameter").asText());
        assertTrue(unknown.get("message").asText().startsWith("unknown parameter 'form' (known: all_words, author,"));
        assertEquals("limit must be from 0 to 50, not 51",
                error(http.get("/api/search?q=x&limit=51"), 400, "bad-parameter").get("message").asText());
        assertEquals("limit must be a whole number, not 'ten'",
                error(http.get("/api/search?q=x&limit=ten"), 400, "bad-parameter").get("message").asText());
        assertEquals("sort must be relevance, newest or oldest, not 'best'",
                error(http.get("/api/search?q=x&sort=best"), 400, "bad-parameter").get("message").asText());
        assertEquals("q is 201 characters long; the limit is 200",
                error(http.get("/api/search?q=" + "a".repeat(201)), 400, "bad-parameter").get("message").asText());
        assertEquals("collapse must be true or false, not 'maybe'",
                error(http.get("/api/search?q=x&collapse=maybe"), 400, "bad-parameter").get("message").asText());
        assertEquals("q is given 2 times; give it once",
                error(http.get("/api/search?q=x&q=y"), 400, "bad-parameter").get("message").asText());
        assertTrue(raw("GET /api/search?q=a%zz HTTP/1.1", "localhost").startsWith("HTTP/1.1 400"));
        assertTrue(raw("GET /api/search?q=%E2%82 HTTP/1.1", "localhost").startsWith("HTTP/1.1 "));
        error(http.get("/api/timeline?q=x&by=fortnight"), 400, "bad-parameter");
        error(http.get("/api/entities?type=planet"), 400, "bad-parameter");
        error(http.get("/api/export?q=x&fields=title"), 400, "bad-parameter");
        error(http.get("/api/export?q=x&collapse=true"), 400, "bad-parameter");
    }

    @Test
    void unknownIdsAndPathsAre404() throws IOException {
        assertEquals("no article with id 'ffffffffffffffff' in the index",
                error(http.get("/api/articles/ffffffffffffffff"), 404, "not-found").get("message").asText());
        error(http.get("/api/similar/ffffffffffffffff"), 404, "not-found");
        error(http.get("/api/articles/ffffffffffffffff/mentions"), 404, "not-found");
        error(http.get("/api/nothing"), 404, "not-found");
        error(http.get("/nothing.html"), 404, "not-found");
        error(http.get("/api/articles/"), 404, "not-found");
    }

    @Test
    void otherMethodsAre405() throws IOException {
        HttpResponse<String> post = http.send(HttpRequest.newBuilder(server.address().resolve("/api/search?q=x"))
                .POST(HttpRequest.BodyPublishers.ofString("x")));
        error(post, 405, "method-not-allowed");
        HttpResponse<String> delete = http.send(HttpRequest.newBuilder(server.address().resolve("/api/stats")).DELETE());
        error(delete, 405, "method-not-allowed");
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(server.address().resolve("/"))
                .PUT(HttpRequest.BodyPublishers.ofString("x")));
        error(put, 405, "method-not-allowed");
    }

    @Test
    void oversizedRequestsAreRefused() throws IOException {
        error(http.get("/api/search?q=" + "a".repeat(700)), 414, "uri-too-long");
        HttpResponse<String> body = http.send(HttpRequest.newBuilder(server.address().resolve("/api/cli"))
                .header("Content-Type", "application/json").header("X-Newsarchive-Cli", "1")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(2000))));
        error(body, 413, "too-large");
        error(http.get("/api/stats", Map.of("X-Padding", "p".repeat(5000))), 431, "headers-too-large");
    }

    /** Raw requests, as a hostile client would send them: no client library normalising the path. */
    static String raw(String requestLine, String host) throws IOException {
        try (Socket socket = new Socket(server.address().getHost(), server.address().getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            in.transferTo(bytes);
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/../pom.xml", "/..%2fpom.xml", "/%2e%2e/%2e%2e/etc/passwd", "/..\\..\\etc\\passwd",
        "/%2E%2E%2Fetc%2Fpasswd", "//etc/passwd", "/etc/passwd", "/./index.html/../../x", "/app.js%00.html",
        "/org/newsarchive/server/web/index.html", "/api/../../etc/passwd", "/%252e%252e/etc/passwd"})
    void noPathOutsideThePageIsServed(String path) throws IOException {
        String answer = raw("GET " + path + " HTTP/1.1", "localhost");
        String status = answer.lines().findFirst().orElse("");
        assertTrue(status.startsWith("HTTP/1.1 404") || status.startsWith("HTTP/1.1 400"), path + ": " + status);
        assertFalse(answer.contains("root:"), answer);
        assertFalse(answer.contains("<project"), answer);
    }

    @Test
    void foreignHostNamesAreRefused() throws IOException {
        String rebound = raw("GET /api/stats HTTP/1.1", "evil.example.com:8080");
        assertTrue(rebound.startsWith("HTTP/1.1 403"), rebound);
        assertTrue(rebound.contains("\"code\":\"forbidden-host\""), rebound);
        assertTrue(raw("GET /api/stats HTTP/1.1", "localhost:1234").startsWith("HTTP/1.1 200"));
        assertTrue(raw("GET /api/stats HTTP/1.1", "127.0.0.1").startsWith("HTTP/1.1 200"));
        assertTrue(raw("GET /api/stats HTTP/1.1", "[::1]:80").startsWith("HTTP/1.1 200"));
    }

    @Test
    void thePageComesWithSecurityHeadersAndNoCrossOriginReads() {
        HttpResponse<String> page = http.get("/");
        assertEquals(200, page.statusCode());
        assertEquals("text/html; charset=utf-8", page.headers().firstValue("content-type").orElseThrow());
        String csp = page.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'self';"), csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertEquals("nosniff", page.headers().firstValue("x-content-type-options").orElseThrow());
        HttpResponse<String> api = http.get("/api/stats", Map.of("Origin", "https://elsewhere.example"));
        assertTrue(api.headers().firstValue("access-control-allow-origin").isEmpty());
        assertEquals(200, http.get("/app.js").statusCode());
        assertEquals(200, http.get("/app.css").statusCode());
    }

    @Test
    void healthGivesTheGenerationAndArticles() throws IOException {
        HttpResponse<String> health = http.get("/api/health");
        assertEquals(200, health.statusCode());
        JsonNode node = JSON.readTree(health.body());
        assertEquals("ok", node.get("status").asText());
        assertEquals(12, node.get("articles").asInt());
        assertTrue(node.get("generation").asLong() >= 1);
    }

    @Test
    void headAnswersWithoutABody() {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(server.address().resolve("/api/stats"))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertEquals(200, head.statusCode());
        assertEquals("", head.body());
    }

    @Test
    void theOpenApiDescriptionListsEveryEndpointAndParameter() throws IOException {
        JsonNode api = JSON.readTree(http.get("/api/openapi.json").body());
        assertEquals("3.0.3", api.get("openapi").asText());
        Set<String> described = new HashSet<>();
        api.get("paths").fieldNames().forEachRemaining(described::add);
        assertEquals(Set.of("/api/search", "/api/export", "/api/facets", "/api/articles/{id}",
                "/api/articles/{id}/mentions", "/api/similar/{id}", "/api/entities", "/api/timeline", "/api/stats",
                "/api/health", "/api/openapi.json", "/api/cli"), described);
        Set<String> searchParams = new HashSet<>();
        api.get("paths").get("/api/search").get("get").get("parameters")
                .forEach(p -> searchParams.add(p.get("name").asText()));
        assertEquals(Set.of("q", "from", "to", "sort", "limit", "offset", "person", "org", "place", "misc", "source",
                "author", "collapse", "all_words", "expand"), searchParams);
        Set<String> facetParams = new HashSet<>();
        api.get("paths").get("/api/facets").get("get").get("parameters")
                .forEach(p -> facetParams.add(p.get("name").asText()));
        assertEquals(Set.of("q", "from", "to", "person", "org", "place", "misc", "source", "author", "facet_limit"),
                facetParams);
        // every documented endpoint answers (none is described but missing)
        for (String path : described) {
            if (path.contains("{") || path.equals("/api/cli")) {
                continue;
            }
            assertEquals(200, http.get(path).statusCode(), path);
        }
    }

    @Test
    void parametersAnEndpointWouldPassOverAre400() throws IOException {
        assertEquals("expand changes the ranking by relevance: it takes no sort=newest",
                error(http.get("/api/search?q=x&expand=true&sort=newest"), 400, "bad-parameter").get("message").asText());
        assertEquals("expand changes the ranking by relevance: it takes no sort=oldest",
                error(http.get("/api/search?q=x&expand&sort=oldest"), 400, "bad-parameter").get("message").asText());
        assertEquals("an export holds every match ranked without feedback: it takes no expand",
                error(http.get("/api/export?q=x&expand=true"), 400, "bad-parameter").get("message").asText());
        for (String name : List.of("sort=newest", "all_words=true", "expand=true", "collapse=true", "limit=5", "offset=10")) {
            JsonNode refused = error(http.get("/api/facets?q=x&" + name), 400, "bad-parameter");
            String parameter = name.substring(0, name.indexOf('='));
            assertEquals("facets count every complete match, in no order and on no page: they take no " + parameter,
                    refused.get("message").asText());
        }
        // what the page sends, and the same with the default order, is answered
        assertEquals(200, http.get("/api/search?q=x&expand=true&sort=relevance").statusCode());
        assertEquals(200, http.get("/api/facets?q=x&from=1987&place=Japan&facet_limit=3").statusCode());
    }

    @Test
    void facetsCountEachTypeWithoutItsOwnFilter() throws IOException {
        JsonNode all = JSON.readTree(http.get("/api/facets?q=*:*").body()).get("facets");
        JsonNode japan = JSON.readTree(http.get("/api/facets?q=*:*&place=Japan").body()).get("facets");
        // choosing Japan leaves the place counts as they were, and narrows the others
        assertEquals(all.get("place"), japan.get("place"));
        assertTrue(japan.get("person").size() <= all.get("person").size());
        JsonNode search = JSON.readTree(http.get("/api/search?q=*:*&place=Japan&limit=0").body());
        long japanArticles = search.get("total").asLong();
        for (JsonNode place : all.get("place")) {
            if (place.get("name").asText().equals("Japan")) {
                assertEquals(japanArticles, place.get("articles").asLong());
            }
        }
    }

    @Test
    void mentionsGiveOffsetsIntoHeadlineAndBody() throws IOException {
        String id = JSON.readTree(http.get("/api/search?q=" + HttpClientForTests.encode("headline:\"Reagan and Thatcher\""))
                .body()).get("hits").get(0).get("id").asText();
        JsonNode mentions = JSON.readTree(http.get("/api/articles/" + id + "/mentions").body());
        String text = mentions.get("text").asText();
        assertTrue(text.startsWith("Reagan and Thatcher discuss trade\n\nRonald Reagan"), text);
        assertEquals("Reagan and Thatcher discuss trade".length(), mentions.get("headline_length").asInt());
        boolean thatcher = false;
        for (JsonNode entity : mentions.get("entities")) {
            for (JsonNode m : entity.get("mentions")) {
                String form = text.substring(m.get("start").asInt(), m.get("end").asInt());
                assertFalse(form.isBlank());
                if (entity.get("name").asText().equals("Margaret Thatcher")) {
                    thatcher = true;
                    assertTrue(form.equals("Margaret Thatcher") || form.equals("Thatcher"), form);
                }
            }
        }
        assertTrue(thatcher, mentions.toString());
    }

    @Test
    void aTokenIsNeededWhenOneIsSet(@TempDir Path other) throws IOException {
        Path copy = TestArchive.build(other);
        String token = "0123456789abcdef0123";
        try (ArchiveServer locked = ArchiveServer.start(ServerSettings.forIndex(copy)
                .withAccess(token, "https://news.example.org", Set.of()))) {
            HttpClientForTests client = new HttpClientForTests(locked.address());
            error(client.get("/api/stats"), 401, "unauthorized");
            error(client.get("/api/stats", Map.of("Authorization", "Bearer wrong")), 401, "unauthorized");
            HttpResponse<String> ok = client.get("/api/stats", Map.of("Authorization", "Bearer " + token,
                    "Origin", "https://news.example.org"));
            assertEquals(200, ok.statusCode());
            assertEquals("https://news.example.org", ok.headers().firstValue("access-control-allow-origin").orElseThrow());
            assertTrue(Files.readString(copy.resolve("serve.address")).contains("auth=token"));
        }
        assertFalse(Files.exists(copy.resolve("serve.address")), "the address file is removed on stop");
    }
}
