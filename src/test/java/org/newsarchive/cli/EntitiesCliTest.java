package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.entity.DictionaryRecognizer;
import org.newsarchive.entity.EntityType;

/** Entities through the CLI: indexing with a known recogniser, filters, counts, show and JSON. */
class EntitiesCliTest {

    static final Map<String, EntityType> NAMES = Map.of(
            "Xi Jinping", EntityType.PERSON, "Xi", EntityType.PERSON, "Joe Biden", EntityType.PERSON,
            "Taiwan", EntityType.LOCATION, "China", EntityType.LOCATION, "U.S.", EntityType.LOCATION,
            "United States", EntityType.LOCATION, "APEC", EntityType.ORGANIZATION, "Chinese", EntityType.MISC,
            "Acme Widgets", EntityType.ORGANIZATION);

    @TempDir
    Path tmp;

    Path index;
    CliEnvironment environment;

    @BeforeEach
    void indexFixtures() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));
        Files.writeString(data.resolve("a.txt"), " date 2023-11-15 Xi meets Biden\n\n"
                + "Xi Jinping met Joe Biden at the APEC summit. Xi spoke about Taiwan.\n");
        Files.writeString(data.resolve("b.txt"), " date 2023-12-22 Drills near Taiwan\n\n"
                + "China held drills near Taiwan. The U.S. and Chinese officials talked.\n");
        Files.writeString(data.resolve("c.txt"), " date 2024-01-05 Markets\n\n"
                + "The United States economy grew while Acme Widgets expanded.\n");
        environment = new CliEnvironment(Map.of(), tmp, false, () -> new DictionaryRecognizer(NAMES));
        index = tmp.resolve("index");
        CliRun.run(environment, "--index", index.toString(), "index", data.toString()).expect(0).assertQuiet();
    }

    private CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString()));
        all.addAll(List.of(args));
        return CliRun.run(environment, all.toArray(String[]::new));
    }

    private List<String> headlines(CliRun run) {
        List<String> headlines = new ArrayList<>();
        run.expect(0).json().get("hits").forEach(h -> headlines.add(h.get("headline").asText()));
        return headlines;
    }

    @Test
    void searchHitsCarryAnEntitiesObject() {
        JsonNode hit = cli("search", "summit", "--format", "json").expect(0).json().get("hits").get(0);
        JsonNode entities = hit.get("entities");
        assertEquals(List.of("person", "org", "place", "misc"), fieldNames(entities));
        assertEquals("[\"Xi Jinping\",\"Joe Biden\"]", entities.get("person").toString());
        assertEquals("[\"Asia-Pacific Economic Cooperation\"]", entities.get("org").toString());
        assertEquals("[\"Taiwan\"]", entities.get("place").toString());
        assertEquals("[]", entities.get("misc").toString());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void entityOptionsAreRepeatableAndAllMustMatch() {
        assertEquals(List.of("Drills near Taiwan", "Xi meets Biden"),
                headlines(cli("search", "*:*", "--place", "taiwan", "--sort", "newest", "--format", "json")));
        assertEquals(List.of("Drills near Taiwan"),
                headlines(cli("search", "*:*", "--place", "Taiwan", "--place", "China", "--format", "json")));
        assertEquals(List.of("Xi meets Biden"),
                headlines(cli("search", "*:*", "--person", "Xi Jinping", "--org", "APEC", "--format", "json")));
        assertEquals(List.of("Markets", "Drills near Taiwan"),
                headlines(cli("search", "*:*", "--place", "USA", "--sort", "newest", "--format", "json")));
        assertEquals(List.of(), headlines(cli("search", "*:*", "--person", "Nobody", "--format", "json")));
        assertEquals(List.of("Xi meets Biden"),
                headlines(cli("search", "person:\"xi jinping\"", "--format", "json")));
    }

    @Test
    void entitiesCountsMatchingArticles() {
        JsonNode json = cli("entities", "--format", "json").expect(0).json();
        assertEquals("*:*", json.get("query").asText());
        assertEquals(3, json.get("articles").asInt());
        List<String> rows = new ArrayList<>();
        json.get("entities").forEach(e -> rows.add(e.get("type").asText() + ":" + e.get("name").asText() + "="
                + e.get("articles").asInt()));
        assertEquals(List.of("place:Taiwan=2", "place:United States=2", "person:Joe Biden=1", "person:Xi Jinping=1",
                "org:Acme Widgets=1", "org:Asia-Pacific Economic Cooperation=1", "place:China=1"), rows);
    }

    @Test
    void entitiesWithATypeAQueryAndACoOccurrence() {
        assertEquals("""
                1 matching article  (N ms)

                       1  person Joe Biden
                       1  person Xi Jinping
                """, cli("entities", "summit", "--type", "person").expect(0).out().replaceAll("\\(\\d+ ms\\)", "(N ms)"));
        List<JsonNode> lines = cli("entities", "--with", "Taiwan", "--type", "place,person", "--format", "jsonl")
                .expect(0).jsonLines();
        assertEquals(List.of("Joe Biden", "Xi Jinping", "China", "United States"),
                lines.stream().map(n -> n.get("name").asText()).toList());
        assertEquals(List.of("person:Joe Biden=1", "person:Xi Jinping=1"),
                cli("entities", "--from", "2023-11", "--to", "2023-12", "--with", "taiwan", "--limit", "2", "--format", "jsonl")
                        .expect(0).jsonLines().stream().map(n -> n.get("type").asText() + ":" + n.get("name").asText()
                                + "=" + n.get("articles").asInt()).toList());
    }

    @Test
    void entitiesErrors() {
        assertTrue(cli("entities", "--type", "planet").expect(2).oneErrorLine()
                .contains("unknown type 'planet' for --type (person, org, place, misc, source or author)"));
        cli("entities", "--limit", "0").expect(2).oneErrorLine();
        cli("entities", "foo AND").expect(2).oneErrorLine();
    }

    @Test
    void showListsTheEntities() {
        String id = cli("search", "summit", "--format", "json").expect(0).json().get("hits").get(0).get("id").asText();
        JsonNode article = cli("show", id, "--format", "json").expect(0).json();
        assertEquals("[\"Xi Jinping\",\"Joe Biden\"]", article.get("entities").get("person").toString());
        String text = cli("show", id).expect(0).out();
        assertTrue(text.contains("\nperson: Xi Jinping; Joe Biden\n"), text);
        assertTrue(text.contains("\norg:    Asia-Pacific Economic Cooperation\n"), text);
        assertTrue(text.contains("\nplace:  Taiwan\n"), text);
    }

    @Test
    void userAliasesApplyWhenIndexingAndSearching() throws IOException {
        Path aliases = Files.writeString(tmp.resolve("aliases.txt"), "org: Acme Widgets Inc = Acme Widgets, Acme\n");
        Path other = tmp.resolve("index2");
        CliRun.run(environment, "--aliases", aliases.toString(), "--index", other.toString(), "index",
                tmp.resolve("data").toString()).expect(0);
        JsonNode counts = CliRun.run(environment, "--aliases", aliases.toString(), "--index", other.toString(),
                "entities", "--type", "org", "--format", "json").expect(0).json();
        assertEquals("Acme Widgets Inc", counts.get("entities").get(0).get("name").asText());
        assertEquals(1, CliRun.run(environment, "--aliases", aliases.toString(), "--index", other.toString(),
                "search", "*:*", "--org", "acme", "--format", "json").expect(0).json().get("total").asInt());
        Path bad = Files.writeString(tmp.resolve("bad.txt"), "nonsense\n");
        String line = CliRun.run(environment, "--aliases", bad.toString(), "--index", other.toString(), "stats")
                .expect(0).out();
        assertTrue(line.contains("articles"), "stats does not read aliases");
        assertEquals("newsarchive: " + bad + ":1: expected 'TYPE: Canonical Name = variant, variant, ...'",
                CliRun.run(environment, "--aliases", bad.toString(), "--index", other.toString(), "search", "x")
                        .expect(2).oneErrorLine());
    }

    @Test
    void noEntitiesSkipsExtraction() {
        Path other = tmp.resolve("plain");
        CliRun.run(environment, "--index", other.toString(), "index", "--no-entities", tmp.resolve("data").toString())
                .expect(0);
        JsonNode counts = CliRun.run(environment, "--index", other.toString(), "entities", "--format", "json")
                .expect(0).json();
        assertEquals(3, counts.get("articles").asInt());
        assertEquals(0, counts.get("entities").size());
    }
}
