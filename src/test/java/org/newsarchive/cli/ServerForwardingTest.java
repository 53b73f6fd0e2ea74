package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsarchive.json.JsonText;
import org.newsarchive.server.ArchiveServer;
import org.newsarchive.server.ServerSettings;
import org.newsarchive.server.TestArchive;

/**
 * The launcher with a server running prints exactly what the JVM prints without one: the same
 * command lines run in-process and through {@code scripts/newsarchive}, whose JVM is replaced
 * here by a jar that cannot run, so every answer must have come from the server.
 */
class ServerForwardingTest {

    @TempDir
    static Path folder;
    static Path home;
    static Path index;
    static ArchiveServer server;

    @BeforeAll
    static void start() throws IOException {
        home = folder.resolve("home");
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Path launcher = Path.of(System.getProperty("user.dir"), "scripts", "newsarchive");
        Files.copy(launcher, scripts.resolve("newsarchive"));
        Path jar = Files.createDirectories(home.resolve("target")).resolve("newsarchive.jar");
        Files.writeString(jar, "not a jar: a command that reaches it failed to be forwarded");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().plusSeconds(3600)));
        Files.createDirectories(home.resolve("index-data"));
        index = TestArchive.build(folder);
        server = ArchiveServer.start(ServerSettings.forIndex(index)
                .withCommands(new ForwardedCommands(home), home));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    static Stream<List<String>> commandLines() {
        String idx = "--index";
        return Stream.of(
                List.of(idx, "IDX", "search", "cocoa"),
                List.of(idx, "IDX", "search", "cocoa", "london", "--limit", "3", "--format", "json"),
                List.of(idx, "IDX", "search", "cocoa prices london sharply"),
                List.of(idx, "IDX", "search", "*:*", "--person", "Ronald Reagan", "--format", "jsonl"),
                List.of(idx, "IDX", "search", "cocao", "harvst"),
                List.of(idx, "IDX", "search", "cocoa", "--collapse", "--color", "always"),
                List.of("search", idx, "IDX", "yen", "--sort", "newest"),
                List.of(idx, "IDX", "search", "cocoa AND ("),
                List.of(idx, "IDX", "search", "x", "--from", "2023-13"),
                List.of(idx, "IDX", "search", "x", "--bogus"),
                List.of(idx, "IDX", "search", "--help"),
                List.of(idx, "IDX", "stats"),
                List.of(idx, "IDX", "stats", "--format", "json"),
                List.of(idx, "IDX", "entities", "--type", "place", "--limit", "5"),
                List.of(idx, "IDX", "entities", "cocoa", "--format", "json"),
                List.of(idx, "IDX", "timeline", "cocoa", "--by", "month"),
                List.of(idx, "IDX", "timeline", "*:*", "--share", "--compare", "oil", "--format", "csv"),
                List.of(idx, "IDX", "show", "ffffffffffffffff"),
                List.of(idx, "IDX", "similar", "ffffffffffffffff", "--thread"));
    }

    private static String[] resolved(List<String> args) {
        return args.stream().map(a -> a.equals("IDX") ? index.toString() : a).toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void theLauncherPrintsWhatTheJvmPrints(List<String> args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        String[] argv = resolved(args);
        CliRun jvm = CliRun.run(home, argv);
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("scripts/newsarchive").toString()));
        command.addAll(List.of(argv));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile());
        builder.environment().keySet().removeIf(k -> !k.equals("PATH"));
        builder.redirectOutput(folder.resolve("out.txt").toFile()).redirectError(folder.resolve("err.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        String out = Files.readString(folder.resolve("out.txt"));
        String err = Files.readString(folder.resolve("err.txt"));
        assertEquals(withoutTimes(jvm.err()), withoutTimes(err), "stderr of " + args);
        assertEquals(withoutTimes(jvm.out()), withoutTimes(out), "stdout of " + args);
        assertEquals(jvm.code(), process.exitValue(), "exit code of " + args);
    }

    @Test
    void commandLinesThatWriteFilesOrStreamAreLeftToTheJvm() throws Exception {
        for (List<String> args : List.of(
                List.of("--index", index.toString(), "search", "x", "--all", "--format", "jsonl"),
                List.of("--index", index.toString(), "timeline", "x", "--svg", "chart.svg"),
                List.of("--aliases", "mine.txt", "--index", index.toString(), "search", "x"),
                List.of("--index", index.toString(), "search", "x", "--solr", "http://127.0.0.1:1/solr", "--collection",
                        "news"),
                List.of("--index", index.toString(), "index", "/tmp"),
                List.of("--index", index.toString(), "reindex"),
                List.of("--index", folder.resolve("elsewhere").toString(), "search", "x"))) {
            HttpResponse<String> response = post(args);
            assertEquals(409, response.statusCode(), args + ": " + response.body());
        }
    }

    @Test
    void aPostWithoutTheCustomHeaderIsRefused() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                server.address().resolve("/api/cli")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, response.statusCode());
    }

    private static HttpResponse<String> post(List<String> args) throws Exception {
        var body = JsonText.object();
        var list = body.putArray("args");
        args.forEach(list::add);
        body.put("cwd", folder.toString());
        body.put("terminal", false);
        body.putObject("env");
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.address() + "api/cli"))
                .header("Content-Type", "application/json").header("X-Newsarchive-Cli", "1")
                .POST(HttpRequest.BodyPublishers.ofString(JsonText.line(body), StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Times differ between two runs; everything else must not. */
    static String withoutTimes(String text) {
        return text.replaceAll("\\(\\d+ ms\\)", "(N ms)").replaceAll("\"took_ms\" ?: ?\\d+", "\"took_ms\":N");
    }

}
