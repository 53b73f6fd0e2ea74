package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code search --all --format jsonl}: every complete match, the chosen fields, the refusals. */
class ExportCliTest {

    @TempDir
    static Path dir;

    static Path home;
    static Path index;

    @BeforeAll
    static void buildIndex() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        Path archive = Files.createDirectories(dir.resolve("archive"));
        Files.writeString(archive.resolve("a.txt"), " date 2023-01-05 Harbor strike\n\nDockers strike at the harbor.\n",
                StandardCharsets.UTF_8);
        Files.writeString(archive.resolve("b.txt"), " date 2023-02-05 Harbor reopens\n\nShips return.\n",
                StandardCharsets.UTF_8);
        Files.writeString(archive.resolve("c.txt"), " date 2023-03-05 Strike over\n\nThe strike ended.\n",
                StandardCharsets.UTF_8);
        index = dir.resolve("index");
        CliRun.run(home, "--index", index.toString(), "index", archive.toString()).expect(0);
    }

    static CliRun search(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "search"));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    private static List<JsonNode> lines(CliRun run) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            nodes.add(CliRun.MAPPER.readTree(line));
        }
        return nodes;
    }

    @Test
    void exportsOnlyTheArticlesWithEveryWordAsManyAsTheTotal() throws IOException {
        // "harbor strike": a.txt has both; b.txt and c.txt one each, which search lists as partial
        assertEquals(1, search("--format", "json", "harbor", "strike").expect(0).json().get("total").asLong());
        List<JsonNode> lines = lines(search("--all", "--format", "jsonl", "harbor", "strike").expect(0));
        assertEquals(1, lines.size());
        assertEquals("Harbor strike", lines.get(0).get("headline").asText());
        assertEquals("Dockers strike at the harbor.", lines.get(0).get("body").asText());
        assertEquals(List.of("id", "date", "published", "headline", "body", "path", "size", "sha256", "words",
                "entities", "score"), fieldNames(lines.get(0)));
    }

    @Test
    void fieldsAreTheChosenOnesInTheirOrder() throws IOException {
        List<JsonNode> lines = lines(search("--all", "--format", "jsonl", "--sort", "oldest", "--fields", "date,ID",
                "*:*").expect(0));
        assertEquals(3, lines.size());
        assertEquals(List.of("date", "id"), fieldNames(lines.get(0)));
        assertEquals(List.of("2023-01-05", "2023-02-05", "2023-03-05"),
                lines.stream().map(n -> n.get("date").asText()).toList());
    }

    @Test
    void refusesWhatItCannotDo() {
        assertEquals("newsarchive: --all streams one JSON line per article: add --format jsonl",
                search("--all", "strike").expect(ExitCodes.USAGE).err().strip());
        assertEquals("newsarchive: --all exports every match: it takes no --limit or --offset",
                search("--all", "--format", "jsonl", "--limit", "5", "strike").expect(ExitCodes.USAGE).err().strip());
        assertEquals("newsarchive: --fields works with --all",
                search("--fields", "id", "--format", "jsonl", "strike").expect(ExitCodes.USAGE).err().strip());
        assertEquals("newsarchive: unknown field 'title' for --fields (fields: id, date, published, headline, body, "
                + "path, url, source, authors, language, size, sha256, words, entities, score)",
                search("--all", "--format", "jsonl", "--fields", "id,title", "strike").expect(ExitCodes.USAGE).err().strip());
        // an option that would be ignored is refused: an export holds every copy
        assertEquals("newsarchive: --all exports every match, copies included: it takes no --collapse",
                search("--all", "--format", "jsonl", "--collapse", "strike").expect(ExitCodes.USAGE).err().strip());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
