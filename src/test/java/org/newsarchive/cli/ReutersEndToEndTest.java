package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end over the real Reuters-21578 article files: one indexing run through the CLI, then
 * searches whose expected results were counted independently of this code, with grep and a few
 * lines of Python over the files (commands in the comments, run from the corpus folder
 * {@code ../shared/data/reuters-articles}). Each file's first line is
 * {@code " date YYYY-MM-DD TITLE"}; the body follows after a blank line.
 *
 * <p>The queries were chosen so that English stemming, possessives and stop words cannot change
 * the answer: each word was also grepped for other inflections and for adjacent punctuation.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReutersEndToEndTest {

    static final String CORPUS = System.getProperty("newsarchive.shared", "../shared") + "/data/reuters-articles";

    @TempDir
    static Path tmp;

    Path corpus;
    Path home;
    Path index;
    JsonNode indexSummary;
    CliRun indexRun;

    @BeforeAll
    void indexTheCorpusOnce() throws IOException {
        Path folder = Path.of(CORPUS);
        Assumptions.assumeTrue(Files.isDirectory(folder.resolve("1987")), "Reuters corpus not found at " + folder);
        corpus = folder.toRealPath();
        home = Files.createDirectories(tmp.resolve("home"));
        index = tmp.resolve("index");
        indexRun = CliRun.run(home, "--index", index.toString(), "index", "--format", "json", corpus.toString());
        indexSummary = indexRun.code() == 0 ? indexRun.json() : null;
    }

    JsonNode search(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "search", "--format", "json"));
        all.addAll(List.of(args));
        return CliRun.run(home, all.toArray(String[]::new)).expect(0).assertQuiet().json();
    }

    /** Hit paths relative to the corpus folder, in order. */
    List<String> paths(JsonNode result) {
        List<String> paths = new ArrayList<>();
        for (JsonNode hit : result.get("hits")) {
            paths.add(corpus.relativize(Path.of(hit.get("path").asText())).toString().replace('\\', '/'));
        }
        return paths;
    }

    Set<String> pathSet(JsonNode result) {
        return new TreeSet<>(paths(result));
    }

    /** The paths of the hits that match the whole query (not those with only some of its parts). */
    Set<String> completePathSet(JsonNode result) {
        Set<String> complete = new TreeSet<>();
        List<String> all = paths(result);
        for (int i = 0; i < all.size(); i++) {
            if (!result.get("hits").get(i).get("partial").asBoolean()) {
                complete.add(all.get(i));
            }
        }
        return complete;
    }

    static Set<String> set(String... paths) {
        return new TreeSet<>(List.of(paths));
    }

    @Test
    void indexesEveryArticleAndRejectsNone() throws java.io.IOException {
        indexRun.expect(0);
        // the folder's tag list is JSON lines without articles: passed over, in one line
        assertEquals(List.of("skipped " + Path.of(CORPUS).toRealPath() + "/reuters-tags.jsonl: not an article file:"
                + " its first 100 records have no title and no text"), indexRun.errLines());
        // find 1987 -name '*.txt' | wc -l                      -> 20841
        assertEquals(20841, indexSummary.get("added").asLong());
        assertEquals(0, indexSummary.get("updated").asLong());
        assertEquals(0, indexSummary.get("unchanged").asLong());
        assertEquals(0, indexSummary.get("rejected").asLong());
        assertEquals(0, indexSummary.get("rejected_files").size());
        assertEquals(20841, indexSummary.get("articles").asLong());
    }

    @Test
    void statsCoverTheWholeCorpus() {
        JsonNode stats = CliRun.run(home, "--index", index.toString(), "stats", "--format", "json").expect(0).json();
        assertEquals(20841, stats.get("articles").asLong());
        // find 1987 -name '*.txt' -exec head -qn1 {} + | grep -o ' date [0-9-]*' | sort | uniq -c
        //   first line: 222 date 1987-02-26, last line: 850 date 1987-10-20
        assertEquals("1987-02-26", stats.get("first_date").asText());
        assertEquals("1987-10-20", stats.get("last_date").asText());
        assertTrue(stats.get("size_bytes").asLong() > 0);
    }

    @Test
    void rareWordOnOneDay() {
        // grep -ril temporao 1987 | sort                               -> 7 files
        // grep -rhoiE '\w*temporao\w*' 1987 | sort | uniq -c           -> only TEMPORAO / temporao
        // for f in $(grep -ril temporao 1987); do head -1 $f; done      -> three dated 1987-04-07
        JsonNode all = search("--limit", "50", "temporao");
        assertEquals(7, all.get("total").asLong());
        assertEquals(set("1987/02/reuters-1.txt", "1987/03/reuters-11459.txt", "1987/03/reuters-4470.txt",
                "1987/04/reuters-13462.txt", "1987/04/reuters-13487.txt", "1987/04/reuters-13650.txt",
                "1987/06/reuters-17568.txt"), pathSet(all));

        JsonNode oneDay = search("--from", "1987-04-07", "--to", "1987-04-07", "temporao");
        assertEquals(3, oneDay.get("total").asLong());
        assertEquals(set("1987/04/reuters-13462.txt", "1987/04/reuters-13487.txt", "1987/04/reuters-13650.txt"),
                pathSet(oneDay));
        for (JsonNode hit : oneDay.get("hits")) {
            assertEquals("1987-04-07", hit.get("date").asText());
            assertTrue(hit.get("snippet").asText().toLowerCase().contains("<em>temporao</em>"), hit.toString());
        }
        assertEquals(oneDay.get("total"), search("temporao date:1987-04-07").get("total"));
    }

    @Test
    void mustNotExcludesAWordButNotItsDerivative() {
        // for f in $(grep -ril temporao 1987); do echo $f $(grep -ciE "\bbahia('s)?\b" $f); done
        //   -> only 1987/03/reuters-4470.txt has 0 (it says "Bahian", a different stem)
        assertEquals(List.of("1987/03/reuters-4470.txt"), paths(search("temporao -bahia")));
        assertEquals(6, search("temporao AND bahia").get("total").asLong());
    }

    @Test
    void phraseRestrictedToAMonth() {
        // python3: re.search(r"\bbahia(?:['’]s)?\W+cocoas?\b", headline or body, re.I) over every file
        //   -> 1987/02/reuters-1.txt (BAHIA COCOA REVIEW) and 1987/04/reuters-14651.txt (BAHIA COCOA FUTURES CLSG)
        assertEquals(set("1987/02/reuters-1.txt", "1987/04/reuters-14651.txt"), pathSet(search("\"Bahia cocoa\"")));
        JsonNode april = search("--from", "1987-04", "--to", "1987-04", "\"Bahia cocoa\"");
        assertEquals(1, april.get("total").asLong());
        assertEquals(List.of("1987/04/reuters-14651.txt"), paths(april));
        assertTrue(april.get("hits").get(0).get("snippet").asText().contains("Closing prices on the <em>Bahia Cocoa</em> Futures Market"),
                april.toString());
    }

    @Test
    void headlineFieldCountsTitles() {
        // find 1987 -name '*.txt' -exec head -qn1 {} + | grep -ciE "\bcocoa\b"                      -> 72
        // find 1987 -name '*.txt' -exec head -qn1 {} + | grep -oiE "\w*cocoa[\w']*" | sort | uniq -c -> only COCOA/Cocoa/cocoa
        // (no title with cocoa is split into a first-sentence headline: checked with python)
        assertEquals(72, search("--limit", "0", "headline:cocoa").get("total").asLong());
        // ... | grep -iE "\bcocoa\b" | grep -o ' date 1987-[0-9][0-9]' | sort | uniq -c
        //   -> 1987-02: 1, 1987-03: 37, 1987-04: 20, 1987-06: 13, 1987-10: 1
        assertEquals(37, search("--limit", "0", "--from", "1987-03", "--to", "1987-03", "headline:cocoa")
                .get("total").asLong());
        assertEquals(List.of("1987/10/reuters-20005.txt"),
                paths(search("--from", "1987-10", "headline:cocoa"))); // ASIAN COCOA PRODUCERS EXPAND DESPITE CRITICS
        JsonNode february = search("--to", "1987-02", "headline:cocoa");
        assertEquals(List.of("1987/02/reuters-1.txt"), paths(february));
        assertEquals("BAHIA COCOA REVIEW", february.get("hits").get(0).get("headline").asText());
    }

    @Test
    void totalsAreExactWhereRankingSkipsDocuments() {
        // past 1,000 matches ranking may skip documents that cannot reach the page, and the
        // total comes from a separate count: it must equal the number of hits listed one by one
        for (String[] query : List.of(new String[] {"said"}, new String[] {"--sort", "newest", "oil"},
                new String[] {"--sort", "oldest", "*:*"})) {
            List<String> args = new ArrayList<>(List.of(query));
            long total = search(args.toArray(String[]::new)).get("total").asLong();
            args.addAll(0, List.of("--limit", "0"));
            assertEquals(total, search(args.toArray(String[]::new)).get("total").asLong(), String.join(" ", query));
            args.set(1, "25000");
            JsonNode all = search(args.toArray(String[]::new));
            assertEquals(total, all.get("hits").size(), String.join(" ", query));
            assertEquals(total, new java.util.HashSet<>(paths(all)).size(), String.join(" ", query));
            assertTrue(total > 1000, String.join(" ", query));
        }
    }

    @Test
    void phraseAndHeadlineOnOneDay() {
        // python3 over 1987/06: title matches \bcocoa\b and (title or body) matches
        //   r"\bbuffers?(?:['’]s)?\W+stock(?:s|ing|ed)?\b" (re.I), dated 1987-06-02
        //   -> reuters-18014 (ICCO BUYS 5,000 TONNES COCOA FOR BUFFER STOCK), reuters-18221, reuters-18222
        JsonNode result = search("--from", "1987-06-02", "--to", "1987-06-02", "headline:cocoa \"buffer stock\"");
        assertEquals(set("1987/06/reuters-18014.txt", "1987/06/reuters-18221.txt", "1987/06/reuters-18222.txt"),
                completePathSet(result));
        assertEquals(3, result.get("total").asLong());
        // the whole of June: 10 of the 13 June cocoa titles
        assertEquals(10, search("--limit", "0", "--from", "1987-06", "--to", "1987-06", "headline:cocoa \"buffer stock\"")
                .get("total").asLong());
    }

    @Test
    void matchAllCountsWholeDaysAndMonths() {
        // grep -rlE '^ date 1987-03-02\b' 1987 | wc -l   -> 604
        assertEquals(604, search("--limit", "0", "--from", "1987-03-02", "--to", "1987-03-02", "*:*")
                .get("total").asLong());
        // grep -rlE '^ date 1987-02-26 ' 1987 | wc -l   -> 222
        assertEquals(222, search("--limit", "0", "--to", "1987-02-26", "*:*").get("total").asLong());
        // grep -rlE '^ date 1987-04-' 1987 | wc -l      -> 5004 (= ls 1987/04 | wc -l)
        assertEquals(5004, search("--limit", "0", "--from", "1987-04", "--to", "1987-04", "*:*").get("total").asLong());
        // grep -rlE '^ date 1987-10-' 1987 | wc -l      -> 1586 (736 on 10-19, 850 on 10-20)
        assertEquals(1586, search("--limit", "0", "--from", "1987-10", "*:*").get("total").asLong());
        assertEquals(20841, search("--limit", "0", "*:*").get("total").asLong());
        assertEquals(604, search("--limit", "0", "date:1987-03-02").get("total").asLong());
    }

    @Test
    void sortOldestAndNewest() {
        JsonNode oldest = search("--sort", "oldest", "--limit", "5", "*:*");
        for (JsonNode hit : oldest.get("hits")) {
            assertEquals("1987-02-26", hit.get("date").asText());
        }
        JsonNode newest = search("--sort", "newest", "--limit", "5", "*:*");
        for (JsonNode hit : newest.get("hits")) {
            assertEquals("1987-10-20", hit.get("date").asText());
        }
        JsonNode temporaoOldest = search("--sort", "oldest", "--limit", "50", "temporao");
        assertEquals(List.of("1987/02/reuters-1.txt", "1987/03/reuters-4470.txt", "1987/03/reuters-11459.txt"),
                paths(temporaoOldest).subList(0, 3)); // 02-26, 03-12, 03-31, then three on 04-07, then 06-01
        assertEquals("1987/06/reuters-17568.txt", paths(temporaoOldest).get(6));
    }

    @Test
    void showByIdOfTheFirstArticle() throws IOException {
        Path file = corpus.resolve("1987/02/reuters-1.txt");
        String id = CliRun.idOf(file);
        JsonNode article = CliRun.run(home, "--index", index.toString(), "show", "--format", "json", id)
                .expect(0).json();
        assertEquals(id, article.get("id").asText());
        assertEquals("1987-02-26", article.get("date").asText());
        assertEquals("1987-02-26", article.get("published").asText());
        assertEquals("BAHIA COCOA REVIEW", article.get("headline").asText());
        assertEquals(file.toString(), article.get("path").asText());
        // wc -c 1987/02/reuters-1.txt -> 2841; sha256sum -> 06e2f2e1...
        assertEquals(2841, article.get("size_bytes").asLong());
        assertEquals("06e2f2e12da485647f541ace82ab68b9b26d89e660f51ce46f2b1b7e5a39b90e", article.get("sha256").asText());
        assertEquals(CliRun.sha256Hex(Files.readAllBytes(file)), article.get("sha256").asText());
        // python3: words of the file with a letter or digit (str.split), minus "date" and "1987-02-26" -> 489
        assertEquals(489, article.get("word_count").asInt());
        assertTrue(article.get("body").asText().startsWith("Showers continued throughout the week in the Bahia cocoa zone"),
                article.get("body").asText());

        JsonNode hit = search("--to", "1987-02", "headline:cocoa").get("hits").get(0);
        assertEquals(id, hit.get("id").asText());
    }

    /** {@code search --all --format jsonl ARGS}: the exported lines' ids, in order. */
    List<String> exportedIds(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "search", "--all", "--format", "jsonl",
                "--fields", "id"));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(home, all.toArray(String[]::new)).expect(0);
        List<String> ids = new ArrayList<>();
        for (String line : run.out().lines().toList()) {
            try {
                ids.add(CliRun.MAPPER.readTree(line).get("id").asText());
            } catch (java.io.IOException e) {
                throw new AssertionError("not a JSON line: " + line, e);
            }
        }
        return ids;
    }

    @Test
    void exportPagesThroughEveryMatchOnceWhateverTheOrder() {
        // past several pages of 1,000: every article once
        List<String> everything = exportedIds("--sort", "oldest", "*:*");
        assertEquals(indexSummary.get("articles").asLong(), everything.size());
        assertEquals(everything.size(), new java.util.HashSet<>(everything).size());
        for (String[] query : new String[][] {{"oil"}, {"--sort", "newest", "oil"}, {"--from", "1987-03", "--to", "1987-04", "trade"}}) {
            List<String> ids = exportedIds(query);
            List<String> args = new ArrayList<>(List.of("--limit", "0"));
            args.addAll(List.of(query));
            assertEquals(search(args.toArray(String[]::new)).get("total").asLong(), ids.size(), String.join(" ", query));
            assertEquals(ids.size(), new java.util.HashSet<>(ids).size());
        }
        // the export's order is the search's order
        List<String> firstPage = new ArrayList<>();
        search("--sort", "newest", "--limit", "50", "--all-words", "oil").get("hits").forEach(h -> firstPage.add(h.get("id").asText()));
        assertEquals(firstPage, exportedIds("--sort", "newest", "oil").subList(0, 50));
    }

    @Test
    void didYouMeanOffersWordsAndNamesTheArchiveHas() {
        JsonNode words = search("--limit", "0", "cocao", "sugr");
        assertEquals(0, words.get("total").asLong());
        assertEquals("cocoa sugar", words.get("did_you_mean").asText());
        JsonNode person = search("--limit", "0", "--person", "Reagen", "trade");
        assertEquals(0, person.get("total").asLong());
        JsonNode suggestion = person.get("suggestions").get(0);
        assertEquals("person", suggestion.get("field").asText());
        assertEquals("Reagan", suggestion.get("suggested").asText());
        assertTrue(suggestion.get("articles").asLong() > 100);
        CliRun text = CliRun.run(home, "--index", index.toString(), "search", "--person", "Reagen", "trade").expect(0);
        assertTrue(text.out().contains("No article names the person \"Reagen\"; did you mean \"Reagan\" ("), text.out());
    }
}
