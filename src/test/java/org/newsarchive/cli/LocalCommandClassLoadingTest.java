package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command on the local index loads no class of the SolrCloud back-end, nor of SolrJ: they are
 * reached only through {@code --solr} (or {@code solr init}), so that a local command starts as
 * fast as before they existed. Checked in a child JVM that lists every class it loads.
 */
class LocalCommandClassLoadingTest {

    @TempDir
    Path folder;

    /** Runs the command in a JVM of its own; returns the Solr classes it loaded. */
    List<String> solrClassesLoadedBy(int expectedCode, String... args) throws IOException, InterruptedException {
        return loadedClasses(classpath(), expectedCode, args).stream()
                .filter(line -> line.contains(" org.apache.solr.") || line.contains(" org.newsarchive.solr."))
                .toList();
    }

    private static String classpath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    /** Runs the command in a JVM of its own on this class path; returns its output, class listing included. */
    private List<String> loadedClasses(String classpath, int expectedCode, String... args)
            throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-Xshare:off", "-verbose:class",
                "-cp", classpath, "org.newsarchive.cli.Main"));
        command.addAll(List.of(args));
        Path out = folder.resolve("out.txt");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile())
                .directory(folder.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the command ends");
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        assertEquals(expectedCode, process.exitValue(), () -> String.join("\n", lines.stream()
                .filter(line -> !line.startsWith("[")).toList()));
        return lines;
    }

    @Test
    void indexReindexSearchAndHelpLoadNoSolrClass() throws Exception {
        Path archive = Files.createDirectories(folder.resolve("archive"));
        SolrArchiveFixture.writeArticles(archive, "art", 0, 3);
        String index = folder.resolve("index").toString();
        assertEquals(List.of(), solrClassesLoadedBy(0, "--index", index, "index", "--no-entities", archive.toString()));
        assertEquals(List.of(), solrClassesLoadedBy(0, "--index", index, "reindex", "--no-entities"));
        assertEquals(List.of(), solrClassesLoadedBy(0, "--index", index, "search", "storm"));
        assertEquals(List.of(), solrClassesLoadedBy(0, "--help"));
        // the same listing does see them when a command goes to SolrCloud (nobody listens on port 1)
        List<String> remote = solrClassesLoadedBy(ExitCodes.INDEX_UNAVAILABLE, "index", "--solr", "http://127.0.0.1:1/solr",
                "--collection", "news", archive.toString());
        assertTrue(remote.stream().anyMatch(line -> line.contains("org.newsarchive.solr.SolrArchives")), remote::toString);
        assertTrue(remote.stream().anyMatch(line -> line.contains("org.apache.solr.")), remote::toString);
    }

    @Test
    void aSolrCommandWithoutTheSolrClientSaysWhereItIs() throws Exception {
        String withoutSolrJ = String.join(File.pathSeparator, Arrays.stream(classpath().split(File.pathSeparator))
                .filter(entry -> !Path.of(entry).getFileName().toString().startsWith("solr-solrj-")).toList());
        List<String> output = loadedClasses(withoutSolrJ, ExitCodes.INDEX_UNAVAILABLE, "search", "--solr",
                "http://127.0.0.1:1/solr", "--collection", "news", "storm");
        assertEquals(List.of("newsarchive: --solr needs the Solr client, which is not in newsarchive.jar: run "
                + "scripts/newsarchive, or java -cp 'newsarchive.jar:solr-lib/*' org.newsarchive.cli.Main "
                + "(solr-lib/ is made beside the jar by the build)"),
                output.stream().filter(line -> !line.startsWith("[")).toList());
    }
}
