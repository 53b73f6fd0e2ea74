package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One fixture per format ({@code src/test/resources/formats}: seed text, a news-please file, a
 * JSON array, JSON lines with a bad line, gzip JSON lines), indexed together, with every record
 * read back exactly.
 */
class FormatFixturesTest {

    static final List<String> FIXTURES = List.of("seed.txt", "news-please.json", "array.json", "lines.jsonl",
            "compressed.jsonl.gz");

    @TempDir
    Path home;

    @TempDir
    Path archive;

    static String sha256Hex(String text) {
        return CliRun.sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyFormatGivesExactlyTheExpectedRecords() throws IOException {
        for (String name : FIXTURES) {
            try (InputStream in = FormatFixturesTest.class.getResourceAsStream("/formats/" + name)) {
                Files.copy(in, archive.resolve(name));
            }
        }
        Path real = archive.toRealPath();
        Path index = home.resolve("idx");
        CliRun indexed = CliRun.run(home, "--index", index.toString(), "index", "--no-entities", "--format", "json",
                archive.toString()).expect(ExitCodes.REJECTED);
        assertEquals(List.of("rejected " + real.resolve("lines.jsonl") + ":2: impossible date 2024-02-30"),
                indexed.errLines());
        assertEquals(7, indexed.json().get("added").asInt());

        Map<String, String> byHeadline = new TreeMap<>();
        for (JsonNode line : CliRun.run(home, "--index", index.toString(), "search", "--all", "--format", "jsonl",
                "--fields", "id,published,headline,body,path,url,source,authors,language", "*:*").expect(0).jsonLines()) {
            byHeadline.put(line.get("headline").asText(), line.toString());
        }
        String thirdLine = Files.readAllLines(archive.resolve("lines.jsonl")).get(2);
        assertEquals(Map.of(
                "HARBOUR BRIDGE REOPENS", json(CliRun.idOf(real.resolve("seed.txt")), "2024-03-05", "HARBOUR BRIDGE REOPENS",
                        "The harbour bridge reopened on Tuesday after six weeks of repairs.\n\nTraffic was light in the morning.",
                        real.resolve("seed.txt"), null, null, List.of(), null),
                "Council approves tram line", json(urlId("https://www.citypaper.example/local/tram"), "2024-03-05T18:45:00",
                        "Council approves tram line",
                        "The city council approved the new tram line on Tuesday evening.\n\nConstruction starts in May.",
                        real.resolve("news-please.json"), "https://www.citypaper.example/local/tram", "citypaper.example",
                        List.of("Mara Lind", "Tom Berg"), "en"),
                "Ferry timetable changes", json(urlId("https://ferries.example/news/timetable"), "2024-03-04T09:00:00+01:00",
                        "Ferry timetable changes", "Ferries will run every 20 minutes from April.", real.resolve("array.json"),
                        "https://ferries.example/news/timetable", "ferries.example", List.of("Ola Nordmann"), null),
                "Ferry fares frozen", json(idOfCanonical("{\"headline\":\"Ferry fares frozen\",\"body\":[\"Fares stay the same"
                        + " this year.\",\"The operator cited lower fuel costs.\"],\"publishedAt\":\"Mon, 04 Mar 2024 12:00:00"
                        + " GMT\",\"source\":{\"id\":null,\"name\":\"Ferry Weekly\"}}"), "2024-03-04T12:00:00Z", "Ferry fares frozen",
                        "Fares stay the same this year.\n\nThe operator cited lower fuel costs.", real.resolve("array.json"),
                        null, "ferry weekly", List.of(), null),
                "Market opens higher", json(urlId("https://markets.example/open"), "2024-03-06", "Market opens higher",
                        "Shares opened higher on Wednesday.", real.resolve("lines.jsonl"), "https://markets.example/open",
                        "markets.example", List.of("Ann Lee"), "en"),
                "Market closes flat", json(sha256Hex(thirdLine).substring(0, 16), "2024-03-06T18:00:00Z",
                        "Market closes flat", "Shares closed flat.", real.resolve("lines.jsonl"), null, null, List.of(), null),
                "Compressed story", json(urlId("https://gz.example/1"), "2024-03-07T10:00:00", "Compressed story",
                        "This one came gzip-compressed.", real.resolve("compressed.jsonl.gz"), "https://gz.example/1",
                        "gz.example", List.of(), "de")),
                byHeadline);
    }

    static String urlId(String url) {
        return sha256Hex("url " + url).substring(0, 16);
    }

    static String idOfCanonical(String compactJson) {
        return sha256Hex(compactJson).substring(0, 16);
    }

    static String json(String id, String published, String headline, String body, Path path, String url, String source,
            List<String> authors, String language) {
        var node = CliRun.MAPPER.createObjectNode();
        node.put("id", id);
        node.put("published", published);
        node.put("headline", headline);
        node.put("body", body);
        node.put("path", path.toString());
        node.put("url", url);
        node.put("source", source);
        var names = node.putArray("authors");
        authors.forEach(names::add);
        node.put("language", language);
        return node.toString();
    }
}
