package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One request model: the same request through the CLI ({@code --format json}) and through the
 * API gives the same bytes (but the time it took).
 */
class ApiCliParityTest {

    @TempDir
    static Path folder;
    static Path index;
    static ArchiveServer server;
    static HttpClientForTests http;

    @BeforeAll
    static void start() throws IOException {
        index = TestArchive.build(folder);
        server = ArchiveServer.start(ServerSettings.forIndex(index));
        http = new HttpClientForTests(server.address());
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    /**
     * A request in options named as the API names them ({@code all_words}); the CLI spells
     * them {@code --all-words}. A null value is a flag.
     */
    record Request(String command, String positional, List<String[]> options) {
        List<String> cli() {
            List<String> args = new ArrayList<>(List.of("--index", index.toString(), command));
            if (positional != null) {
                args.add(positional);
            }
            for (String[] option : options) {
                args.add("--" + option[0].replace('_', '-'));
                if (option[1] != null) {
                    args.add(option[1]);
                }
            }
            args.add("--format");
            args.add("json");
            return args;
        }

        String http(String path, String positionalName) {
            StringBuilder url = new StringBuilder(path).append('?');
            if (positional != null && positionalName != null) {
                url.append(positionalName).append('=').append(HttpClientForTests.encode(positional)).append('&');
            }
            for (String[] option : options) {
                url.append(option[0]).append('=').append(option[1] == null ? "true"
                        : HttpClientForTests.encode(option[1])).append('&');
            }
            return url.toString();
        }

        @Override
        public String toString() {
            return String.join(" ", cli().subList(2, cli().size()));
        }
    }

    static Request search(String q, String... options) {
        List<String[]> list = new ArrayList<>();
        for (int i = 0; i < options.length; i += 2) {
            list.add(new String[] {options[i], options[i + 1]});
        }
        return new Request("search", q, list);
    }

    static Stream<Request> searches() {
        return Stream.of(
                search("cocoa"),
                search("cocoa london"),
                search("cocoa prices london sharply"),
                search("\"interest rates\""),
                search("gold OR silver"),
                search("cocoa NOT ghana"),
                search("coc*"),
                search("cocao~1"),
                search("headline:cocoa"),
                search("date:2023-02"),
                search("date:[2023-01-10 TO 2023-02-10]"),
                search("*:*", "sort", "newest", "limit", "5", "offset", "3"),
                search("*:*", "sort", "oldest", "limit", "4"),
                search("trade", "person", "Ronald Reagan"),
                search("*:*", "place", "Japan"),
                search("*:*", "org", "Bank of Japan", "place", "Tokyo"),
                search("cocoa", "from", "2023-03"),
                search("cocoa", "to", "2023-01"),
                search("cocoa", "from", "2023-01-10", "to", "2023-03-23"),
                search("cocoa", "collapse", null),
                search("cocoa london", "all_words", null),
                search("cocoa london", "expand", null),
                search("dealers", "expand", null, "limit", "3", "offset", "2"),
                search("cocao harvst"),
                search("*:*", "person", "Reagen"),
                search("oil", "sort", "oldest"),
                search("yen dollar", "limit", "0"),
                search("cocoa", "offset", "20"),
                search("dealers london", "limit", "3", "offset", "2"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("searches")
    void searchGivesTheSameJsonBothWays(Request request) {
        String cli = TestArchive.run(folder, 0, request.cli().toArray(String[]::new));
        HttpResponse<String> api = http.get(request.http("/api/search", "q"));
        assertEquals(200, api.statusCode(), api.body());
        assertEquals(withoutTime(cli), withoutTime(api.body()));
    }

    static Stream<Request> others() {
        String id = firstId();
        return Stream.of(
                new Request("show", id, List.of()),
                new Request("entities", "cocoa", List.of()),
                new Request("entities", "*:*", List.<String[]>of(new String[] {"type", "place"},
                        new String[] {"limit", "5"})),
                new Request("entities", "*:*", List.<String[]>of(new String[] {"with", "London"})),
                new Request("entities", "*:*", List.<String[]>of(new String[] {"from", "2023-02"},
                        new String[] {"to", "2023-02"})),
                new Request("timeline", "cocoa", List.<String[]>of(new String[] {"by", "month"})),
                new Request("timeline", "*:*", List.<String[]>of(new String[] {"by", "week"},
                        new String[] {"from", "2023-02"}, new String[] {"to", "2023-03-10"})),
                new Request("timeline", "*:*", List.<String[]>of(new String[] {"by", "month"},
                        new String[] {"place", "Japan"}, new String[] {"person", "Ronald Reagan"})),
                new Request("timeline", "cocoa", List.<String[]>of(new String[] {"share", null},
                        new String[] {"compare", "oil"})),
                new Request("similar", id, List.of()),
                new Request("similar", id, List.<String[]>of(new String[] {"thread", null},
                        new String[] {"limit", "3"})));
    }

    private static String firstId() {
        try {
            return http.get("/api/search?q=" + HttpClientForTests.encode("headline:\"Cocoa prices rise\""))
                    .body().split("\"id\" : \"")[1].substring(0, 16);
        } catch (RuntimeException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("others")
    void otherCommandsGiveTheSameJsonBothWays(Request request) {
        String cli = TestArchive.run(folder, 0, request.cli().toArray(String[]::new));
        String path = switch (request.command()) {
            case "show" -> request.http("/api/articles/" + request.positional(), null);
            case "similar" -> request.http("/api/similar/" + request.positional(), null);
            default -> request.http("/api/" + request.command(), "q");
        };
        HttpResponse<String> api = http.get(path);
        assertEquals(200, api.statusCode(), api.body());
        assertEquals(withoutTime(cli), withoutTime(api.body()));
    }

    @Test
    void statsAreTheSameBothWays() {
        String cli = TestArchive.run(folder, 0, "--index", index.toString(), "stats", "--format", "json");
        assertEquals(cli, http.get("/api/stats").body());
        assertTrue(cli.contains("\"articles\" : 12"), cli);
    }

    @Test
    void exportGivesTheSameLinesBothWays() {
        String cli = TestArchive.run(folder, 0, "--index", index.toString(), "search", "london", "--all",
                "--format", "jsonl", "--fields", "id,date,headline,score", "--sort", "oldest");
        HttpResponse<String> api = http.get("/api/export?q=london&fields=id,date,headline,score&sort=oldest");
        assertEquals(200, api.statusCode());
        assertEquals(cli, api.body());
        assertEquals("application/x-ndjson; charset=utf-8", api.headers().firstValue("content-type").orElseThrow());
        // every article naming London: the seven with the word in the text, headline or body
        assertEquals(7, api.body().lines().count(), api.body());
    }

    @Test
    void aBadQueryIsTheSameMessageBothWays() {
        String cli = TestArchiveErrors.stderr(folder, "--index", index.toString(), "search", "cocoa AND (");
        HttpResponse<String> api = http.get("/api/search?q=" + HttpClientForTests.encode("cocoa AND ("));
        assertEquals(400, api.statusCode());
        assertEquals("{\"error\":{\"code\":\"bad-query\",\"message\":\"" + cli.substring("newsarchive: ".length())
                + "\",\"column\":12}}\n", api.body());
    }

    static String withoutTime(String json) {
        return json.replaceAll("\"took_ms\" : \\d+", "\"took_ms\" : 0");
    }
}
