package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.server.TestArchive;

/**
 * The Solr back-end costs a local run nothing: a search, a stats and a timeline of a local index,
 * each in a JVM of its own, load no class of SolrJ or of newsarchive's Solr package.
 */
@Tag("slow")
class LocalRunClassLoadingTest {

    @TempDir
    Path folder;

    @Test
    void localCommandsLoadNoSolrClass() throws Exception {
        Path index = TestArchive.build(folder);
        for (List<String> command : List.of(List.of("search", "volcano"), List.of("stats"), List.of("timeline", "*:*"),
                List.of("entities"), List.of("show", "--help"))) {
            List<String> loaded = loadedClasses(index, command);
            assertTrue(loaded.size() > 100, () -> "the run lists the classes it loads: " + loaded.size());
            List<String> solr = loaded.stream()
                    .filter(name -> name.startsWith("org.apache.solr") || name.startsWith("org.newsarchive.solr"))
                    .toList();
            assertEquals(List.of(), solr, () -> "Solr classes loaded by " + command);
        }
    }

    private List<String> loadedClasses(Path index, List<String> command) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> args = new ArrayList<>(List.of(java.toString(), "-Xmx256m", "-Xlog:class+load=info", "-cp", classpath,
                "org.newsarchive.cli.Main", "--index", index.toString()));
        args.addAll(command);
        Path out = folder.resolve("classes.txt");
        Process process = new ProcessBuilder(args).redirectOutput(out.toFile()).redirectError(folder.resolve("err.txt").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the run ends");
        assertEquals(0, process.exitValue(), () -> command + " failed: " + read(folder.resolve("err.txt")));
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
            int at = line.indexOf("[class,load] ");
            if (at >= 0) {
                String rest = line.substring(at + "[class,load] ".length());
                classes.add(rest.split(" ", 2)[0]);
            }
        }
        return classes;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
