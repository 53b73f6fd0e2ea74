package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.index.ArticleIndexer;

/**
 * The whole command line over a small hand-written archive whose every search result is known
 * in advance. The shared index is built once (through the CLI) and only read by the nested
 * search, show and stats tests; tests that write build their own index in their own folder.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CliFixtureTest {

    /**
     * The archive: path under the archive folder to file content. The words are chosen so that
     * each query below has one obvious answer under English stemming and stop words.
     */
    static final Map<String, String> ARTICLES = new LinkedHashMap<>();

    static {
        ARTICLES.put("2022/volcano.txt", """
                 date 2022-03-15 Volcano erupts near harbor town

                Lava from the volcano reached the harbor on Tuesday morning.
                Fishermen moved their boats to safety.

                Scientists expect further eruptions in the coming weeks.
                """);
        ARTICLES.put("2022/meteorite.txt", """
                 date 2022-06-10 Meteorite found in desert

                A meteorite fell overnight near the old mine.
                """);
        ARTICLES.put("2022/harbor-strike.txt", """
                 date 2022-11-30 Harbor strike ends after long talks

                Dock workers returned to the harbor after a week of talks. The union said wages would rise by four percent.
                """);
        ARTICLES.put("2023/budget.txt", """
                 date 2023-01-01 Budget vote delayed again

                Parliament delayed the budget vote because the volcano report arrived late. Ministers blamed the printers.
                """);
        ARTICLES.put("2023/orchestra.txt", """
                 date 2023-02-28 Orchestra tours northern cities

                The national orchestra played a Mahler symphony in seven northern cities. Tickets sold out in hours.
                """);
        ARTICLES.put("2023/zebra.txt", """
                 date 2023-03-01 Zebra escapes from city zoo

                A zebra named Stripes escaped on Monday and was found eating roses in a private garden.
                """);
        ARTICLES.put("2023/meteorite.txt", """
                 date 2023-06-10 Meteorite found in desert

                A meteorite fell overnight near the old mine.
                """);
        ARTICLES.put("2023/election.txt", """
                 date 2023-12-22T23:30:00-05:00 Late night election results

                Counting finished shortly before midnight in the capital. Turnout was higher than expected.
                """);
        ARTICLES.put("2024/leap-day.txt", """
                 date 2024-02-29 Leap day festival draws crowds

                The festival celebrates the extra day with music from the national orchestra and fireworks.
                """);
        ARTICLES.put("2024/quantum.txt", """
                 date 2024-03-01 Quantum computer breakthrough announced

                Researchers built a quantum processor that kept its qubits stable for a record time, despite a strike by lab technicians.
                """);
        ARTICLES.put("2024/meteorite.txt", """
                 date 2024-06-10 Meteorite found in desert

                A meteorite fell overnight near the old mine.
                """);
    }

    /** Every article, oldest first (each has its own date-time, so the order is total). */
    static final List<String> OLDEST_FIRST = List.of(
            "2022/volcano.txt", "2022/meteorite.txt", "2022/harbor-strike.txt",
            "2023/budget.txt", "2023/orchestra.txt", "2023/zebra.txt", "2023/meteorite.txt", "2023/election.txt",
            "2024/leap-day.txt", "2024/quantum.txt", "2024/meteorite.txt");

    @TempDir
    static Path shared;

    /** The installation folder given to the CLI; its index-data/ is never created by the shared tests. */
    static Path home;

    /** The shared archive, by its real path. */
    static Path archive;

    /** The shared index, built once and only read. */
    static Path index;

    @BeforeAll
    static void buildSharedIndex() throws IOException {
        home = Files.createDirectories(shared.resolve("home"));
        archive = writeArchive(shared.resolve("archive")).toRealPath();
        index = shared.resolve("index");
        CliRun run = CliRun.run(home, "--index", index.toString(), "index", archive.toString()).expect(0);
        run.assertQuiet();
    }

    static Path writeArchive(Path folder) throws IOException {
        for (Map.Entry<String, String> e : ARTICLES.entrySet()) {
            Path file = folder.resolve(e.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, e.getValue(), StandardCharsets.UTF_8);
        }
        return folder;
    }

    static long archiveBytes() {
        return ARTICLES.values().stream().mapToLong(s -> s.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    /** {@code --index <shared> search --format json ARGS...}, expected to succeed. */
    static JsonNode search(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "search", "--format", "json"));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(home, all.toArray(String[]::new)).expect(0);
        run.assertQuiet();
        return run.json();
    }

    /** A run against the shared index: {@code --index <shared> ARGS...}. */
    static CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString()));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new));
    }

    /** The hits of a JSON search result, as paths under the archive, in order. */
    static List<String> hitNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        for (JsonNode hit : result.get("hits")) {
            names.add(archive.relativize(Path.of(hit.get("path").asText())).toString().replace('\\', '/'));
        }
        return names;
    }

    static Set<String> hitSet(JsonNode result) {
        return new TreeSet<>(hitNames(result));
    }

    /** The hits that match the whole query, in order. */
    static List<String> completeNames(JsonNode result) {
        return namesOf(result, false);
    }

    /** The hits that have only some of the query's words, in order. */
    static List<String> partialNames(JsonNode result) {
        return namesOf(result, true);
    }

    private static List<String> namesOf(JsonNode result, boolean partial) {
        List<String> names = new ArrayList<>();
        for (JsonNode hit : result.get("hits")) {
            if (hit.get("partial").asBoolean() == partial) {
                names.add(archive.relativize(Path.of(hit.get("path").asText())).toString().replace('\\', '/'));
            }
        }
        return names;
    }

    static Set<String> set(String... names) {
        return new TreeSet<>(List.of(names));
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            names.add(it.next());
        }
        return names;
    }

    static String id(String name) {
        return CliRun.idOf(archive.resolve(name));
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Search {

        /** Query, expected set of hits (all of them: the limit is above the archive size). */
        Stream<Arguments> queries() {
            return Stream.of(
                    // plain terms, stemmed: "cities" and "city" are one stem, "eruptions" is "erupt"
                    Arguments.of("harbor", set("2022/volcano.txt", "2022/harbor-strike.txt")),
                    Arguments.of("volcano", set("2022/volcano.txt", "2023/budget.txt")),
                    Arguments.of("eruption", set("2022/volcano.txt")),
                    Arguments.of("city", set("2023/orchestra.txt", "2023/zebra.txt")),
                    Arguments.of("ZEBRA", set("2023/zebra.txt")),
                    Arguments.of("nothingmatchesthis", set()),
                    // phrases
                    Arguments.of("\"national orchestra\"", set("2023/orchestra.txt", "2024/leap-day.txt")),
                    Arguments.of("\"orchestra national\"", set()),
                    Arguments.of("\"budget vote\"", set("2023/budget.txt")),
                    Arguments.of("music orchestra", set("2024/leap-day.txt")),
                    Arguments.of("\"music orchestra\"", set()),
                    // boolean operators; the default is AND
                    Arguments.of("harbor volcano", set("2022/volcano.txt")),
                    Arguments.of("harbor AND volcano", set("2022/volcano.txt")),
                    Arguments.of("zebra OR quantum", set("2023/zebra.txt", "2024/quantum.txt")),
                    Arguments.of("harbor NOT volcano", set("2022/harbor-strike.txt")),
                    Arguments.of("(zebra OR quantum) AND NOT processor", set("2023/zebra.txt")),
                    Arguments.of("orchestra -festival", set("2023/orchestra.txt")),
                    Arguments.of("+volcano -harbor", set("2023/budget.txt")),
                    // wildcards and fuzzy
                    Arguments.of("volc*", set("2022/volcano.txt", "2023/budget.txt")),
                    Arguments.of("qu?ntum", set("2024/quantum.txt")),
                    Arguments.of("fest*", set("2024/leap-day.txt")),
                    Arguments.of("zebre~", set("2023/zebra.txt")),
                    Arguments.of("zebre~1", set("2023/zebra.txt")),
                    // proximity: "budget" and "report" are 5 positions apart (stop words keep their slot)
                    Arguments.of("\"budget report\"~10", set("2023/budget.txt")),
                    Arguments.of("\"budget report\"~1", set()),
                    // fields
                    Arguments.of("orchestra", set("2023/orchestra.txt", "2024/leap-day.txt")),
                    Arguments.of("headline:orchestra", set("2023/orchestra.txt")),
                    Arguments.of("body:orchestra", set("2023/orchestra.txt", "2024/leap-day.txt")),
                    Arguments.of("headline:volcano", set("2022/volcano.txt")),
                    Arguments.of("HEADLINE:meteorite", set("2022/meteorite.txt", "2023/meteorite.txt", "2024/meteorite.txt")),
                    // dates inside the query
                    Arguments.of("date:[2023-01-01 TO 2023-12-31]", set("2023/budget.txt", "2023/orchestra.txt",
                            "2023/zebra.txt", "2023/meteorite.txt", "2023/election.txt")),
                    Arguments.of("date:[2023-02 TO 2023-06]", set("2023/orchestra.txt", "2023/zebra.txt",
                            "2023/meteorite.txt")),
                    Arguments.of("date:{2023-02-28 TO 2024-02-29}", set("2023/zebra.txt", "2023/meteorite.txt",
                            "2023/election.txt")),
                    Arguments.of("date:[2024-03-01 TO *]", set("2024/quantum.txt", "2024/meteorite.txt")),
                    Arguments.of("meteorite date:2023", set("2023/meteorite.txt")),
                    Arguments.of("date:2023-12-22", set("2023/election.txt")),
                    Arguments.of("date:2024-02", set("2024/leap-day.txt")));
        }

        @ParameterizedTest(name = "[{index}] {0}")
        @MethodSource("queries")
        void findsExactlyTheExpectedArticles(String query, Set<String> expected) {
            JsonNode result = search("--limit", "50", query);
            assertEquals(expected, new TreeSet<>(completeNames(result)), query);
            assertEquals(expected.size(), result.get("total").asLong(), query);
            assertEquals(query, result.get("query").asText());
        }

        @Test
        void idLookUpInTheQuery() {
            JsonNode result = search("id:" + id("2023/zebra.txt"));
            assertEquals(List.of("2023/zebra.txt"), hitNames(result));
        }

        @Test
        void severalQueryArgumentsAreJoinedWithSpaces() {
            JsonNode result = search("harbor", "NOT", "volcano");
            assertEquals("harbor NOT volcano", result.get("query").asText());
            assertEquals(List.of("2022/harbor-strike.txt"), hitNames(result));
        }

        @Test
        void matchAllFindsEveryArticle() {
            JsonNode result = search("--limit", "50", "*:*");
            assertEquals(11, result.get("total").asLong());
            assertEquals(new TreeSet<>(ARTICLES.keySet()), hitSet(result));
        }

        @Test
        void fromAndToAreInclusiveAtBothEnds() {
            JsonNode result = search("--sort", "oldest", "--from", "2023-01-01", "--to", "2023-03-01", "*:*");
            assertEquals(List.of("2023/budget.txt", "2023/orchestra.txt", "2023/zebra.txt"), hitNames(result));
            assertEquals(3, result.get("total").asLong());

            assertEquals(List.of("2023/orchestra.txt"),
                    hitNames(search("--from", "2023-02-28", "--to", "2023-02-28", "*:*")));
            assertEquals(List.of("2023/zebra.txt"),
                    hitNames(search("--from", "2023-03-01", "--to", "2023-03-01", "*:*")));
        }

        @Test
        void partialFromDateStartsOnTheFirstDayOfTheYear() {
            JsonNode result = search("--sort", "oldest", "--limit", "50", "--from", "2023", "*:*");
            assertEquals(OLDEST_FIRST.subList(3, 11), hitNames(result));
            assertEquals(8, result.get("total").asLong());
        }

        @Test
        void partialToMonthEndsOnTheLastDayOfTheMonth() {
            JsonNode result = search("--sort", "oldest", "--limit", "50", "--to", "2023-02", "*:*");
            assertEquals(OLDEST_FIRST.subList(0, 5), hitNames(result)); // ends with 2023-02-28
            assertEquals(List.of("2024/leap-day.txt"),
                    hitNames(search("--from", "2024-02", "--to", "2024-02", "*:*"))); // 2024-02-29
            assertEquals(List.of("2024/leap-day.txt"),
                    hitNames(search("--from", "2024-02-29", "--to", "2024-02", "*:*")));
            assertEquals(List.of("2023/meteorite.txt", "2023/election.txt"),
                    hitNames(search("--sort", "oldest", "--from", "2023-06", "--to", "2023", "*:*")));
        }

        @Test
        void queryAndDateOptionsCombine() {
            JsonNode result = search("--from", "2023", "--to", "2023", "meteorite");
            assertEquals(List.of("2023/meteorite.txt"), hitNames(result));
            assertEquals(0, search("--from", "2022-03-16", "--to", "2023-12-31", "volcano eruption")
                    .get("total").asLong());
        }

        @Test
        void sortsNewestAndOldestInExactOrder() {
            assertEquals(OLDEST_FIRST, hitNames(search("--sort", "oldest", "--limit", "50", "*:*")));
            List<String> newest = new ArrayList<>(OLDEST_FIRST);
            java.util.Collections.reverse(newest);
            assertEquals(newest, hitNames(search("--sort", "newest", "--limit", "50", "*:*")));
            assertEquals(newest, hitNames(search("--sort", "NEWEST", "--limit", "50", "*:*")));
            assertEquals(List.of("2023/budget.txt", "2022/volcano.txt"),
                    hitNames(search("--sort", "newest", "volcano")));
        }

        @Test
        void relevanceIsTheDefaultAndPutsHeadlineAndBodyAboveBodyOnly() {
            JsonNode result = search("volcano");
            assertEquals(List.of("2022/volcano.txt", "2023/budget.txt"), hitNames(result));
            JsonNode hits = result.get("hits");
            assertTrue(hits.get(0).get("score").asDouble() > hits.get(1).get("score").asDouble());
            assertEquals(hitNames(result), hitNames(search("--sort", "relevance", "volcano")));
        }

        @Test
        void aPlainWordSearchesHeadlineAndBodyAsOneText() {
            // "strike": in the 2022 headline only, and in the 2024 body only
            JsonNode result = search("strike");
            assertEquals(set("2022/harbor-strike.txt", "2024/quantum.txt"), hitSet(result));
            assertEquals(set("2022/harbor-strike.txt"), hitSet(search("headline:strike")));
            // body: names the default field, which holds the headline too: the same scores
            JsonNode asBody = search("body:strike");
            assertEquals(hitSet(result), hitSet(asBody));
            for (int i = 0; i < 2; i++) {
                assertEquals(result.get("hits").get(i).get("path").asText(), asBody.get("hits").get(i).get("path").asText());
                assertEquals(result.get("hits").get(i).get("score").asDouble(),
                        asBody.get("hits").get(i).get("score").asDouble(), 1e-6);
            }
        }

        @Test
        void articlesWithSomeOfTheWordsFollowThoseWithAll() {
            // volcano.txt has both words; harbor-strike.txt only "harbor", budget.txt only "volcano"
            JsonNode result = search("harbor volcano");
            assertEquals(1, result.get("total").asLong());
            assertEquals(2, result.get("partial_total").asLong());
            assertEquals(List.of("2022/volcano.txt"), completeNames(result));
            assertEquals(set("2022/harbor-strike.txt", "2023/budget.txt"), new TreeSet<>(partialNames(result)));
            assertEquals(List.of("2022/volcano.txt"), hitNames(result).subList(0, 1));
        }

        @Test
        void partialMatchesArePagedAfterTheCompleteOnes() {
            List<String> all = hitNames(search("harbor volcano"));
            JsonNode second = search("--limit", "1", "--offset", "1", "harbor volcano");
            assertEquals(all.subList(1, 2), hitNames(second));
            assertEquals(1, second.get("total").asLong());
            assertEquals(2, second.get("partial_total").asLong());
            JsonNode third = search("--limit", "5", "--offset", "2", "harbor volcano");
            assertEquals(all.subList(2, 3), hitNames(third));
            JsonNode beyond = search("--limit", "5", "--offset", "9", "harbor volcano");
            assertEquals(List.of(), hitNames(beyond));
            assertEquals(2, beyond.get("partial_total").asLong());
        }

        @Test
        void noPartialMatchesWhenTheCompleteOnesFillThePage() {
            JsonNode result = search("--limit", "1", "harbor volcano");
            assertEquals(List.of("2022/volcano.txt"), hitNames(result));
            assertFalse(result.has("partial_total"));
        }

        @Test
        void onlyWordsJoinedWithoutAnOperatorAreRelaxed() {
            for (String query : List.of("harbor AND volcano", "+harbor +volcano", "\"harbor volcano\"", "volcano",
                    "harbor volcano --all-words", "volcano date:2023", "volcano place:Iceland")) {
                List<String> args = new ArrayList<>(List.of("--limit", "50"));
                for (String word : query.split(" (?=--)")) {
                    args.add(word);
                }
                JsonNode result = search(args.toArray(String[]::new));
                assertFalse(result.has("partial_total"), query);
                assertEquals(List.of(), partialNames(result), query);
                assertEquals(result.get("total").asLong(), result.get("hits").size(), query);
            }
        }

        @Test
        void textOutputSaysWhichArticlesHaveOnlySomeOfTheWords() {
            CliRun run = cli("search", "--color", "never", "harbor volcano").expect(0);
            String[] lines = run.out().split("\n");
            assertTrue(lines[0].startsWith("1 article matches, showing 1-1  ("), lines[0]);
            assertTrue(run.out().contains("\n2 more articles have some of the words, showing 2-3:\n"), run.out());
        }

        @Test
        void equalScoresAreOrderedNewestFirst() {
            // three identical articles on different days: identical scores
            JsonNode result = search("meteorite");
            assertEquals(List.of("2024/meteorite.txt", "2023/meteorite.txt", "2022/meteorite.txt"), hitNames(result));
            JsonNode hits = result.get("hits");
            assertEquals(hits.get(0).get("score").asDouble(), hits.get(1).get("score").asDouble());
            assertEquals(hits.get(1).get("score").asDouble(), hits.get(2).get("score").asDouble());
        }

        @Test
        void pagesWithLimitAndOffset() {
            JsonNode page = search("--sort", "oldest", "--limit", "3", "--offset", "2", "*:*");
            assertEquals(11, page.get("total").asLong());
            assertEquals(OLDEST_FIRST.subList(2, 5), hitNames(page));

            JsonNode last = search("--sort", "oldest", "--limit", "3", "--offset", "9", "*:*");
            assertEquals(OLDEST_FIRST.subList(9, 11), hitNames(last));

            JsonNode beyond = search("--sort", "oldest", "--limit", "3", "--offset", "11", "*:*");
            assertEquals(11, beyond.get("total").asLong());
            assertEquals(0, beyond.get("hits").size());

            JsonNode second = search("--limit", "1", "--offset", "1", "volcano");
            assertEquals(List.of("2023/budget.txt"), hitNames(second));
            assertEquals(2, second.get("total").asLong());

            JsonNode firstTen = search("*:*");
            assertEquals(10, firstTen.get("hits").size(), "default limit");
            assertEquals(11, firstTen.get("total").asLong());
        }

        @Test
        void limitZeroGivesOnlyTheTotal() {
            JsonNode result = search("--limit", "0", "*:*");
            assertEquals(11, result.get("total").asLong());
            assertEquals(0, result.get("hits").size());

            JsonNode filtered = search("--limit", "0", "--from", "2024", "*:*");
            assertEquals(3, filtered.get("total").asLong());

            CliRun text = cli("search", "--limit", "0", "harbor").expect(0);
            assertTrue(text.out().startsWith("2 articles match  ("), text.out());
            assertEquals(1, text.out().strip().lines().count(), text.out());
        }

        @Test
        void jsonHasExactlyTheDocumentedKeysAndHitFields() throws IOException {
            JsonNode result = search("volcano");
            assertEquals(List.of("query", "total", "took_ms", "hits"), fieldNames(result));
            assertEquals("volcano", result.get("query").asText());
            assertEquals(2, result.get("total").asLong());
            assertTrue(result.get("took_ms").isIntegralNumber());
            assertTrue(result.get("took_ms").asLong() >= 0);
            assertTrue(result.get("hits").isArray());

            JsonNode hit = result.get("hits").get(0);
            List<String> fields = fieldNames(hit);
            assertTrue(fields.containsAll(List.of("id", "date", "headline", "score", "snippet", "path")), fields.toString());
            assertEquals(id("2022/volcano.txt"), hit.get("id").asText());
            assertEquals("2022-03-15", hit.get("date").asText());
            assertEquals("2022-03-15", hit.get("published").asText());
            assertEquals("Volcano erupts near harbor town", hit.get("headline").asText());
            assertTrue(hit.get("score").isNumber());
            assertTrue(hit.get("score").asDouble() > 0);
            assertTrue(hit.get("snippet").asText().contains("Lava from the <em>volcano</em> reached the harbor"),
                    hit.get("snippet").asText());
            assertEquals(archive.resolve("2022/volcano.txt").toString(), hit.get("path").asText());
            assertEquals(archive.resolve("2022/volcano.txt"), Path.of(hit.get("path").asText()).toRealPath());

            JsonNode second = result.get("hits").get(1);
            assertEquals(id("2023/budget.txt"), second.get("id").asText());
            assertEquals("2023-01-01", second.get("date").asText());
            assertEquals("Budget vote delayed again", second.get("headline").asText());
            assertTrue(second.get("snippet").asText().contains("the <em>volcano</em> report"), second.get("snippet").asText());
        }

        @Test
        void snippetMarksAStemmedMatchAndAPhraseAsOneRun() {
            JsonNode eruption = search("eruption").get("hits").get(0);
            assertTrue(eruption.get("snippet").asText().contains("further <em>eruptions</em>"),
                    eruption.get("snippet").asText());
            JsonNode phrase = search("\"national orchestra\"", "--sort", "oldest").get("hits").get(0);
            assertTrue(phrase.get("snippet").asText().contains("The <em>national orchestra</em> played"),
                    phrase.get("snippet").asText());
        }

        @Test
        void jsonlGivesOneParseableLinePerHit() {
            CliRun run = cli("search", "--format", "jsonl", "--sort", "oldest", "--limit", "50", "*:*").expect(0);
            List<String> lines = run.out().lines().toList();
            assertEquals(11, lines.size(), run.out());
            List<JsonNode> hits = run.jsonLines();
            List<String> names = new ArrayList<>();
            for (JsonNode hit : hits) {
                assertTrue(fieldNames(hit).containsAll(List.of("id", "date", "headline", "score", "snippet", "path")));
                names.add(archive.relativize(Path.of(hit.get("path").asText())).toString());
            }
            assertEquals(OLDEST_FIRST, names);
            assertEquals(id("2022/volcano.txt"), hits.get(0).get("id").asText());

            CliRun none = cli("search", "--format", "jsonl", "nothingmatchesthis").expect(0);
            assertEquals("", none.out());
        }

        @Test
        void textShowsDateHeadlineIdPathAndSnippetWithoutAnsi() {
            CliRun run = cli("search", "volcano").expect(0).assertQuiet();
            String out = run.out();
            assertFalse(out.contains("\u001b"), out);
            List<String> lines = out.lines().toList();
            assertTrue(lines.get(0).startsWith("2 articles match, showing 1-2  ("), out);
            assertTrue(lines.get(0).endsWith(" ms)"), out);
            assertEquals("", lines.get(1));
            assertEquals("1. 2022-03-15  Volcano erupts near harbor town", lines.get(2));
            assertTrue(lines.get(3).startsWith("   ") && lines.get(3).contains("Lava from the volcano reached the harbor"),
                    out);
            assertEquals("   id " + id("2022/volcano.txt") + "  " + archive.resolve("2022/volcano.txt"), lines.get(4));
            assertEquals("", lines.get(5));
            assertEquals("2. 2023-01-01  Budget vote delayed again", lines.get(6));
            assertTrue(lines.get(7).contains("the volcano report"), out);
            assertEquals("   id " + id("2023/budget.txt") + "  " + archive.resolve("2023/budget.txt"), lines.get(8));
            assertEquals(9, lines.size(), out);
        }

        @Test
        void textSaysSoWhenNothingMatchesOrThePageIsEmpty() {
            CliRun none = cli("search", "nothingmatchesthis").expect(0);
            assertTrue(none.out().startsWith("0 articles match  ("), none.out());
            CliRun one = cli("search", "zebra").expect(0);
            assertTrue(one.out().startsWith("1 article matches, showing 1-1  ("), one.out());
            CliRun beyond = cli("search", "--offset", "5", "volcano").expect(0);
            assertTrue(beyond.out().startsWith("2 articles match (none on this page: --offset 5)  ("), beyond.out());
        }

        @Test
        void colorAlwaysMarksMatchesInBold() {
            CliRun run = cli("search", "--color", "always", "volcano").expect(0);
            assertTrue(run.out().contains("\u001b[1m"), run.out());
            assertTrue(run.out().contains("1. 2022-03-15  \u001b[1mVolcano\u001b[0m erupts near harbor town"), run.out());
            assertTrue(run.out().contains("the \u001b[1mvolcano\u001b[0m reached"), run.out());
            CliRun json = cli("search", "--color", "always", "--format", "json", "volcano").expect(0);
            assertFalse(json.out().contains("\u001b"), json.out());
            assertTrue(json.json().get("hits").get(0).get("snippet").asText().contains("<em>volcano</em>"));
        }

        @Test
        void colorFollowsTheTerminalNoColorAndTerm() {
            String[] args = {"--index", index.toString(), "search", "volcano"};
            assertTrue(CliRun.run(home, Map.of(), true, args).expect(0).out().contains("\u001b[1m"));
            assertFalse(CliRun.run(home, Map.of("NO_COLOR", "1"), true, args).expect(0).out().contains("\u001b"));
            assertFalse(CliRun.run(home, Map.of("TERM", "dumb"), true, args).expect(0).out().contains("\u001b"));
            assertFalse(CliRun.run(home, Map.of(), false, args).expect(0).out().contains("\u001b"));
            assertFalse(CliRun.run(home, Map.of(), true, "--index", index.toString(), "search", "--color", "never",
                    "volcano").expect(0).out().contains("\u001b"));
            assertTrue(CliRun.run(home, Map.of("NO_COLOR", "1"), false, "--index", index.toString(), "search",
                    "--color", "always", "volcano").expect(0).out().contains("\u001b[1m"));
        }

        @Test
        void dateTimeWithOffsetIsFiledUnderItsOwnCalendarDay() {
            JsonNode result = search("--from", "2023-12-22", "--to", "2023-12-22", "*:*");
            assertEquals(List.of("2023/election.txt"), hitNames(result));
            JsonNode hit = result.get("hits").get(0);
            assertEquals("2023-12-22", hit.get("date").asText());
            assertEquals(OffsetDateTime.parse("2023-12-22T23:30:00-05:00"),
                    OffsetDateTime.parse(hit.get("published").asText()));
            // 23:30 at -05:00 is the 23rd in UTC: it must not move to that day
            assertEquals(0, search("--from", "2023-12-23", "--to", "2023-12-23", "*:*").get("total").asLong());
            assertEquals(0, search("--from", "2023-12-21", "--to", "2023-12-21", "*:*").get("total").asLong());
        }

        @Test
        void searchAcceptsTheQueryAfterDoubleDash() {
            // a query word starting with '-' would be taken for an option; '--' ends the options
            JsonNode result = search("--", "orchestra", "-festival");
            assertEquals(List.of("2023/orchestra.txt"), hitNames(result));
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class SearchErrors {

        @ParameterizedTest
        @ValueSource(strings = {"foo AND", "\"unclosed", "(a OR b", "a OR", "headline:", "a)"})
        void invalidQuerySyntaxIsAUsageErrorWithAColumn(String query) {
            CliRun run = cli("search", query).expect(2);
            String line = run.oneErrorLine();
            assertTrue(line.startsWith("newsarchive: invalid query"), line);
            assertTrue(line.contains("column"), line);
            assertEquals("", run.out());
        }

        @Test
        void columnPointsAtTheProblem() {
            assertEquals("newsarchive: invalid query at column 8: unexpected end of query",
                    cli("search", "foo AND").expect(2).oneErrorLine());
        }

        @ParameterizedTest
        @ValueSource(strings = {"nope:x", "title:volcano", "nope:\"a b\"", "nope:[a TO b]", "nope:x*"})
        void unknownFieldIsAUsageError(String query) {
            String line = cli("search", query).expect(2).oneErrorLine();
            assertTrue(line.contains("unknown field '" + query.substring(0, query.indexOf(':')) + "'"), line);
        }

        @ParameterizedTest
        @ValueSource(strings = {"headline:[a TO b]", "date:2023*", "date:2023~", "date:\"2023 2024\"~2", "date:yesterday"})
        void misusedFieldsAreUsageErrors(String query) {
            cli("search", query).expect(2).oneErrorLine();
        }

        static Stream<Arguments> invalidDates() {
            return Stream.of(
                    Arguments.of(List.of("--from", "2023-13", "*:*")),
                    Arguments.of(List.of("--from", "2023-02-30", "*:*")),
                    Arguments.of(List.of("--to", "2023-02-29", "*:*")),
                    Arguments.of(List.of("--from", "2024", "--to", "2023", "*:*")),
                    Arguments.of(List.of("--from", "2023-03-02", "--to", "2023-03-01", "*:*")),
                    Arguments.of(List.of("--from", "yesterday", "*:*")),
                    Arguments.of(List.of("--from", "23-01-01", "*:*")),
                    Arguments.of(List.of("--to", "", "*:*")),
                    Arguments.of(List.of("date:[2023-99 TO *]")),
                    Arguments.of(List.of("date:2023-02-30")));
        }

        @ParameterizedTest
        @MethodSource("invalidDates")
        void invalidDatesAreUsageErrors(List<String> args) {
            List<String> all = new ArrayList<>(List.of("search"));
            all.addAll(args);
            CliRun run = cli(all.toArray(String[]::new)).expect(2);
            String line = run.oneErrorLine();
            assertTrue(line.startsWith("newsarchive: "), line);
            assertTrue(line.contains("date"), line);
        }

        @Test
        void emptyQueryIsAUsageError() {
            String line = cli("search", " ").expect(2).oneErrorLine();
            assertTrue(line.contains("empty query"), line);
        }

        @ParameterizedTest
        @ValueSource(strings = {"--bogus", "--limit=-1", "--offset=-3", "--limit=ten", "--sort=sideways",
            "--format=xml", "--color=sometimes"})
        void badOptionsAreUsageErrorsOnOneLine(String option) {
            CliRun run = cli("search", option, "volcano").expect(2);
            String line = run.oneErrorLine();
            assertTrue(line.startsWith("newsarchive: "), line);
            assertEquals("", run.out());
        }

        @Test
        void unknownOptionIsNamed() {
            String line = cli("search", "--bogus", "volcano").expect(2).oneErrorLine();
            assertTrue(line.contains("--bogus"), line);
            assertTrue(line.contains("newsarchive search --help"), line);
        }

        @Test
        void missingQueryOrSubcommandIsAUsageError() {
            cli("search").expect(2).oneErrorLine();
            CliRun.run(home).expect(2).oneErrorLine();
            CliRun.run(home, "frobnicate").expect(2).oneErrorLine();
            cli("show").expect(2).oneErrorLine();
            CliRun.run(home, "index").expect(2).oneErrorLine();
        }

        @Test
        void queryWordStartingWithMinusHIsNotTakenForHelp() {
            CliRun run = cli("search", "--format", "json", "volcano", "-harbor");
            assertFalse(run.out().startsWith("Usage:"), run.out());
            if (run.code() == 0) {
                assertEquals(List.of("2023/budget.txt"), hitNames(run.json()));
            } else {
                run.expect(2).oneErrorLine();
            }
        }

        @Test
        void invertedDateRangeInTheQueryIsAUsageError() {
            String line = cli("search", "date:[2024 TO 2023]").expect(2).oneErrorLine();
            assertTrue(line.contains("date"), line);
        }

        @Test
        void quotedDateWorksLikeAnUnquotedOne() {
            assertEquals(List.of("2023/election.txt"), hitNames(search("date:\"2023-12-22\"")));
        }

        @Test
        void purelyNegativeQueryMatchesEverythingElse() {
            assertEquals(9, search("NOT volcano").get("total").asLong());
        }

        @Test
        void unknownIdIsAUsageError() {
            CliRun run = cli("show", "0123456789abcdef").expect(2);
            String line = run.oneErrorLine();
            assertEquals("newsarchive: no article with id '0123456789abcdef' in the index", line);
            assertEquals("", run.out());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class MissingAndLockedIndex {

        @TempDir
        Path tmp;

        @ParameterizedTest
        @ValueSource(strings = {"search volcano", "show 0123456789abcdef", "stats"})
        void missingIndexExitsWithFourNamingThePath(String command) {
            Path missing = tmp.resolve("no-index-here");
            List<String> args = new ArrayList<>(List.of("--index", missing.toString()));
            args.addAll(List.of(command.split(" ")));
            CliRun run = CliRun.run(home, args.toArray(String[]::new)).expect(4);
            String line = run.oneErrorLine();
            assertTrue(line.contains(missing.toString()), line);
            assertFalse(Files.exists(missing), "reading must not create the index folder");
        }

        @Test
        void emptyFolderIsNoIndex() throws IOException {
            Path empty = Files.createDirectories(tmp.resolve("empty"));
            String line = CliRun.run(home, "--index", empty.toString(), "stats").expect(4).oneErrorLine();
            assertTrue(line.contains("no index at " + empty), line);
        }

        @Test
        void corruptIndexIsUnavailableAndDebugShowsTheStackTrace() throws IOException {
            Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
            Files.writeString(corrupt.resolve("segments_1"), "this is not a Lucene commit");
            CliRun plain = CliRun.run(home, "--index", corrupt.toString(), "search", "volcano").expect(4);
            String line = plain.oneErrorLine();
            assertTrue(line.contains(corrupt.toString()), line);

            CliRun debug = CliRun.run(home, "--debug", "--index", corrupt.toString(), "search", "volcano").expect(4);
            assertTrue(debug.err().startsWith("newsarchive: the index at " + corrupt), debug.err());
            assertTrue(debug.err().contains("\tat "), debug.err());
            assertTrue(debug.err().contains("IndexUnavailableException"), debug.err());
        }

        @Test
        void damagedSegmentFilesMakeTheIndexUnreadable() throws IOException {
            Path damaged = tmp.resolve("damaged");
            CliRun.run(home, "--index", damaged.toString(), "index", writeArchive(tmp.resolve("archive")).toString())
                    .expect(0);
            try (Stream<Path> files = Files.list(damaged)) {
                for (Path file : files.toList()) {
                    String name = file.getFileName().toString();
                    if (!name.startsWith("segments") && !name.equals("write.lock")) {
                        Files.write(file, new byte[(int) Files.size(file)]);
                    }
                }
            }
            for (String command : List.of("search volcano", "stats", "show " + id("2023/zebra.txt"))) {
                List<String> args = new ArrayList<>(List.of("--index", damaged.toString()));
                args.addAll(List.of(command.split(" ")));
                String line = CliRun.run(home, args.toArray(String[]::new)).expect(4).oneErrorLine();
                assertTrue(line.startsWith("newsarchive: cannot read the index at " + damaged + " ("), line);
            }
            CliRun debug = CliRun.run(home, "--debug", "--index", damaged.toString(), "stats").expect(4);
            assertTrue(debug.err().contains("\tat "), debug.err());
        }

        @Test
        void theCommandSuggestedForAnUnreadableIndexExists() throws IOException {
            Path corrupt = Files.createDirectories(tmp.resolve("corrupt"));
            Files.writeString(corrupt.resolve("segments_1"), "this is not a Lucene commit");
            String line = CliRun.run(home, "--index", corrupt.toString(), "stats").expect(4).oneErrorLine();
            java.util.regex.Matcher suggested = java.util.regex.Pattern.compile("'newsarchive (\\w+)").matcher(line);
            assertTrue(suggested.find(), line);
            CliRun.run(home, "help", suggested.group(1)).expect(0); // 'help X' fails for an unknown X
        }

        @Test
        void indexLocationThatIsAFileIsUnavailableForIndexingToo() throws IOException {
            Path file = Files.writeString(tmp.resolve("not-a-folder"), "x");
            Path data = writeArchive(tmp.resolve("archive"));
            CliRun.run(home, "--index", file.toString(), "stats").expect(4);
            String line = CliRun.run(home, "--index", file.toString(), "index", data.toString()).expect(4).oneErrorLine();
            assertTrue(line.contains(file.toString()), line);
            assertFalse(line.contains("Exception"), line);
        }

        @Test
        void debugShowsTheStackTraceOfAUsageErrorToo() {
            CliRun debug = cli("--debug", "search", "foo AND").expect(2);
            assertTrue(debug.err().startsWith("newsarchive: invalid query at column 8"), debug.err());
            assertTrue(debug.err().contains("\tat "), debug.err());
        }

        @Test
        void searchWorksWhileAWriterHoldsTheLockAndASecondIndexRunIsRefused() throws IOException {
            Path archiveCopy = writeArchive(tmp.resolve("archive"));
            Path locked = tmp.resolve("index");
            CliRun.run(home, "--index", locked.toString(), "index", archiveCopy.toString()).expect(0);
            try (ArticleIndexer writer = ArticleIndexer.open(locked)) {
                CliRun search = CliRun.run(home, "--index", locked.toString(), "search", "--format", "json", "volcano")
                        .expect(0);
                assertEquals(2, search.json().get("total").asLong());
                CliRun.run(home, "--index", locked.toString(), "stats").expect(0);

                CliRun second = CliRun.run(home, "--index", locked.toString(), "index", archiveCopy.toString())
                        .expect(4);
                String line = second.oneErrorLine();
                assertTrue(line.contains(locked.toString()), line);
                assertTrue(line.contains("being written by another process"), line);
                assertEquals("", second.out());
            }
            // the lock is released with the writer
            CliRun again = CliRun.run(home, "--index", locked.toString(), "index", "--format", "json",
                    archiveCopy.toString()).expect(0);
            assertEquals(11, again.json().get("unchanged").asLong());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Show {

        @Test
        void textShowsTheWholeRecord() throws IOException {
            Path file = archive.resolve("2022/volcano.txt");
            byte[] bytes = Files.readAllBytes(file);
            CliRun run = cli("show", id("2022/volcano.txt")).expect(0).assertQuiet();
            assertEquals(String.join("\n",
                    "Volcano erupts near harbor town",
                    "2022-03-15  id " + id("2022/volcano.txt"),
                    file.toString(),
                    "29 words, " + bytes.length + " bytes, sha256 " + CliRun.sha256Hex(bytes),
                    "",
                    "Lava from the volcano reached the harbor on Tuesday morning. Fishermen moved their boats to safety.",
                    "",
                    "Scientists expect further eruptions in the coming weeks.",
                    ""), run.out());
        }

        @Test
        void jsonShowsTheWholeRecord() throws IOException {
            Path file = archive.resolve("2022/volcano.txt");
            byte[] bytes = Files.readAllBytes(file);
            JsonNode article = cli("show", "--format", "json", id("2022/volcano.txt")).expect(0).assertQuiet().json();
            assertEquals(id("2022/volcano.txt"), article.get("id").asText());
            assertEquals("2022-03-15", article.get("date").asText());
            assertEquals("2022-03-15", article.get("published").asText());
            assertEquals("Volcano erupts near harbor town", article.get("headline").asText());
            assertEquals("Lava from the volcano reached the harbor on Tuesday morning. Fishermen moved their boats to safety."
                    + "\n\nScientists expect further eruptions in the coming weeks.", article.get("body").asText());
            assertEquals(2, article.get("paragraphs").size());
            assertEquals("Lava from the volcano reached the harbor on Tuesday morning. Fishermen moved their boats to safety.",
                    article.get("paragraphs").get(0).asText());
            assertEquals("Scientists expect further eruptions in the coming weeks.",
                    article.get("paragraphs").get(1).asText());
            assertEquals(file.toString(), article.get("path").asText());
            assertEquals(bytes.length, article.get("size_bytes").asLong());
            assertEquals(ARTICLES.get("2022/volcano.txt").getBytes(StandardCharsets.UTF_8).length,
                    article.get("size_bytes").asLong());
            assertEquals(CliRun.sha256Hex(bytes), article.get("sha256").asText());
            assertEquals(29, article.get("word_count").asInt()); // 5 headline + 10 + 6 + 8 body
        }

        @Test
        void jsonlIsOneLineAndIdIsTrimmed() {
            CliRun run = cli("show", "--format", "jsonl", " " + id("2023/zebra.txt") + " ").expect(0);
            assertEquals(1, run.out().lines().count());
            JsonNode article = run.jsonLines().get(0);
            assertEquals(id("2023/zebra.txt"), article.get("id").asText());
            assertEquals("Zebra escapes from city zoo", article.get("headline").asText());
            assertEquals(21, article.get("word_count").asInt()); // 5 + 16
            assertEquals(1, article.get("paragraphs").size());
        }

        @Test
        void dateTimeArticleKeepsItsTime() {
            JsonNode article = cli("show", "--format", "json", id("2023/election.txt")).expect(0).json();
            assertEquals("2023-12-22", article.get("date").asText());
            String published = article.get("published").asText();
            assertTrue(published.startsWith("2023-12-22T23:30"), published);
            assertTrue(published.endsWith("-05:00"), published);
            assertEquals(OffsetDateTime.parse("2023-12-22T23:30:00-05:00"), OffsetDateTime.parse(published));
            CliRun text = cli("show", id("2023/election.txt")).expect(0);
            assertEquals(published + "  id " + id("2023/election.txt"), text.out().lines().toList().get(1));
        }

        @Test
        void publishedIsTheDateTimeAsTheSourceGaveIt() {
            JsonNode article = cli("show", "--format", "json", id("2023/election.txt")).expect(0).json();
            assertEquals("2023-12-22T23:30:00-05:00", article.get("published").asText());
        }

        @Test
        void idFromSearchWorksInShow() {
            JsonNode hit = search("zebra").get("hits").get(0);
            JsonNode article = cli("show", "--format", "json", hit.get("id").asText()).expect(0).json();
            assertEquals(hit.get("path").asText(), article.get("path").asText());
            assertEquals(hit.get("headline").asText(), article.get("headline").asText());
            assertEquals(hit.get("date").asText(), article.get("date").asText());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Stats {

        @Test
        void json() {
            JsonNode stats = cli("stats", "--format", "json").expect(0).assertQuiet().json();
            assertEquals(index.toString(), stats.get("index").asText());
            assertEquals(11, stats.get("articles").asLong());
            assertEquals("2022-03-15", stats.get("first_date").asText());
            assertEquals("2024-06-10", stats.get("last_date").asText());
            assertTrue(stats.get("size_bytes").asLong() > 0);
            assertEquals(archiveBytes(), stats.get("source_bytes").asLong());
            assertEquals(String.valueOf(org.newsarchive.schema.ArticleSchema.VERSION), stats.get("schema_version").asText());
            assertEquals("english-porter-v1", stats.get("analyzer").asText());
        }

        @Test
        void text() {
            CliRun run = cli("stats").expect(0).assertQuiet();
            List<String> lines = run.out().lines().toList();
            assertEquals("index        " + index, lines.get(0));
            assertEquals("articles     11", lines.get(1));
            assertEquals("dates        2022-03-15 to 2024-06-10", lines.get(2));
            assertTrue(lines.get(3).startsWith("index size   "), run.out());
            assertFalse(lines.get(3).equals("index size   0 bytes"), run.out());
            assertEquals("source size  " + ArticleParser.formatSize(archiveBytes()), lines.get(4));
            // the three "Meteorite found in desert" articles are one group of copies
            assertEquals("copies       1 group of near-duplicate articles", lines.get(5));
            assertEquals("schema       " + org.newsarchive.schema.ArticleSchema.VERSION + " (english-porter-v1)", lines.get(6));
        }

        @Test
        void jsonl() {
            CliRun run = cli("stats", "--format", "jsonl").expect(0);
            assertEquals(1, run.out().lines().count());
            assertEquals(11, run.jsonLines().get(0).get("articles").asLong());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class HelpAndVersion {

        @ParameterizedTest
        @ValueSource(strings = {"", "index", "search", "show", "stats"})
        void helpListsTheExitCodes(String subcommand) {
            List<String> args = new ArrayList<>();
            if (!subcommand.isEmpty()) {
                args.add(subcommand);
            }
            args.add("--help");
            CliRun run = CliRun.run(home, args.toArray(String[]::new)).expect(0).assertQuiet();
            String out = run.out();
            assertTrue(out.startsWith("Usage: newsarchive" + (subcommand.isEmpty() ? "" : " " + subcommand)), out);
            assertTrue(out.contains("Exit codes:"), out);
            for (String code : List.of("0", "1", "2", "3", "4")) {
                assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(code + " ")), code + " in\n" + out);
            }
            assertTrue(out.contains("Usage error"), out);
            assertTrue(out.contains("locked by another writer"), out);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-h", "--help"})
        void topHelpListsTheSubcommands(String option) {
            String out = CliRun.run(home, option).expect(0).out();
            for (String sub : List.of("index", "search", "show", "stats")) {
                assertTrue(out.lines().anyMatch(l -> l.strip().startsWith(sub + " ")), sub + " in\n" + out);
            }
            assertTrue(out.contains("NEWSARCHIVE_INDEX"), out);
        }

        @ParameterizedTest
        @ValueSource(strings = {"index", "search", "show", "stats"})
        void helpSubcommandWorksToo(String subcommand) {
            String out = CliRun.run(home, "help", subcommand).expect(0).out();
            assertTrue(out.startsWith("Usage: newsarchive " + subcommand), out);
            assertTrue(out.contains("Exit codes:"), out);
        }

        @Test
        void topVersion() {
            CliRun run = CliRun.run(home, "--version").expect(0).assertQuiet();
            List<String> lines = run.out().lines().toList();
            assertEquals(2, lines.size(), run.out());
            assertTrue(lines.get(0).matches("newsarchive \\d+\\.\\d+\\.\\d+.*"), run.out());
            assertEquals("Lucene 9.12.3, index schema " + org.newsarchive.schema.ArticleSchema.VERSION, lines.get(1));
            assertEquals(run.out(), CliRun.run(home, "-V").expect(0).out());
        }

        @ParameterizedTest
        @ValueSource(strings = {"index", "search", "show", "stats"})
        void subcommandVersionPrintsTheVersion(String subcommand) {
            CliRun run = CliRun.run(home, subcommand, "--version").expect(0).assertQuiet();
            assertEquals(CliRun.run(home, "--version").out(), run.out());
            assertTrue(run.out().startsWith("newsarchive "), run.out());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class IndexLocation {

        @TempDir
        Path tmp;

        @Test
        void environmentVariableIsUsedWhenIndexIsAbsent() {
            CliRun run = CliRun.run(home, Map.of("NEWSARCHIVE_INDEX", index.toString()),
                    "search", "--format", "json", "volcano").expect(0);
            assertEquals(2, run.json().get("total").asLong());
            JsonNode stats = CliRun.run(home, Map.of("NEWSARCHIVE_INDEX", index.toString()), "stats", "--format", "json")
                    .expect(0).json();
            assertEquals(index.toString(), stats.get("index").asText());
        }

        @Test
        void indexOptionWinsOverTheEnvironment() {
            Path missing = tmp.resolve("missing");
            CliRun.run(home, Map.of("NEWSARCHIVE_INDEX", missing.toString()), "--index", index.toString(), "stats")
                    .expect(0);
            String line = CliRun.run(home, Map.of("NEWSARCHIVE_INDEX", index.toString()), "--index", missing.toString(),
                    "stats").expect(4).oneErrorLine();
            assertTrue(line.contains(missing.toString()), line);
        }

        @Test
        void blankEnvironmentVariableFallsBackToTheDefault() {
            String line = CliRun.run(tmp, Map.of("NEWSARCHIVE_INDEX", "  "), "stats").expect(4).oneErrorLine();
            assertTrue(line.contains(tmp.resolve("index-data").toString()), line);
        }

        @Test
        void indexOptionAfterTheSubcommandWorks() {
            CliRun run = CliRun.run(home, "search", "--index", index.toString(), "--format", "json", "volcano").expect(0);
            assertEquals(2, run.json().get("total").asLong());
            CliRun.run(home, "stats", "--index", index.toString()).expect(0);
            CliRun.run(home, "show", "--index", index.toString(), id("2023/zebra.txt")).expect(0);
        }

        @Test
        void subcommandIndexOptionWinsOverTheGlobalOne() {
            Path missing = tmp.resolve("missing");
            CliRun.run(home, "--index", missing.toString(), "search", "--index", index.toString(), "volcano").expect(0);
        }

        @Test
        void defaultIsIndexDataInTheHomeFolder() throws IOException {
            Path myHome = Files.createDirectories(tmp.resolve("home"));
            Path data = writeArchive(tmp.resolve("archive"));
            String line = CliRun.run(myHome, "stats").expect(4).oneErrorLine();
            assertTrue(line.contains(myHome.resolve("index-data").toString()), line);

            CliRun indexed = CliRun.run(myHome, "index", data.toString()).expect(0);
            assertTrue(indexed.out().startsWith("indexed into " + myHome.resolve("index-data") + " in "), indexed.out());
            assertTrue(Files.isDirectory(myHome.resolve("index-data")));
            JsonNode result = CliRun.run(myHome, "search", "--format", "json", "zebra").expect(0).json();
            assertEquals(1, result.get("total").asLong());
            JsonNode stats = CliRun.run(myHome, "stats", "--format", "json").expect(0).json();
            assertEquals(myHome.resolve("index-data").toString(), stats.get("index").asText());
            assertEquals(11, stats.get("articles").asLong());
        }
    }

    // ------------------------------------------------------------------------------------------

    @Nested
    class Indexing {

        @TempDir
        Path tmp;

        Path data;
        Path idx;

        CliRun index(String... args) {
            List<String> all = new ArrayList<>(List.of("--index", idx.toString(), "index"));
            all.addAll(List.of(args));
            return CliRun.run(home, all.toArray(String[]::new));
        }

        JsonNode indexJson(String... args) {
            List<String> all = new ArrayList<>(List.of("--format", "json"));
            all.addAll(List.of(args));
            return index(all.toArray(String[]::new)).expect(0).assertQuiet().json();
        }

        long articles() {
            return CliRun.run(home, "--index", idx.toString(), "stats", "--format", "json").expect(0).json()
                    .get("articles").asLong();
        }

        void setUp() throws IOException {
            data = writeArchive(tmp.resolve("archive"));
            idx = tmp.resolve("index");
        }

        @Test
        void textSummary() throws IOException {
            setUp();
            CliRun run = index(data.toString()).expect(0).assertQuiet();
            List<String> lines = run.out().lines().toList();
            assertEquals(2, lines.size(), run.out());
            assertTrue(lines.get(0).matches("indexed into \\Q" + idx + "\\E in \\d+\\.\\d s: "
                    + "11 added, 0 updated, 0 unchanged, 0 deleted, 0 rejected"), run.out());
            assertEquals("the index now holds 11 articles", lines.get(1));
            assertEquals(11, articles());
        }

        @Test
        void jsonSummary() throws IOException {
            setUp();
            JsonNode summary = indexJson(data.toString());
            assertEquals(11, summary.get("added").asLong());
            assertEquals(0, summary.get("updated").asLong());
            assertEquals(0, summary.get("unchanged").asLong());
            assertEquals(0, summary.get("rejected").asLong());
            assertTrue(summary.get("rejected_by_reason").isObject());
            assertEquals(0, summary.get("rejected_by_reason").size());
            assertTrue(summary.get("rejected_files").isArray());
            assertEquals(0, summary.get("rejected_files").size());
            assertEquals(0, summary.get("skipped").asLong());
            assertEquals(11, summary.get("articles").asLong());
            assertTrue(summary.get("elapsed_ms").asLong() >= 0);
        }

        @Test
        void jsonlSummaryIsOneLine() throws IOException {
            setUp();
            CliRun run = index("--format", "jsonl", data.toString()).expect(0);
            assertEquals(1, run.out().lines().count());
            assertEquals(11, run.jsonLines().get(0).get("added").asLong());
        }

        @Test
        void reindexingTheSameFolderChangesNothing() throws IOException {
            setUp();
            indexJson(data.toString());
            JsonNode again = indexJson(data.toString());
            assertEquals(0, again.get("added").asLong());
            assertEquals(0, again.get("updated").asLong());
            assertEquals(11, again.get("unchanged").asLong());
            assertEquals(11, again.get("articles").asLong());
            assertEquals(11, articles());

            CliRun text = index(data.toString()).expect(0);
            assertTrue(text.out().contains(": 0 added, 0 updated, 11 unchanged, 0 deleted, 0 rejected"), text.out());
        }

        @Test
        void modifiedFileIsUpdatedInPlace() throws IOException {
            setUp();
            indexJson(data.toString());
            Path zebra = data.resolve("2023/zebra.txt");
            String id = CliRun.idOf(zebra.toRealPath());
            Files.writeString(zebra, """
                     date 2023-03-02 Zebra back in city zoo

                    Keepers caught the zebra near the duck pond.
                    """);
            JsonNode summary = indexJson(data.toString());
            assertEquals(0, summary.get("added").asLong());
            assertEquals(1, summary.get("updated").asLong());
            assertEquals(10, summary.get("unchanged").asLong());
            assertEquals(11, summary.get("articles").asLong());
            assertEquals(11, articles());

            JsonNode article = CliRun.run(home, "--index", idx.toString(), "show", "--format", "json", id)
                    .expect(0).json();
            assertEquals("Zebra back in city zoo", article.get("headline").asText());
            assertEquals("2023-03-02", article.get("date").asText());
            JsonNode old = CliRun.run(home, "--index", idx.toString(), "search", "--format", "json", "roses")
                    .expect(0).json();
            assertEquals(0, old.get("total").asLong());
            JsonNode fresh = CliRun.run(home, "--index", idx.toString(), "search", "--format", "json", "duck")
                    .expect(0).json();
            assertEquals(1, fresh.get("total").asLong());
            assertEquals(id, fresh.get("hits").get(0).get("id").asText());
        }

        @Test
        void anotherSpellingOfThePathMakesNoDuplicates() throws IOException {
            setUp();
            indexJson(data.toString());
            String odd = data + "/./2022/../";
            JsonNode summary = indexJson(odd);
            assertEquals(0, summary.get("added").asLong());
            assertEquals(11, summary.get("unchanged").asLong());
            assertEquals(11, articles());

            Path relative = Path.of("").toAbsolutePath().relativize(data.resolve("2023"));
            JsonNode viaRelative = indexJson(relative.toString(), data.resolve("2023").resolve("zebra.txt").toString());
            assertEquals(0, viaRelative.get("added").asLong());
            assertEquals(5, viaRelative.get("unchanged").asLong());
            assertEquals(11, articles());
        }

        @Test
        void theSameFolderNamedTwiceIsIndexedOnce() throws IOException {
            setUp();
            JsonNode summary = indexJson(data.toString(), data.resolve("2023").toString(), data.toString());
            assertEquals(11, summary.get("added").asLong());
            assertEquals(11, articles());
        }

        @Test
        void symlinkedFolderMakesNoDuplicates() throws IOException {
            setUp();
            Path link = tmp.resolve("link");
            try {
                Files.createSymbolicLink(link, data);
            } catch (UnsupportedOperationException | IOException e) {
                org.junit.jupiter.api.Assumptions.abort("no symlinks here: " + e);
            }
            indexJson(data.toString());
            JsonNode summary = indexJson(link.toString());
            assertEquals(0, summary.get("added").asLong());
            assertEquals(11, summary.get("unchanged").asLong());
            assertEquals(11, articles());
        }

        @Test
        void badFileIsRejectedOnOneLineAndTheGoodOnesAreIndexed() throws IOException {
            Path mixed = Files.createDirectories(tmp.resolve("mixed"));
            Files.writeString(mixed.resolve("good-1.txt"), ARTICLES.get("2023/zebra.txt"));
            Files.writeString(mixed.resolve("good-2.txt"), ARTICLES.get("2024/quantum.txt"));
            Path bad = mixed.resolve("bad.txt");
            Files.writeString(bad, "Just some words without a date line.\n\nAnd more words.\n");
            Files.writeString(mixed.resolve("notes.md"), "not an article, not a .txt file");
            idx = tmp.resolve("index");

            CliRun run = index(mixed.toString()).expect(3);
            String line = run.oneErrorLine();
            assertEquals("rejected " + bad.toRealPath() + ": no date line: the first line must start with 'date YYYY-MM-DD'",
                    line);
            List<String> lines = run.out().lines().toList();
            assertTrue(lines.get(0).endsWith(": 2 added, 0 updated, 0 unchanged, 0 deleted, 1 rejected"), run.out());
            assertEquals("rejected by reason: no-date-line 1", lines.get(1));
            assertEquals("the index now holds 2 articles", lines.get(2));
            assertEquals(2, articles());

            CliRun json = index("--format", "json", mixed.toString()).expect(3);
            json.oneErrorLine();
            JsonNode summary = json.json();
            assertEquals(0, summary.get("added").asLong());
            assertEquals(2, summary.get("unchanged").asLong());
            assertEquals(1, summary.get("rejected").asLong());
            assertEquals(1, summary.get("rejected_by_reason").size());
            assertEquals(1, summary.get("rejected_by_reason").get("no-date-line").asLong());
            JsonNode file = summary.get("rejected_files").get(0);
            assertEquals(1, summary.get("rejected_files").size());
            assertEquals(bad.toRealPath().toString(), file.get("path").asText());
            assertEquals("no-date-line", file.get("reason").asText());
            assertEquals("no date line: the first line must start with 'date YYYY-MM-DD'", file.get("detail").asText());
            assertEquals(2, summary.get("articles").asLong());
        }

        @Test
        void eachRejectReasonIsCounted() throws IOException {
            Path mixed = Files.createDirectories(tmp.resolve("mixed"));
            Files.writeString(mixed.resolve("good.txt"), ARTICLES.get("2023/zebra.txt"));
            Files.writeString(mixed.resolve("empty.txt"), "");
            Files.writeString(mixed.resolve("impossible.txt"), " date 2023-02-30 Title\n\nBody text.\n");
            Files.writeString(mixed.resolve("unrecognised.txt"), " date yesterday Title\n\nBody text.\n");
            Files.write(mixed.resolve("binary.txt"), new byte[] {'d', 'a', 't', 'e', 0, 1, 2});
            Files.writeString(mixed.resolve("no-text.txt"), " date 2023-01-01\n\n\n");
            idx = tmp.resolve("index");

            CliRun run = index("--format", "json", mixed.toString()).expect(3);
            assertEquals(5, run.errLines().size(), run.err());
            run.assertNoStackTrace();
            JsonNode summary = run.json();
            assertEquals(1, summary.get("added").asLong());
            assertEquals(5, summary.get("rejected").asLong());
            JsonNode reasons = summary.get("rejected_by_reason");
            assertEquals(List.of("empty", "impossible-date", "unrecognised-date", "binary", "no-text"), fieldNames(reasons));
            for (String reason : fieldNames(reasons)) {
                assertEquals(1, reasons.get(reason).asLong(), reason);
            }
            List<String> rejectedNames = new ArrayList<>();
            for (JsonNode file : summary.get("rejected_files")) {
                rejectedNames.add(Path.of(file.get("path").asText()).getFileName().toString());
            }
            assertEquals(List.of("binary.txt", "empty.txt", "impossible.txt", "no-text.txt", "unrecognised.txt"),
                    rejectedNames, "sorted by path");
            assertEquals(1, articles());
        }

        @Test
        void nonexistentPathIsAUsageErrorAndNothingIsIndexed() throws IOException {
            setUp();
            Path missing = tmp.resolve("no-such-folder");
            CliRun run = index(missing.toString()).expect(2);
            assertEquals("newsarchive: no such file or directory: " + missing, run.oneErrorLine());
            assertEquals("", run.out());
            assertFalse(Files.exists(idx), "no index must be created");

            CliRun mixed = index(data.toString(), missing.toString()).expect(2);
            assertEquals("newsarchive: no such file or directory: " + missing, mixed.oneErrorLine());
            assertFalse(Files.exists(idx), "nothing indexed when one path is missing");
            CliRun.run(home, "--index", idx.toString(), "stats").expect(4);
        }

        @Test
        void maxFileSizeRejectsLargerFiles() throws IOException {
            setUp();
            CliRun run = index("--max-file-size", "10", "--format", "json", data.toString()).expect(3);
            run.assertNoStackTrace();
            List<String> errors = run.errLines();
            assertEquals(11, errors.size(), run.err());
            for (String line : errors) {
                assertTrue(line.startsWith("rejected " + data.toRealPath()), line);
                assertTrue(line.contains(", over the 10 bytes limit"), line);
            }
            JsonNode summary = run.json();
            assertEquals(0, summary.get("added").asLong());
            assertEquals(11, summary.get("rejected").asLong());
            assertEquals(List.of("too-large"), fieldNames(summary.get("rejected_by_reason")));
            assertEquals(11, summary.get("rejected_by_reason").get("too-large").asLong());
            assertEquals(11, summary.get("rejected_files").size());
            for (JsonNode file : summary.get("rejected_files")) {
                assertEquals("too-large", file.get("reason").asText());
            }
            assertEquals(0, summary.get("articles").asLong());

            // a limit between the sizes: only the longest article (volcano, 208 bytes) is over 200 bytes
            JsonNode some = index("--max-file-size", "200", "--format", "json", data.toString()).expect(3).json();
            assertEquals(1, some.get("rejected").asLong());
            assertEquals(data.resolve("2022/volcano.txt").toRealPath().toString(),
                    some.get("rejected_files").get(0).get("path").asText());
            assertEquals(10, some.get("added").asLong());

            JsonNode all = index("--max-file-size", "1k", "--format", "json", data.toString()).expect(0).json();
            assertEquals(1, all.get("added").asLong());
            assertEquals(10, all.get("unchanged").asLong());
        }

        @ParameterizedTest
        @ValueSource(strings = {"--max-file-size=0", "--max-file-size=ten", "--max-file-size=-5", "--threads=0",
            "--format=xml", "--bogus"})
        void badIndexOptionsAreUsageErrors(String option) throws IOException {
            setUp();
            CliRun run = index(option, data.toString()).expect(2);
            run.oneErrorLine();
            assertFalse(Files.exists(idx), "nothing indexed");
        }

        @Test
        void emptyFolderMakesAnEmptyIndex() throws IOException {
            Path empty = Files.createDirectories(tmp.resolve("empty"));
            idx = tmp.resolve("index");
            JsonNode summary = indexJson(empty.toString());
            assertEquals(0, summary.get("added").asLong());
            assertEquals(0, summary.get("articles").asLong());
            JsonNode stats = CliRun.run(home, "--index", idx.toString(), "stats", "--format", "json").expect(0).json();
            assertEquals(0, stats.get("articles").asLong());
            assertTrue(stats.get("first_date").isNull());
            assertTrue(stats.get("last_date").isNull());
            CliRun text = CliRun.run(home, "--index", idx.toString(), "stats").expect(0);
            assertTrue(text.out().contains("\ndates        -\n"), text.out());
            JsonNode result = CliRun.run(home, "--index", idx.toString(), "search", "--format", "json", "*:*")
                    .expect(0).json();
            assertEquals(0, result.get("total").asLong());
        }


        @Test
        void singleFileIsTakenWhateverItsName() throws IOException {
            setUp();
            Path odd = tmp.resolve("story.article");
            Files.writeString(odd, ARTICLES.get("2023/zebra.txt"));
            JsonNode summary = indexJson(odd.toString());
            assertEquals(1, summary.get("added").asLong());
        }
    }
}
