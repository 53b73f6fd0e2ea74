package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON, JSON lines and standard input through the command line. */
class JsonIngestCliTest {

    @TempDir
    Path home;

    @TempDir
    Path archive;

    Path index() {
        return home.resolve("idx");
    }

    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index().toString()));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    static String newsPlease(String title, String text, String date, String url) {
        return "{\"authors\": [], \"date_download\": \"2024-01-01 00:00:00\", \"date_modify\": null, \"date_publish\": \""
                + date + "\", \"description\": null, \"image_url\": null, \"language\": \"en\", \"localpath\": null,"
                + " \"maintext\": \"" + text + "\", \"source_domain\": \"www.example.com\", \"title\": \"" + title + "\","
                + " \"title_page\": null, \"title_rss\": null, \"url\": \"" + url + "\"}";
    }

    List<String> headlines(CliRun search) {
        List<String> found = new ArrayList<>();
        for (JsonNode hit : search.expect(0).json().get("hits")) {
            found.add(hit.get("headline").asText());
        }
        return found;
    }

    @Test
    void indexesANewsPleaseFolder() throws IOException {
        // news-please writes one JSON file per article: data/<year>/<month>/<day>/<domain>/<hash>.json
        Path day = archive.resolve("2023/12/22/www.example.com");
        Files.createDirectories(day);
        Files.writeString(day.resolve("a1.json"), newsPlease("Storm hits the coast",
                "A storm hit the coast on Monday.\\nThousands lost power.", "2023-12-22 08:30:00", "https://www.example.com/storm"));
        Files.writeString(day.resolve("a2.json"), newsPlease("Rates held",
                "The central bank held rates.", "2023-12-22 14:00:00", "https://www.example.com/rates"));
        JsonNode summary = cli("index", "--no-entities", "--format", "json", archive.toString()).expect(0).json();
        assertEquals(2, summary.get("added").asInt());
        assertEquals(List.of("Storm hits the coast"), headlines(cli("search", "--format", "json", "power")));
        JsonNode hit = cli("search", "--format", "json", "rates").expect(0).json().get("hits").get(0);
        assertEquals("2023-12-22T14:00:00", hit.get("published").asText());
    }

    @Test
    void badLinesAreReportedWithFileAndLineAndTheRestIsIndexed() throws IOException {
        Path feed = archive.resolve("feed.jsonl");
        Files.writeString(feed, String.join("\n",
                newsPlease("One", "First story.", "2023-12-22", "u1"),
                "{\"title\": \"Two\", \"maintext\": \"No date here.\"}",
                "{\"title\": \"Three\"",
                newsPlease("Four", "Fourth story.", "2023-12-23", "u4")) + "\n");
        Path report = home.resolve("rejected.jsonl");
        CliRun run = cli("index", "--no-entities", "--report", report.toString(), archive.toString()).expect(ExitCodes.REJECTED);
        String file = feed.toRealPath().toString();
        assertEquals(List.of(
                "rejected " + file + ":2: no date (looked for date_publish, date, published, publishedAt, published_at,"
                        + " datePublished, pubDate, publication_date)",
                "rejected " + file + ":3: bad JSON: it ends in the middle of a value (column 18)"),
                run.errLines().stream().sorted().toList());
        assertEquals("indexed into " + index() + " in 0.0 s: 2 added, 0 updated, 0 unchanged, 0 deleted, 2 rejected",
                run.out().lines().findFirst().orElseThrow().replaceAll("in [0-9.]+ s", "in 0.0 s"));
        List<String> reported = Files.readAllLines(report).stream().sorted().toList();
        assertEquals("{\"path\":\"" + file + "\",\"line\":2,\"reason\":\"no-date\",\"detail\":\"no date (looked for"
                + " date_publish, date, published, publishedAt, published_at, datePublished, pubDate, publication_date)\"}",
                reported.get(0));
        assertEquals(List.of("Four", "One"), headlines(cli("search", "--format", "json", "story"))
                .stream().sorted().toList());
    }

    @Test
    void standardInputIsIndexedWithDash() {
        String input = newsPlease("From a pipe", "Piped text.", "2023-12-22", "https://example.com/p") + "\n";
        CliRun run = CliRun.runWithInput(home, input, "--index", index().toString(), "index", "--no-entities",
                "--format", "json", "-");
        assertEquals(1, run.expect(0).json().get("added").asInt());
        JsonNode hit = cli("search", "--format", "json", "piped").expect(0).json().get("hits").get(0);
        assertEquals("From a pipe", hit.get("headline").asText());
        assertEquals("<stdin>", hit.get("path").asText());
    }

    @Test
    void onATerminalStandardInputSaysWhatItWaitsFor() {
        CliRun run = CliRun.run(new CliEnvironment(java.util.Map.of(), home, true)
                .withStandardInput(new java.io.ByteArrayInputStream(new byte[0])),
                "--index", index().toString(), "index", "--quiet", "-");
        assertEquals("newsarchive: reading JSON lines from standard input; end with Ctrl-D", run.expect(0).oneErrorLine());
    }

    @Test
    void standardInputAndFilesTogether() throws IOException {
        Files.writeString(archive.resolve("a.jsonl"), newsPlease("File story", "From a file.", "2023-12-22", "f") + "\n");
        String input = newsPlease("Pipe story", "From a pipe.", "2023-12-22", "p") + "\n";
        CliRun run = CliRun.runWithInput(home, input, "--index", index().toString(), "index", "--no-entities",
                "--format", "json", archive.toString(), "-");
        assertEquals(2, run.expect(0).json().get("added").asInt());
    }

    @Test
    void progressCountsArticlesWhenFilesHoldMany() {
        assertEquals("\rindexing: 1 / 3 files, 20,000 articles  10,000 articles/s   ",
                IndexRunReporter.progressLine(1, 20_000, 3, 2.0));
        assertEquals("\rindexing: 10 / 30 files  5 files/s  ETA 0:04   ", IndexRunReporter.progressLine(10, 10, 30, 2.0));
    }

    @Test
    void dashTwiceIsAUsageError() {
        assertEquals("newsarchive: '-' (standard input) can be given once",
                CliRun.runWithInput(home, "", "--index", index().toString(), "index", "-", "-").expect(ExitCodes.USAGE)
                        .oneErrorLine());
    }

    @Test
    void aBadFieldMapIsAUsageError() {
        assertEquals("newsarchive: --field-map: unknown part 'kicker' in 'deck=kicker' (headline, text, description,"
                + " date, url, source, authors or language)",
                cli("index", "--field-map", "deck=kicker", archive.toString()).expect(ExitCodes.USAGE).oneErrorLine());
    }

    @Test
    void reindexReadsWithTheRecordedFieldMap() throws IOException {
        Files.writeString(archive.resolve("export.jsonl"), "{\"hed\": \"Mapped story\", \"story\": \"Mapped text.\","
                + " \"when\": \"2023-12-22\"}\n");
        cli("index", "--no-entities", "--field-map", "hed=headline,story=text,when=date", archive.toString()).expect(0);
        JsonNode rebuilt = cli("reindex", "--no-entities", "--format", "json").expect(0).json();
        assertEquals(1, rebuilt.get("added").asInt());
        assertEquals(List.of("Mapped story"), headlines(cli("search", "--format", "json", "mapped")));
    }

    @Test
    void aFieldMapReadsOtherExports() throws IOException {
        Files.writeString(archive.resolve("export.json"),
                "[{\"hed\": \"Mapped story\", \"story\": \"Mapped text.\", \"when\": \"Fri, 22 Dec 2023 08:30:00 GMT\"}]");
        cli("index", "--no-entities", "--field-map", "hed=headline,story=text,when=date", archive.toString()).expect(0);
        JsonNode hit = cli("search", "--format", "json", "mapped").expect(0).json().get("hits").get(0);
        assertEquals("Mapped story", hit.get("headline").asText());
        assertEquals("2023-12-22T08:30:00Z", hit.get("published").asText());
    }
}
