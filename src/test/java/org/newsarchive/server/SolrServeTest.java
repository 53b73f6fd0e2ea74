package org.newsarchive.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.solr.common.SolrInputDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.cli.CliEnvironment;
import org.newsarchive.cli.NewsArchiveCommand;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.schema.SolrDocuments;
import org.newsarchive.solr.SolrArchive;
import org.newsarchive.solr.SolrCollections;
import org.newsarchive.solr.SolrConnection;
import org.newsarchive.solr.SolrTestCluster;
import picocli.CommandLine;

/**
 * The server over a SolrCloud collection (two shards on the shared test cluster), over real
 * HTTP: the same routes and JSON as over the local index, 400 for what SolrCloud cannot do, 503
 * with one line when the collection cannot be read, 501 for the launcher's command lines; and
 * {@code serve --solr} from the command line.
 */
class SolrServeTest {

    private static final String COLLECTION = "serve";

    /** Date, headline, body and places of each article. */
    private static final String[][] ARTICLES = {
        {"2023-12-22", "Cocoa prices rise in London", "Cocoa futures rose in London on Friday as dealers worried "
                + "about the harvest in Ivory Coast.", "London,Ivory Coast"},
        {"2023-12-28", "Ghana expects a larger cocoa crop", "Ghana's cocoa board expects a larger crop this season, "
                + "officials said in Accra.", "Ghana,Accra"},
        {"2024-01-05", "Oil prices fall as OPEC meets", "Oil prices fell on Friday as ministers met in Vienna to "
                + "discuss output.", "Vienna"},
        {"2024-01-12", "Cocoa stocks fall in Ivory Coast", "Cocoa stocks fell sharply in Ivory Coast this week as "
                + "exporters shipped beans. Traders in London watched.", "Ivory Coast,London"},
        {"2024-02-02", "Bank of Japan keeps rates unchanged", "The Bank of Japan kept interest rates unchanged on "
                + "Friday, its governor said in Tokyo.", "Tokyo"},
    };

    @TempDir
    static Path folder;
    static ArchiveServer server;
    static HttpClientForTests http;
    /** The id of each article, in the order of {@link #ARTICLES}. */
    static List<String> ids = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        SolrConnection connection = SolrConnection.open(SolrTestCluster.target(COLLECTION));
        SolrCollections collections = new SolrCollections(connection);
        collections.uploadConfigSet();
        collections.create(COLLECTION, 2, 1);
        ArticleParser parser = new ArticleParser();
        List<SolrInputDocument> documents = new ArrayList<>();
        for (int i = 0; i < ARTICLES.length; i++) {
            String[] a = ARTICLES[i];
            Path file = TestArchive.write(folder, i, a[0], a[1], a[2]);
            Article article = ((ParseOutcome.Parsed) parser.parse(file.toRealPath())).article();
            ids.add(article.id());
            List<Entity> places = new ArrayList<>();
            for (String place : a[3].split(",")) {
                places.add(new Entity(EntityType.LOCATION, place, List.of(place), List.of()));
            }
            SolrInputDocument document = new SolrInputDocument();
            SolrDocuments.fieldsOf(article, new ArticleEntities(places), 0).forEach(document::setField);
            documents.add(document);
        }
        connection.client().add(COLLECTION, documents);
        connection.client().commit(COLLECTION);
        server = ArchiveServer.start(ServerSettings.withoutIndex(),
                SolrArchive.over(connection, AliasTable.defaults(), solr -> Map.of()), connection.target().describe());
        http = new HttpClientForTests(server.address());
    }

    @AfterAll
    static void stop() throws IOException {
        if (server != null) {
            server.close();
        }
    }

    static JsonNode ok(String pathAndQuery) throws IOException {
        HttpResponse<String> response = http.get(pathAndQuery);
        assertEquals(200, response.statusCode(), pathAndQuery + ": " + response.body());
        return ServerHttpTest.JSON.readTree(response.body());
    }

    static List<String> hitIds(JsonNode search) {
        List<String> out = new ArrayList<>();
        search.get("hits").forEach(hit -> out.add(hit.get("id").asText()));
        return out;
    }

    @Test
    void searchesAnswerFromTheCollection() throws IOException {
        JsonNode cocoa = ok("/api/search?q=cocoa&sort=newest");
        assertEquals(3, cocoa.get("total").asLong());
        assertEquals(List.of(ids.get(3), ids.get(1), ids.get(0)), hitIds(cocoa));
        JsonNode dated = ok("/api/search?q=*:*&sort=oldest&from=2024-01&place=" + HttpClientForTests.encode("Ivory Coast"));
        assertEquals(1, dated.get("total").asLong());
        assertEquals(List.of(ids.get(3)), hitIds(dated));
        JsonNode all = ok("/api/search?q=*:*&sort=oldest&limit=2&offset=1");
        assertEquals(5, all.get("total").asLong());
        assertEquals(List.of(ids.get(1), ids.get(2)), hitIds(all));
    }

    @Test
    void anArticleIsShownWithItsCopies() throws IOException {
        JsonNode article = ok("/api/articles/" + ids.get(4));
        assertEquals(ids.get(4), article.get("id").asText());
        assertEquals("2024-02-02", article.get("date").asText());
        assertEquals("Bank of Japan keeps rates unchanged", article.get("headline").asText());
        assertEquals(ARTICLES[4][2], article.get("body").asText());
        assertEquals("{\"person\":[],\"org\":[],\"place\":[\"Tokyo\"],\"misc\":[]}", article.get("entities").toString());
        assertEquals("[]", article.get("copies").toString());
        assertEquals("no article with id 'ffffffffffffffff' in the index",
                ServerHttpTest.error(http.get("/api/articles/ffffffffffffffff"), 404, "not-found").get("message").asText());
    }

    @Test
    void countsAndTimelinesAnswerFromTheCollection() throws IOException {
        JsonNode places = ok("/api/entities?q=*:*&type=place&limit=3");
        assertEquals(5, places.get("articles").asLong());
        List<String> counted = new ArrayList<>();
        places.get("entities").forEach(e -> counted.add(e.get("name").asText() + "=" + e.get("articles").asLong()));
        assertEquals(List.of("Ivory Coast=2", "London=2", "Accra=1"), counted);
        JsonNode timeline = ok("/api/timeline?q=cocoa&by=month").get("series").get(0);
        assertEquals(3, timeline.get("total").asLong());
        Map<String, Long> months = new LinkedHashMap<>();
        timeline.get("periods").forEach(p -> months.put(p.get("period").asText(), p.get("articles").asLong()));
        assertEquals(Map.of("2023-12", 2L, "2024-01", 1L), months);
        assertEquals(5, ok("/api/stats").get("articles").asLong());
    }

    @Test
    void collapsedSearchesAndSimilarArticlesAnswerFromTheCollection() throws IOException {
        JsonNode collapsed = ok("/api/search?q=cocoa&collapse=true");
        assertEquals(3, collapsed.get("total").asLong());
        assertEquals(3, collapsed.get("hits").size(), "no two of the articles are copies");
        assertTrue(ok("/api/similar/" + ids.get(0)).isContainerNode());
    }

    @Test
    void healthSaysTheCollectionAnswersWithItsArticles() throws IOException {
        JsonNode health = ok("/api/health");
        assertEquals("ok", health.get("status").asText());
        assertEquals(0, health.get("generation").asLong());
        assertEquals(5, health.get("articles").asLong());
    }

    @Test
    void whatSolrCloudCannotDoIs400InOneLine() throws IOException {
        assertEquals("expand: query expansion is not available on SolrCloud (it reads the index's term vectors); "
                + "search without it",
                ServerHttpTest.error(http.get("/api/search?q=cocoa&expand=true"), 400, "bad-query").get("message").asText());
        ServerHttpTest.error(http.get("/api/search?q=" + HttpClientForTests.encode("\"open")), 400, "bad-query");
    }

    @Test
    void commandLinesAreNotRunOnACollection() throws IOException {
        HttpResponse<String> cli = http.send(HttpRequest.newBuilder(server.address().resolve("/api/cli"))
                .header("Content-Type", "application/json").header("X-Newsarchive-Cli", "1")
                .POST(HttpRequest.BodyPublishers.ofString("{\"args\": [\"search\", \"cocoa\"], \"cwd\": \"/\"}")));
        JsonNode error = ServerHttpTest.error(cli, 501, "not-implemented");
        assertEquals("this server serves collection serve on zk:" + SolrTestCluster.get().getZkServer().getZkAddress()
                + " and runs no command lines; run the command itself with --solr and --collection",
                error.get("message").asText());
    }

    @Test
    void aCollectionThatCannotBeReadIs503InOneLine() throws IOException {
        SolrConnection missing = SolrConnection.open(SolrTestCluster.urlTarget("no-such-collection"));
        try (ArchiveServer broken = ArchiveServer.start(ServerSettings.withoutIndex(),
                SolrArchive.over(missing, AliasTable.defaults(), solr -> Map.of()), missing.target().describe())) {
            HttpClientForTests client = new HttpClientForTests(broken.address());
            String health = ServerHttpTest.error(client.get("/api/health"), 503, "index-unavailable")
                    .get("message").asText();
            assertTrue(health.startsWith("cannot read collection no-such-collection on http://127.0.0.1:"), health);
            assertFalse(health.contains("\n"), health);
            ServerHttpTest.error(client.get("/api/search?q=cocoa"), 503, "index-unavailable");
            ServerHttpTest.error(client.get("/api/articles/" + ids.get(0)), 503, "index-unavailable");
        }
    }

    @Test
    void serveRefusesACollectionItCannotReadAndHalfAnAddress() {
        String zk = "zk:" + SolrTestCluster.get().getZkServer().getZkAddress();
        String missing = serve(4, "--solr", zk, "--collection", "no-such-collection");
        assertTrue(missing.startsWith("newsarchive: collection no-such-collection on " + zk + ": no such collection or alias"),
                missing);
        assertEquals(1, missing.lines().count(), missing);
        assertEquals("newsarchive: --solr needs --collection NAME (the collection or alias of the archive)\n",
                serve(2, "--solr", zk));
        assertEquals("newsarchive: --index and --solr name two archives: give one\n",
                serve(2, "--index", folder.toString(), "--solr", zk, "--collection", COLLECTION));
    }

    /** Runs {@code serve --port 0 ARGS} in this JVM (only runs that stop at once); returns its standard error. */
    private static String serve(int expectedCode, String... args) {
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
        all.addAll(List.of(args));
        String[] argv = all.toArray(String[]::new);
        CommandLine cmd = NewsArchiveCommand.commandLine(new CliEnvironment(Map.of(), folder, false), argv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        assertEquals(expectedCode, cmd.execute(argv), () -> String.join(" ", argv) + "\n" + out + err);
        return err.toString();
    }

    /**
     * A local {@code serve} and {@code search} load no class of the Solr back-end or of SolrJ:
     * each run in a JVM of its own (both at once) that lists the classes it loads.
     */
    @Test
    void localRunsLoadNoSolrClass(@TempDir Path other) throws Exception {
        Path index = other.resolve("index");
        TestArchive.run(other, 0, "--index", index.toString(), "index", "--quiet", "--no-entities", folder.toString());
        CompletableFuture<List<String>> search = CompletableFuture.supplyAsync(
                () -> loaded(List.of("--index", index.toString(), "search", "cocoa"), null));
        List<String> serve = loaded(List.of("--index", index.toString(), "serve", "--port", "0"), "newsarchive: serving ");
        assertTrue(serve.contains("org.newsarchive.server.LiveIndex"), "the log lists the classes");
        assertEquals(List.of(), serve.stream().filter(SolrServeTest::solrClass).toList());
        assertTrue(search.get().contains("org.newsarchive.cli.SearchCommand"), "the log lists the classes");
        assertEquals(List.of(), search.get().stream().filter(SolrServeTest::solrClass).toList());
    }

    private static boolean solrClass(String name) {
        return name.startsWith("org.apache.solr.") || name.startsWith("org.newsarchive.solr.");
    }

    /**
     * The classes a CLI run loads. With {@code until}, the run is killed once it prints a line
     * starting so (a server); without, it must end with exit code 0.
     */
    private static List<String> loaded(List<String> args, String until) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xlog:class+load=info:stdout:tags", "-cp", System.getProperty("java.class.path"),
                "org.newsarchive.cli.Main"));
        command.addAll(args);
        List<String> classes = new ArrayList<>();
        List<String> other = new ArrayList<>();
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith(LOADED)) {
                        String rest = line.substring(LOADED.length());
                        classes.add(rest.indexOf(' ') < 0 ? rest : rest.substring(0, rest.indexOf(' ')));
                    } else {
                        other.add(line);
                        if (until != null && line.startsWith(until)) {
                            break;
                        }
                    }
                }
            } finally {
                if (until != null) {
                    process.destroyForcibly(); // its classes are listed; a gentle stop would wait for requests
                }
                assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the run ends");
            }
            if (until == null) {
                assertEquals(0, process.exitValue(), String.join("\n", other));
            } else {
                assertTrue(other.stream().anyMatch(l -> l.startsWith(until)), String.join("\n", other));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return classes;
    }

    private static final String LOADED = "[class,load] ";
}
