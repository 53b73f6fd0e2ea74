package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.newsarchive.server.TestArchive;

/** {@code serve} as a process: it prints its address, answers, and stops cleanly on SIGTERM. */
class ServeProcessTest {

    @TempDir
    Path folder;

    @Test
    void printsItsAddressAnswersAndStopsOnSigterm() throws Exception {
        Path index = TestArchive.build(folder);
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(List.of(java.toString(), "-Xmx256m", "-cp", classpath,
                "org.newsarchive.cli.Main", "--index", index.toString(), "serve", "--port", "0"))
                .redirectError(folder.resolve("err.txt").toFile()).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line = out.readLine();
            Matcher m = Pattern.compile("newsarchive: serving (.+) at (http://127\\.0\\.0\\.1:\\d+/) \\(Ctrl-C stops\\)")
                    .matcher(line == null ? "" : line);
            assertTrue(m.matches(), "first line: " + line);
            assertEquals(index.toAbsolutePath().toString(), m.group(1));
            HttpResponse<String> stats = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(m.group(2) + "api/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, stats.statusCode());
            String address = Files.readString(index.resolve("serve.address"));
            assertTrue(address.startsWith("pid=" + process.pid() + "\nhost=127.0.0.1\nport="), address);
            process.destroy(); // SIGTERM
            assertTrue(process.waitFor(20, TimeUnit.SECONDS), "stops within the grace time");
            assertEquals(143, process.exitValue(), "terminated by SIGTERM, after its shutdown hook");
            assertFalse(Files.exists(index.resolve("serve.address")), "the address file is removed");
            assertEquals("", Files.readString(folder.resolve("err.txt")));
        } finally {
            process.destroyForcibly();
        }
        // the index is intact and unlocked
        assertTrue(TestArchive.run(folder, 0, "--index", index.toString(), "stats").contains("articles     12"));
    }
}
