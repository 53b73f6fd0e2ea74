package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How {@code scripts/newsarchive} makes and uses its class-data sharing archives, with a
 * {@code java} on the PATH that only records its arguments, and writes the class list and the
 * archive it is asked for as the JVM does.
 */
class LauncherArchiveTest {

    @TempDir
    Path home;

    private Path target;
    private Path calls;

    @BeforeEach
    void installation() throws IOException {
        Path scripts = Files.createDirectories(home.resolve("scripts"));
        Files.copy(Path.of(System.getProperty("user.dir"), "scripts", "newsarchive"), scripts.resolve("newsarchive"));
        target = Files.createDirectories(home.resolve("target"));
        Files.writeString(target.resolve("newsarchive.jar"), "a jar");
        Path bin = Files.createDirectories(home.resolve("bin"));
        calls = home.resolve("calls.txt");
        Path java = bin.resolve("java");
        Files.writeString(java, """
                #!/usr/bin/env bash
                echo "$*" >> "%s"
                if [[ " $* " == *" -Xshare:dump "* ]]; then
                  [[ "${FAKE_DUMP_EXIT:-0}" == 0 ]] || exit "$FAKE_DUMP_EXIT"
                  for arg in "$@"; do
                    case "$arg" in -XX:SharedArchiveFile=*) echo archive > "${arg#*=}" ;; esac
                  done
                  exit 0
                fi
                for arg in "$@"; do
                  case "$arg" in -XX:DumpLoadedClassList=*) echo java/lang/Object > "${arg#*=}" ;; esac
                done
                exit "${FAKE_JAVA_EXIT:-0}"
                """.formatted(calls));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int code, String javaArguments) {
    }

    private Run launch(int javaExit, String... args) throws Exception {
        return launch(javaExit, 0, args);
    }

    private Run launch(int javaExit, int dumpExit, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Files.deleteIfExists(calls);
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("scripts/newsarchive").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(k -> !k.equals("PATH"));
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_JAVA_EXIT", Integer.toString(javaExit));
        builder.environment().put("FAKE_DUMP_EXIT", Integer.toString(dumpExit));
        builder.redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", Files.readString(home.resolve("out.txt")), "the launcher's own output");
        return new Run(process.exitValue(), Files.exists(calls) ? Files.readString(calls).strip() : "");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".part") || n.endsWith(".classes")).toList();
        }
    }

    @Test
    void theFirstSearchMakesTheArchiveAndTheNextOnesMapIt() throws Exception {
        Path archive = target.resolve("newsarchive-search.jsa");
        Run first = launch(0, "--index", "idx", "search", "cocoa");
        assertEquals(0, first.code());
        String[] calls = first.javaArguments().split("\n");
        assertEquals(2, calls.length, first.javaArguments());
        assertTrue(calls[0].contains("-XX:DumpLoadedClassList=" + archive + "."), calls[0]);
        assertTrue(calls[0].endsWith("--index idx search cocoa"), calls[0]);
        assertTrue(calls[1].contains("-Xshare:dump"), calls[1]);
        assertTrue(calls[1].contains("-XX:SharedArchiveFile=" + archive + "."), calls[1]);
        assertEquals("archive", Files.readString(archive).strip());
        assertEquals(List.of(), leftovers());

        Run next = launch(0, "--index", "idx", "search", "cocoa");
        assertTrue(next.javaArguments().contains("-XX:SharedArchiveFile=" + archive + " "), next.javaArguments());
        assertFalse(next.javaArguments().contains("Dump"), next.javaArguments());
        assertFalse(next.javaArguments().contains("\n"), next.javaArguments());
    }

    @Test
    void eachReadOnlyCommandHasItsOwnArchive() throws Exception {
        launch(0, "--index", "idx", "search", "cocoa");
        Run stats = launch(0, "--index", "idx", "stats");
        assertTrue(stats.javaArguments().contains("-XX:SharedArchiveFile=" + target.resolve("newsarchive-stats.jsa.")),
                stats.javaArguments());
        assertTrue(Files.exists(target.resolve("newsarchive-search.jsa")));
        assertTrue(Files.exists(target.resolve("newsarchive-stats.jsa")));
    }

    @Test
    void anArchiveOlderThanTheJarIsMadeAgain() throws Exception {
        Path archive = target.resolve("newsarchive-search.jsa");
        Files.writeString(archive, "made for the jar before");
        Files.setLastModifiedTime(archive, FileTime.from(Instant.now().minusSeconds(3600)));
        Run run = launch(0, "--index", "idx", "search", "cocoa");
        assertFalse(run.javaArguments().contains("-XX:SharedArchiveFile=" + archive + " "), run.javaArguments());
        assertTrue(run.javaArguments().contains("-XX:DumpLoadedClassList="), run.javaArguments());
        assertEquals("archive", Files.readString(archive).strip());
    }

    @Test
    void aFailedRunKeepsNoArchiveAndItsExitCode() throws Exception {
        Run run = launch(4, "--index", "missing", "search", "cocoa");
        assertEquals(4, run.code());
        assertFalse(run.javaArguments().contains("-Xshare:dump"), run.javaArguments());
        assertFalse(Files.exists(target.resolve("newsarchive-search.jsa")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void aJvmThatCannotMakeTheArchiveIsNotAskedAgainUntilTheNextBuild() throws Exception {
        Run failed = launch(0, 1, "--index", "idx", "search", "cocoa");
        assertEquals(0, failed.code());
        assertTrue(failed.javaArguments().contains("-Xshare:dump"), failed.javaArguments());
        assertFalse(Files.exists(target.resolve("newsarchive-search.jsa")));
        assertEquals(List.of(), leftovers());

        Run next = launch(0, 0, "--index", "idx", "search", "cocoa");
        assertFalse(next.javaArguments().contains("DumpLoadedClassList"), next.javaArguments());
        assertFalse(next.javaArguments().contains("SharedArchiveFile"), next.javaArguments());

        Files.setLastModifiedTime(target.resolve("newsarchive.jar"), FileTime.from(Instant.now().plusSeconds(60)));
        Run rebuilt = launch(0, 0, "--index", "idx", "search", "cocoa");
        assertTrue(rebuilt.javaArguments().contains("-Xshare:dump"), rebuilt.javaArguments());
        assertTrue(Files.exists(target.resolve("newsarchive-search.jsa")));
    }

    @Test
    void helpAndOtherCommandsMakeNoArchive() throws Exception {
        for (String[] args : List.of(new String[] {"--index", "idx", "search", "--help"}, new String[] {"--index", "idx", "stats", "-h"},
                new String[] {"--version"}, new String[] {"--index", "idx", "index", "news"},
                new String[] {"--index", "idx", "serve"})) {
            Run run = launch(0, args);
            assertFalse(run.javaArguments().contains("Dump"), run.javaArguments());
            assertFalse(run.javaArguments().contains("SharedArchiveFile"), run.javaArguments());
        }
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("newsarchive.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aSolrCommandRunsWithTheSolrClientOnTheClassPathAndNoArchive() throws Exception {
        Run run = launch(0, "search", "--solr", "zk:zk1:2181/solr", "--collection", "news", "cocoa");
        assertEquals(0, run.code());
        assertFalse(run.javaArguments().contains("\n"), run.javaArguments());
        assertTrue(run.javaArguments().endsWith(" -cp " + target.toRealPath().resolve("newsarchive.jar") + ":"
                + target.toRealPath().resolve("solr-lib") + "/* org.newsarchive.cli.Main search --solr zk:zk1:2181/solr "
                + "--collection news cocoa"), run.javaArguments());
        assertFalse(run.javaArguments().contains("SharedArchiveFile"), run.javaArguments());
        assertFalse(run.javaArguments().contains("Dump"), run.javaArguments());

        Run local = launch(0, "--index", "idx", "search", "cocoa", "--", "--solr");
        assertTrue(local.javaArguments().contains(" -jar " + target.toRealPath().resolve("newsarchive.jar") + " "),
                local.javaArguments());
        assertFalse(local.javaArguments().contains("solr-lib"), local.javaArguments());
    }

    @Test
    void whereTargetCannotBeWrittenCommandsRunWithoutAnArchive() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Run run = launch(0, "--index", "idx", "search", "cocoa");
            assertEquals(0, run.code());
            assertFalse(run.javaArguments().contains("Dump"), run.javaArguments());
            assertFalse(run.javaArguments().contains("SharedArchiveFile"), run.javaArguments());
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
