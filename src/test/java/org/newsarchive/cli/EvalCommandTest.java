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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eval} end to end on an archive of five articles whose rankings are obvious, so every
 * figure is worked out by hand:
 *
 * <pre>
 * topic   query   ranking (best first)     judged relevant           AP    nDCG@10           P@10  R@100
 * cocoa   cocoa   cocoa-1, cocoa-2         cocoa-1, coffee-1 (unret) 1/2   1/(1+1/log2 3)    0.1   1/2
 * zebra   zebra   zebra                    zebra (relevance 2)       1     1                 0.1   1
 * coffee  coffee  coffee-1, cocoa-2        cocoa-2                   1/2   1/log2 3          0.1   1
 * harbor  harbor  harbor                   (no judgements: skipped)
 * </pre>
 *
 * cocoa-1 and coffee-1 match in headline and body, cocoa-2 in its body only, so they rank first
 * under any BM25 weighting.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EvalCommandTest {

    private static final double LOG2_3 = Math.log(3) / Math.log(2);
    static final double MAP = (0.5 + 1 + 0.5) / 3;
    static final double NDCG = (1 / (1 + 1 / LOG2_3) + 1 + 1 / LOG2_3) / 3;
    static final double P10 = 0.1;
    static final double R100 = (0.5 + 1 + 1) / 3;

    static final String TOPICS = "# topic\tquery\ncocoa\tcocoa\nzebra\tzebra\ncoffee\tcoffee\nharbor\tharbor\n";
    static final String QRELS = """
            cocoa 0 cocoa-1 1
            cocoa 0 cocoa-2 0
            cocoa 0 coffee-1 1
            zebra 0 zebra 2
            coffee 0 cocoa-2 1
            coffee 0 coffee-1 0
            """;

    @TempDir
    static Path tmp;

    Path archive;
    Path index;
    Path topics;
    Path qrels;

    @BeforeAll
    void indexFixtures() throws IOException {
        archive = Files.createDirectories(tmp.resolve("archive"));
        write("cocoa-1.txt", " date 2023-01-10 Cocoa prices soar\n\nCocoa prices rose sharply as the cocoa harvest failed.\n");
        write("cocoa-2.txt", " date 2023-01-11 Markets close mixed\n\nTraders also bought cocoa and coffee.\n");
        write("coffee-1.txt", " date 2023-01-12 Coffee exports fall\n\nBrazil shipped less coffee this month.\n");
        write("zebra.txt", " date 2023-01-13 Zebra escapes from zoo\n\nA zebra named Stripes was found in a garden.\n");
        write("harbor.txt", " date 2023-01-14 Harbor strike ends\n\nDock workers returned to the harbor.\n");
        index = tmp.resolve("index");
        CliRun.run(tmp, "--index", index.toString(), "index", "--no-entities", archive.toString()).expect(0);
        topics = Files.writeString(tmp.resolve("topics.tsv"), TOPICS);
        qrels = Files.writeString(tmp.resolve("qrels.txt"), QRELS);
    }

    private void write(String name, String text) throws IOException {
        Files.writeString(archive.resolve(name), text);
    }

    private CliRun eval(String... args) {
        List<String> all = new ArrayList<>(List.of("--index", index.toString(), "eval",
                "--topics", topics.toString(), "--qrels", qrels.toString()));
        all.addAll(List.of(args));
        return CliRun.run(tmp, all.toArray(String[]::new));
    }

    @Test
    void printsTheFourMeansAndWarnsAboutUnjudgedTopics() {
        CliRun run = eval().expect(0);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).startsWith("ranking default, 3 topics, depth 1000, docids name  ("), lines.get(0));
        assertEquals(List.of(
                String.format(java.util.Locale.ROOT, "MAP         %.4f", MAP),
                String.format(java.util.Locale.ROOT, "nDCG@10     %.4f", NDCG),
                "P@10        0.1000",
                String.format(java.util.Locale.ROOT, "recall@100  %.4f", R100)), lines.subList(1, 5));
        assertEquals("MAP         0.6667", lines.get(1));
        assertEquals("nDCG@10     0.7480", lines.get(2));
        assertEquals("newsarchive: warning: skipped 1 topic with no relevant document in " + qrels + ": harbor",
                run.oneErrorLine());
    }

    @Test
    void jsonHasExactFiguresAndPerTopicRows() {
        JsonNode json = eval("--format", "json", "--per-topic").expect(0).json();
        assertEquals("default", json.get("ranking").asText());
        assertEquals(3, json.get("topics").asInt());
        assertEquals("[\"harbor\"]", json.get("skipped_topics").toString());
        assertEquals(1000, json.get("depth").asInt());
        assertEquals("name", json.get("docid").asText());
        assertEquals(MAP, json.get("map").asDouble(), 1e-12);
        assertEquals(NDCG, json.get("ndcg_10").asDouble(), 1e-12);
        assertEquals(P10, json.get("p_10").asDouble(), 1e-12);
        assertEquals(R100, json.get("recall_100").asDouble(), 1e-12);
        JsonNode cocoa = json.get("per_topic").get(0);
        assertEquals("cocoa", cocoa.get("topic").asText());
        assertEquals("cocoa", cocoa.get("query").asText());
        assertEquals(2, cocoa.get("relevant").asInt());
        assertEquals(2, cocoa.get("retrieved").asInt());
        assertEquals(1, cocoa.get("relevant_retrieved").asInt());
        assertEquals(0.5, cocoa.get("ap").asDouble(), 1e-12);
        assertEquals(1 / (1 + 1 / LOG2_3), cocoa.get("ndcg_10").asDouble(), 1e-12);
        assertEquals(0.5, cocoa.get("recall_100").asDouble(), 1e-12);
        JsonNode coffee = json.get("per_topic").get(2);
        assertEquals(0.5, coffee.get("ap").asDouble(), 1e-12);
        assertEquals(1 / LOG2_3, coffee.get("ndcg_10").asDouble(), 1e-12);
        assertEquals(3, json.get("per_topic").size());
    }

    @Test
    void perTopicTextListsEveryEvaluatedTopic() {
        String out = eval("--per-topic").expect(0).out();
        assertTrue(out.contains("cocoa                   2         2        1  0.5000  0.6131 0.1000 0.5000  cocoa"), out);
        assertTrue(out.contains("zebra                   1         1        1  1.0000  1.0000 0.1000 1.0000  zebra"), out);
        assertTrue(out.contains("coffee                  1         2        1  0.5000  0.6309 0.1000 1.0000  coffee"), out);
        assertTrue(!out.contains("harbor "), out);
    }

    @Test
    void depthCutsEachRanking() {
        // depth 1: cocoa keeps cocoa-1 (AP 1/2), zebra its one hit (1), coffee loses cocoa-2 (0)
        JsonNode json = eval("--format", "json", "--depth", "1").expect(0).json();
        assertEquals(0.5, json.get("map").asDouble(), 1e-12);
        assertEquals((0.5 + 1 + 0) / 3, json.get("recall_100").asDouble(), 1e-12);
    }

    @Test
    void writesATrecRunFile() throws IOException {
        Path run = tmp.resolve("default.run");
        eval("--run-out", run.toString()).expect(0);
        List<String[]> lines = Files.readAllLines(run).stream().map(l -> l.split(" ")).toList();
        assertEquals(List.of("cocoa cocoa-1 1", "cocoa cocoa-2 2", "zebra zebra 1", "coffee coffee-1 1",
                "coffee cocoa-2 2", "harbor harbor 1"),
                lines.stream().map(f -> f[0] + " " + f[2] + " " + f[3]).toList());
        for (String[] fields : lines) {
            assertEquals(6, fields.length);
            assertEquals("Q0", fields[1]);
            assertEquals("newsarchive-default", fields[5]);
            assertTrue(fields[4].matches("[0-9]+\\.[0-9]+"), fields[4]);
        }
        assertTrue(Float.parseFloat(lines.get(0)[4]) > Float.parseFloat(lines.get(1)[4]));
    }

    @Test
    void theDefaultRankingIsTheOrderSearchGives() throws IOException {
        evalRanksAsSearch("default");
    }

    @Test
    void theExpandRankingIsTheOrderSearchExpandGives() throws IOException {
        evalRanksAsSearch("expand", "--expand");
    }

    private void evalRanksAsSearch(String ranking, String... searchOptions) throws IOException {
        Path topicFile = Files.writeString(tmp.resolve("search-topics.tsv"),
                "1\tcocoa\n2\tcoffee\n3\tcocoa coffee\n4\tharbor strike\n");
        Path run = tmp.resolve(ranking + ".run");
        Path judged = Files.writeString(tmp.resolve("search-qrels.txt"), "1 0 cocoa-1 1\n");
        CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topicFile.toString(),
                "--qrels", judged.toString(), "--run-out", run.toString(), "--ranking", ranking).expect(0);
        List<String> runLines = Files.readAllLines(run);
        for (String[] topic : new String[][] {{"1", "cocoa"}, {"2", "coffee"}, {"3", "cocoa coffee"}, {"4", "harbor strike"}}) {
            List<String> fromSearch = new ArrayList<>();
            List<String> command = new ArrayList<>(List.of("--index", index.toString(), "search", "--format", "json",
                    "--limit", "100"));
            command.addAll(List.of(searchOptions));
            command.add(topic[1]);
            JsonNode hits = CliRun.run(tmp, command.toArray(String[]::new)).expect(0).json().get("hits");
            hits.forEach(hit -> fromSearch.add(Path.of(hit.get("path").asText()).getFileName().toString()
                    .replace(".txt", "")));
            List<String> fromEval = runLines.stream().map(l -> l.split(" ")).filter(f -> f[0].equals(topic[0]))
                    .map(f -> f[2]).toList();
            assertEquals(fromSearch, fromEval, topic[1]);
            assertTrue(!fromEval.isEmpty());
        }
    }

    @Test
    void anExperimentWithTheShippedSettingsRanksExactlyAsTheDefault() throws IOException {
        Path shipped = tmp.resolve("shipped.run");
        Path spec = tmp.resolve("spec.run");
        eval("--run-out", shipped.toString()).expect(0);
        CliRun run = eval("--run-out", spec.toString(), "--ranking", "phrase=0", "--format", "json").expect(0);
        assertEquals("phrase=0", run.json().get("ranking").asText());
        assertEquals(Files.readString(shipped), Files.readString(spec).replace("newsarchive-phrase=0", "newsarchive-default"));
    }

    @Test
    void feedbackAddsTheWordsOfTheBestArticles() throws IOException {
        Path topicFile = Files.writeString(tmp.resolve("prices-topics.tsv"), "p\tprices\n");
        Path judged = Files.writeString(tmp.resolve("prices-qrels.txt"), "p 0 cocoa-2 1\n");
        Path plain = tmp.resolve("prices.run");
        Path expanded = tmp.resolve("prices-rm3.run");
        CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topicFile.toString(), "--qrels",
                judged.toString(), "--ranking", "op=or", "--run-out", plain.toString()).expect(0);
        CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topicFile.toString(), "--qrels",
                judged.toString(), "--ranking", "op=or,rm3=0.5,fbdocs=1,fbterms=3", "--run-out", expanded.toString())
                .expect(0);
        // only cocoa-1 has "prices"; its most frequent word, cocoa, brings cocoa-2 in after it
        assertEquals(List.of("cocoa-1"), Files.readAllLines(plain).stream().map(l -> l.split(" ")[2]).toList());
        assertEquals(List.of("cocoa-1", "cocoa-2"),
                Files.readAllLines(expanded).stream().map(l -> l.split(" ")[2]).toList());
    }

    @Test
    void pairsAndLengthRulesRunAsExperiments() {
        for (String spec : List.of("pairs=0.5,near=0.2", "allfirst=2", "op=or,pairs=1,window=4")) {
            JsonNode json = eval("--ranking", spec, "--format", "json").expect(0).json();
            assertEquals(spec, json.get("ranking").asText());
            assertEquals(3, json.get("topics").asInt());
        }
    }

    @Test
    void theBm25BaselineRanksTheSameObviousOrder() throws IOException {
        Path run = tmp.resolve("bm25.run");
        JsonNode json = eval("--ranking", "bm25", "--format", "json", "--run-out", run.toString()).expect(0).json();
        assertEquals("bm25", json.get("ranking").asText());
        assertEquals(MAP, json.get("map").asDouble(), 1e-12);
        assertEquals(NDCG, json.get("ndcg_10").asDouble(), 1e-12);
        assertTrue(Files.readString(run).startsWith("cocoa Q0 cocoa-1 1 "));
        assertTrue(Files.readString(run).contains(" newsarchive-bm25\n"));
    }

    @Test
    void trecTopicsGiveTheSameFigures() throws IOException {
        Path trec = Files.writeString(tmp.resolve("topics.trec"), """
                <top>
                <num> Number: cocoa
                <title> cocoa
                <desc> Description:
                Prices of zebra.
                </top>
                <top> <num> zebra <title> zebra </top>
                <top> <num> coffee <title> coffee </top>
                """);
        CliRun run = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", trec.toString(),
                "--qrels", qrels.toString(), "--format", "json").expect(0).assertQuiet();
        assertEquals(MAP, run.json().get("map").asDouble(), 1e-12);
        CliRun desc = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", trec.toString(),
                "--qrels", qrels.toString(), "--topic-field", "desc");
        assertEquals("newsarchive: " + trec + ":7: topic zebra has no <desc> text", desc.expect(2).oneErrorLine());
    }

    @Test
    void docidsCanBeArticleIds() throws IOException {
        String cocoa1 = CliRun.idOf(archive.resolve("cocoa-1.txt").toRealPath());
        Path idQrels = Files.writeString(tmp.resolve("id-qrels.txt"), "cocoa 0 " + cocoa1 + " 1\n");
        Path run = tmp.resolve("id.run");
        JsonNode json = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topics.toString(),
                "--qrels", idQrels.toString(), "--docid", "id", "--format", "json", "--run-out", run.toString())
                .expect(0).json();
        assertEquals(1.0, json.get("map").asDouble(), 1e-12);
        assertEquals("id", json.get("docid").asText());
        assertTrue(Files.readString(run).startsWith("cocoa Q0 " + cocoa1 + " 1 "));
    }

    @Test
    void judgedDocumentsMissingFromTheIndexAreReported() throws IOException {
        Path other = Files.writeString(tmp.resolve("other-qrels.txt"), "cocoa 0 cocoa-1 1\ncocoa 0 reuters-9 1\n");
        CliRun run = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topics.toString(),
                "--qrels", other.toString(), "--format", "json");
        assertEquals(0.5, run.expect(0).json().get("map").asDouble(), 1e-12);
        assertTrue(run.err().contains("newsarchive: warning: 1 of 2 relevant documents in " + other
                + " are not in the index (docids are file names without extension; see --docid)"), run.err());
    }

    @Test
    void malformedTopicsAreAUsageErrorWithFileAndLine() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad.tsv"), "cocoa\tcocoa\nzebra zebra\n");
        CliRun run = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", bad.toString(), "--qrels",
                qrels.toString()).expect(2);
        assertEquals("newsarchive: " + bad + ":2: expected TOPIC<TAB>QUERY, found no tab", run.oneErrorLine());
    }

    @Test
    void malformedQrelsAreAUsageErrorWithFileAndLine() throws IOException {
        Path bad = Files.writeString(tmp.resolve("bad-qrels.txt"), "cocoa 0 cocoa-1 1\ncocoa 0 cocoa-2 high\n");
        CliRun run = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topics.toString(), "--qrels",
                bad.toString()).expect(2);
        assertEquals("newsarchive: " + bad + ":2: relevance 'high' is not an integer", run.oneErrorLine());
    }

    @Test
    void anInvalidQueryWithQuerySyntaxNamesItsTopic() throws IOException {
        Path syntax = Files.writeString(tmp.resolve("syntax.tsv"), "cocoa\tcocoa AND\n");
        CliRun run = CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", syntax.toString(), "--qrels",
                qrels.toString(), "--query-syntax").expect(2);
        assertEquals("newsarchive: " + syntax + ":1: topic cocoa: invalid query at column 10: unexpected end of query",
                run.oneErrorLine());
        // as plain words the same text is two words, 'and' a stop word
        Path plain = Files.writeString(tmp.resolve("plain.tsv"), "cocoa\tcocoa AND (\n");
        CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", plain.toString(), "--qrels",
                qrels.toString()).expect(0);
    }

    @Test
    void usageErrors() {
        Path missing = tmp.resolve("missing.tsv");
        assertEquals("newsarchive: " + missing + ": no such file",
                CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", missing.toString(), "--qrels",
                        qrels.toString()).expect(2).oneErrorLine());
        assertEquals("newsarchive: --depth must be 1 or more, not 0", eval("--depth", "0").expect(2).oneErrorLine());
        assertEquals("newsarchive: --ranking is default, expand, bm25 or key=value,..., not 'tfidf'",
                eval("--ranking", "tfidf").expect(2).oneErrorLine());
        assertTrue(eval("--ranking", "k1=x").expect(2).oneErrorLine().startsWith("newsarchive: --ranking: ranking spec: "));
        assertTrue(CliRun.run(tmp, "--index", index.toString(), "eval", "--topics", topics.toString()).expect(2)
                .oneErrorLine().contains("--qrels"));
        Path unrelated = tmp.resolve("unrelated-qrels.txt");
        CliRun none = CliRun.run(tmp, Map.of(), "--index", index.toString(), "eval", "--topics", topics.toString(),
                "--qrels", writeQuietly(unrelated, "999 0 cocoa-1 1\n").toString());
        assertTrue(none.expect(2).err().contains("has a relevant document"), none.err());
    }

    private static Path writeQuietly(Path path, String text) {
        try {
            return Files.writeString(path, text);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void noIndexExitsFour() {
        Path nowhere = tmp.resolve("no-index");
        CliRun run = CliRun.run(tmp, "--index", nowhere.toString(), "eval", "--topics", topics.toString(), "--qrels",
                qrels.toString()).expect(4);
        assertEquals("newsarchive: no index at " + nowhere + ": run 'newsarchive index PATH...' first", run.oneErrorLine());
    }
}
