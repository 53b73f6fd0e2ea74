package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

/** Planted copies: {@code search --collapse}, {@code show} listing copies, {@code stats} counting clusters. */
class NearDuplicateCliTest {

    @TempDir
    static Path dir;

    static Path home;
    static Path index;
    static Path archive;

    private static final String STORY = "The central bank raised interest rates by half a point on Tuesday, its third "
            + "increase this year, saying inflation had not yet peaked and that wages were rising faster than "
            + "productivity in most industries across the country.";

    @BeforeAll
    static void buildIndex() throws IOException {
        home = Files.createDirectories(dir.resolve("home"));
        archive = Files.createDirectories(dir.resolve("archive")).toRealPath();
        write("original.txt", " date 2023-05-02 Bank raises rates\n\n" + STORY + "\n");
        // reprinted a day later with two words changed: a copy
        write("reprint.txt", " date 2023-05-03 Bank raises rates\n\n" + STORY.replace("Tuesday", "Wednesday")
                .replace("most ", "") + "\n");
        write("other.txt", " date 2023-05-02 Bank holds rates\n\nAnother central bank left interest rates unchanged, "
                + "pointing to weak demand at home and abroad.\n");
        write("cocoa.txt", " date 2023-05-04 Cocoa harvest\n\nFarmers started the cocoa harvest early.\n");
        index = dir.resolve("index");
        CliRun.run(home, "--index", index.toString(), "index", archive.toString()).expect(0);
    }

    private static void write(String name, String text) throws IOException {
        Files.writeString(archive.resolve(name), text, StandardCharsets.UTF_8);
    }

    static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString()));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    @Test
    void collapseShowsOneArticleForItsCopies() {
        JsonNode plain = cli("search", "--format", "json", "interest rates").expect(0).json();
        assertEquals(3, plain.get("hits").size());
        assertTrue(!plain.get("hits").get(0).has("copies"));
        JsonNode collapsed = cli("search", "--collapse", "--format", "json", "interest rates").expect(0).json();
        assertEquals(3, collapsed.get("total").asLong()); // the total still counts every article
        JsonNode hits = collapsed.get("hits");
        assertEquals(2, hits.size());
        List<Integer> copies = new ArrayList<>();
        hits.forEach(h -> copies.add(h.get("copies").asInt()));
        assertEquals(List.of(1, 0), copies.get(0) == 1 ? copies : List.of(copies.get(1), copies.get(0)));
        String text = cli("search", "--collapse", "interest rates").expect(0).out();
        assertTrue(text.contains("   +1 similar copy (show "), text);
    }

    @Test
    void showListsTheCopiesAndStatsCountsTheClusters() {
        String original = CliRun.idOf(archive.resolve("original.txt"));
        String reprint = CliRun.idOf(archive.resolve("reprint.txt"));
        JsonNode shown = cli("show", "--format", "json", original).expect(0).json();
        assertEquals(1, shown.get("copies").size());
        assertEquals(reprint, shown.get("copies").get(0).get("id").asText());
        assertTrue(shown.get("copies").get(0).get("similarity").asDouble() >= 0.6);
        assertEquals(0, cli("show", "--format", "json", CliRun.idOf(archive.resolve("cocoa.txt"))).expect(0).json()
                .get("copies").size());
        assertEquals(1, cli("stats", "--format", "json").expect(0).json().get("duplicate_clusters").asLong());
        assertTrue(cli("stats").expect(0).out().contains("\ncopies       1 group of near-duplicate articles\n"));
    }
}
