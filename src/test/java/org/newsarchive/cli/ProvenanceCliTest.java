package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.DictionaryRecognizer;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.ArticleId;

/**
 * URL, source, authors and language of JSON records through the CLI: query fields, search
 * filters, hits, show, counts and export; a seed-format article beside them keeps its output.
 */
class ProvenanceCliTest {

    @TempDir
    static Path dir;

    static Path home;
    static Path index;
    static Path records;
    static Path seed;

    static final String STORM = ArticleId.ofUrl("https://www.example.com/a/1");
    static final String HARBOR = ArticleId.ofUrl("https://news.example.org/b/2");
    static final String STURM = ArticleId.ofUrl("https://www.zeitung.de/c/3");
    static final String MARKETS = ArticleId.ofUrl("https://www.example.com/d/4");
    static String seedId;

    @BeforeAll
    static void buildIndex() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Path data = Files.createDirectories(dir.resolve("data"));
        records = Files.writeString(data.resolve("news.jsonl"), """
                {"title": "Storm hits coast", "maintext": "A storm hit the coast on Monday.\\nThousands lost power.", \
                "date_publish": "2023-12-22 08:30:00", "url": "https://www.example.com/a/1", \
                "source_domain": "www.example.com", "authors": ["Jane Doe", "John Roe"], "language": "en"}
                {"title": "Harbor closes after storm", "maintext": "The harbor closed after the storm damaged the piers.", \
                "date_publish": "2023-12-23", "url": "https://news.example.org/b/2", \
                "source_domain": "news.example.org", "authors": ["Jane Doe"], "language": "en"}
                {"title": "Sturm an der Kueste", "maintext": "Ein Sturm traf die Kueste.", \
                "date_publish": "2023-12-27", "url": "https://www.zeitung.de/c/3", \
                "source_domain": "zeitung.de", "authors": ["Max Mustermann"], "language": "de"}
                {"title": "Markets rally", "maintext": "Shares rose on Friday after the storm passed.", \
                "date_publish": "2024-01-05", "url": "https://www.example.com/d/4"}
                """, StandardCharsets.UTF_8).toRealPath();
        seed = Files.writeString(data.resolve("seed.txt"),
                " date 2023-12-24 Storm clean-up begins\n\nVolunteers cleared the beach after the storm.\n",
                StandardCharsets.UTF_8).toRealPath();
        seedId = CliRun.idOf(seed);
        index = dir.resolve("index");
        CliRun.run(home, "--index", index.toString(), "index", "--no-entities", data.toString()).expect(0).assertQuiet();
    }

    static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString()));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    /** The headlines of {@code search ARGS --sort oldest --format json}, oldest first. */
    static List<String> headlines(String... args) {
        List<String> all = new ArrayList<>(List.of("search", "--sort", "oldest", "--format", "json"));
        all.addAll(List.of(args));
        List<String> headlines = new ArrayList<>();
        cli(all.toArray(String[]::new)).expect(0).json().get("hits").forEach(h -> headlines.add(h.get("headline").asText()));
        return headlines;
    }

    @Test
    void queryFieldsMatchSourceAuthorAndLanguageByTheirKeys() {
        assertEquals(List.of("Storm hits coast", "Markets rally"), headlines("source:example.com"));
        assertEquals(List.of("Storm hits coast", "Markets rally"), headlines("source:\"https://www.Example.com/x\""));
        assertEquals(List.of("Harbor closes after storm"), headlines("source:*.ORG"));
        assertEquals(List.of("Storm hits coast", "Harbor closes after storm"), headlines("author:\"JANE DOE\""));
        assertEquals(List.of("Storm hits coast"), headlines("author:\"john roe\""));
        assertEquals(List.of("Storm hits coast", "Harbor closes after storm"), headlines("language:EN"));
        assertEquals(List.of("Sturm an der Kueste"), headlines("language:de"));
        assertEquals(List.of("Harbor closes after storm", "Storm clean-up begins"), headlines("storm -source:example.com"));
        assertEquals(List.of(), headlines("source:nowhere.example"));
    }

    @Test
    void urlIsAnExactMatch() {
        assertEquals(List.of("Markets rally"), headlines("url:\"https://www.example.com/d/4\""));
        assertEquals(List.of(), headlines("url:\"https://www.example.com/D/4\""));
        assertEquals(List.of(), headlines("url:\"www.example.com/d/4\""));
    }

    @Test
    void sourceTypedInTheQueryStaysRequiredForArticlesWithSomeOfTheWords() {
        // "Markets rally" has "storm" but not "coast": a partial match, from the same source
        JsonNode hits = cli("search", "--format", "json", "storm", "coast", "source:example.com").expect(0).json().get("hits");
        assertEquals(2, hits.size());
        assertEquals(STORM, hits.get(0).get("id").asText());
        assertFalse(hits.get(0).get("partial").asBoolean());
        assertEquals(MARKETS, hits.get(1).get("id").asText());
        assertTrue(hits.get(1).get("partial").asBoolean());
    }

    @Test
    void sourceAndAuthorOptionsAreRepeatableAndAllMustMatch() {
        assertEquals(List.of("Storm hits coast", "Markets rally"), headlines("*:*", "--source", "example.com"));
        assertEquals(List.of("Storm hits coast", "Markets rally"),
                headlines("*:*", "--source", "https://www.EXAMPLE.com/", "--source", "example.com"));
        assertEquals(List.of(), headlines("*:*", "--source", "example.com", "--source", "zeitung.de"));
        assertEquals(List.of("Storm hits coast", "Harbor closes after storm"), headlines("storm", "--author", "jane doe"));
        assertEquals(List.of("Storm hits coast"), headlines("*:*", "--author", "Jane Doe", "--author", "John Roe"));
        assertEquals(List.of("Harbor closes after storm"),
                headlines("storm", "--author", "Jane Doe", "--source", "news.example.org"));
        assertEquals(List.of("Markets rally"), headlines("shares", "--source", "example.com", "--from", "2024"));
        assertEquals(List.of(), headlines("*:*", "--author", "Nobody"));
    }

    @Test
    void emptySourceOrAuthorIsAUsageError() {
        assertEquals("newsarchive: --source needs a site, not 'https://'",
                cli("search", "--source", "https://", "storm").expect(ExitCodes.USAGE).oneErrorLine());
        assertEquals("newsarchive: --author needs a name, not ' '",
                cli("search", "--author", " ", "storm").expect(ExitCodes.USAGE).oneErrorLine());
    }

    @Test
    void textHitsShowSourceAndAuthorsSeedHitsAsBefore() {
        assertEquals("4 articles match, showing 1-4  (N ms)\n"
                + "\n"
                + "1. 2023-12-22  Storm hits coast\n"
                + "   A storm hit the coast on Monday. Thousands lost power.\n"
                + "   id " + STORM + "  example.com, by Jane Doe, John Roe  " + records + "\n"
                + "\n"
                + "2. 2023-12-23  Harbor closes after storm\n"
                + "   The harbor closed after the storm damaged the piers.\n"
                + "   id " + HARBOR + "  news.example.org, by Jane Doe  " + records + "\n"
                + "\n"
                + "3. 2023-12-24  Storm clean-up begins\n"
                + "   Volunteers cleared the beach after the storm.\n"
                + "   id " + seedId + "  " + seed + "\n"
                + "\n"
                + "4. 2024-01-05  Markets rally\n"
                + "   Shares rose on Friday after the storm passed.\n"
                + "   id " + MARKETS + "  example.com  " + records + "\n",
                cli("search", "--sort", "oldest", "storm").expect(0).out().replaceAll("\\(\\d+ ms\\)", "(N ms)"));
    }

    @Test
    void jsonHitsCarryProvenanceOnlyWhenKnown() {
        JsonNode hits = cli("search", "--sort", "oldest", "--format", "json", "storm").expect(0).json().get("hits");
        JsonNode storm = hits.get(0);
        assertEquals(List.of("id", "date", "published", "headline", "score", "snippet", "snippet_text", "marks", "path", "url", "source", "authors",
                "language", "entities", "partial"), CliFixtureTest.fieldNames(storm));
        assertEquals("https://www.example.com/a/1", storm.get("url").asText());
        assertEquals("example.com", storm.get("source").asText());
        assertEquals("[\"Jane Doe\",\"John Roe\"]", storm.get("authors").toString());
        assertEquals("en", storm.get("language").asText());
        assertEquals(List.of("id", "date", "published", "headline", "score", "snippet", "snippet_text", "marks", "path", "entities", "partial"),
                CliFixtureTest.fieldNames(hits.get(2)));
        JsonNode markets = hits.get(3);
        assertEquals(List.of("id", "date", "published", "headline", "score", "snippet", "snippet_text", "marks", "path", "url", "source",
                "entities", "partial"), CliFixtureTest.fieldNames(markets));
        assertEquals("example.com", markets.get("source").asText());
    }

    @Test
    void showPrintsUrlSourceAuthorsAndLanguage() {
        String text = cli("show", STORM).expect(0).out();
        assertTrue(text.startsWith("Storm hits coast\n2023-12-22T08:30:00  id " + STORM + "\n" + records + "\n"
                + "url:      https://www.example.com/a/1\n"
                + "source:   example.com\n"
                + "authors:  Jane Doe; John Roe\n"
                + "language: en\n"
                + "13 words, "), text);
        JsonNode json = cli("show", "--format", "json", STORM).expect(0).json();
        assertEquals("https://www.example.com/a/1", json.get("url").asText());
        assertEquals("example.com", json.get("source").asText());
        assertEquals("[\"Jane Doe\",\"John Roe\"]", json.get("authors").toString());
        assertEquals("en", json.get("language").asText());

        String plain = cli("show", seedId).expect(0).out();
        assertTrue(plain.startsWith("Storm clean-up begins\n2023-12-24  id " + seedId + "\n" + seed + "\n10 words, "), plain);
        List<String> fields = CliFixtureTest.fieldNames(cli("show", "--format", "json", seedId).expect(0).json());
        assertFalse(fields.contains("url") || fields.contains("source") || fields.contains("authors")
                || fields.contains("language"), fields.toString());
    }

    @Test
    void entitiesCountsSourcesAndAuthors() {
        assertEquals("""
                5 matching articles  (N ms)

                       2  source example.com
                       1  source news.example.org
                       1  source zeitung.de
                """, cli("entities", "--type", "source").expect(0).out().replaceAll("\\(\\d+ ms\\)", "(N ms)"));
        assertEquals(List.of("author:Jane Doe=2", "author:John Roe=1", "author:Max Mustermann=1"),
                rows(cli("entities", "--type", "author", "--format", "json").expect(0).json().get("entities")));
        // a query other than *:* counts document by document: the same figures
        assertEquals(rows(cli("entities", "--type", "source,author", "--format", "json").expect(0).json().get("entities")),
                rows(cli("entities", "date:[1900 TO 2100]", "--type", "sources,authors", "--format", "json")
                        .expect(0).json().get("entities")));
        assertEquals(List.of("source:example.com=2", "author:Jane Doe=2", "source:news.example.org=1", "author:John Roe=1"),
                cli("entities", "storm", "--type", "source,author", "--format", "jsonl").expect(0).jsonLines().stream()
                        .map(ProvenanceCliTest::row).toList());
        assertEquals(List.of("author:Jane Doe=1", "author:John Roe=1"),
                rows(cli("entities", "source:example.com", "--type", "author", "--format", "json").expect(0).json()
                        .get("entities")));
        // not counted unless asked for: the default is the entity types
        JsonNode all = cli("entities", "--format", "json").expect(0).json();
        assertEquals(5, all.get("articles").asInt());
        assertEquals(0, all.get("entities").size());
    }

    @Test
    void coOccurrenceLeavesTheEntityOutButNotTheAuthorOfTheSameName(@TempDir Path tmp) throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("doe.jsonl"), """
                {"title": "Doe speaks", "maintext": "Jane Doe spoke at the summit.", "date": "2024-02-01", \
                "url": "https://a.example/1", "authors": ["Jane Doe"]}
                {"title": "Summit ends", "maintext": "Jane Doe left the summit early.", "date": "2024-02-02", \
                "url": "https://b.example/2", "authors": ["John Roe"]}
                """, StandardCharsets.UTF_8);
        CliEnvironment environment = new CliEnvironment(Map.of(), home, false,
                () -> new DictionaryRecognizer(Map.of("Jane Doe", EntityType.PERSON)));
        String other = tmp.resolve("index").toString();
        CliRun.run(environment, "--index", other, "index", data.toString()).expect(0);
        assertEquals(List.of("author:Jane Doe=1", "author:John Roe=1"),
                CliRun.run(environment, "--index", other, "entities", "--with", "jane doe", "--type", "person,author",
                        "--format", "jsonl").expect(0).jsonLines().stream().map(ProvenanceCliTest::row).toList());
    }

    private static List<String> rows(JsonNode entities) {
        List<String> rows = new ArrayList<>();
        entities.forEach(e -> rows.add(row(e)));
        return rows;
    }

    private static String row(JsonNode e) {
        return e.get("type").asText() + ":" + e.get("name").asText() + "=" + e.get("articles").asInt();
    }

    @Test
    void exportWritesTheNamedProvenanceFieldsOnEveryLine() {
        assertEquals("""
                {"id":"%s","url":"https://www.example.com/a/1","source":"example.com","authors":["Jane Doe","John Roe"]}
                {"id":"%s","url":"https://news.example.org/b/2","source":"news.example.org","authors":["Jane Doe"]}
                {"id":"%s","url":null,"source":null,"authors":[]}
                {"id":"%s","url":"https://www.zeitung.de/c/3","source":"zeitung.de","authors":["Max Mustermann"]}
                {"id":"%s","url":"https://www.example.com/d/4","source":"example.com","authors":[]}
                """.formatted(STORM, HARBOR, seedId, STURM, MARKETS),
                cli("search", "--all", "--format", "jsonl", "--sort", "oldest", "--fields", "id,url,source,authors", "*:*")
                        .expect(0).out());
        assertEquals("{\"language\":\"de\",\"id\":\"" + STURM + "\"}\n",
                cli("search", "--all", "--format", "jsonl", "--fields", "language,id", "language:de").expect(0).out());
    }

    @Test
    void exportOfEveryFieldLeavesOutWhatAnArticleDoesNotKnow() {
        List<JsonNode> lines = cli("search", "--all", "--format", "jsonl", "--sort", "oldest", "storm").expect(0).jsonLines();
        assertEquals(List.of("id", "date", "published", "headline", "body", "path", "url", "source", "authors", "language",
                "size", "sha256", "words", "entities", "score"), CliFixtureTest.fieldNames(lines.get(0)));
        assertEquals(List.of("id", "date", "published", "headline", "body", "path", "size", "sha256", "words", "entities",
                "score"), CliFixtureTest.fieldNames(lines.get(2)));
        assertEquals(List.of("id", "date", "published", "headline", "body", "path", "url", "source", "size", "sha256",
                "words", "entities", "score"), CliFixtureTest.fieldNames(lines.get(3)));
    }
}
