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
 * {@code java} on the PATH that only records its arguments (and writes the archive it is asked
 * for, as the JVM does when it exits).
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
                for arg in "$@"; do
                  case "$arg" in -XX:ArchiveClassesAtExit=*) echo archive > "${arg#*=}" ;; esac
                done
                exit "${FAKE_JAVA_EXIT:-0}"
                """.formatted(calls));
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private record Run(int code, String javaArguments) {
    }

    private Run launch(int javaExit, String... args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Files.deleteIfExists(calls);
        List<String> command = new ArrayList<>(List.of("bash", home.resolve("scripts/newsarchive").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile());
        builder.environment().keySet().removeIf(k -> !k.equals("PATH"));
        builder.environment().put("PATH", home.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("FAKE_JAVA_EXIT", Integer.toString(javaExit));
        builder.redirectErrorStream(true).redirectOutput(home.resolve("out.txt").toFile());
        Process process = builder.start();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals("", Files.readString(home.resolve("out.txt")), "the launcher's own output");
        return new Run(process.exitValue(), Files.exists(calls) ? Files.readString(calls).strip() : "");
    }

    private List<String> leftovers() throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".part")).toList();
        }
    }

    @Test
    void theFirstSearchMakesTheArchiveAndTheNextOnesMapIt() throws Exception {
        Path archive = target.resolve("newsarchive-search.jsa");
        Run first = launch(0, "--index", "idx", "search", "cocoa");
        assertEquals(0, first.code());
        assertTrue(first.javaArguments().contains("-XX:ArchiveClassesAtExit=" + archive + "."), first.javaArguments());
        assertTrue(Files.exists(archive));
        assertEquals(List.of(), leftovers());

        Run next = launch(0, "--index", "idx", "search", "cocoa");
        assertTrue(next.javaArguments().contains("-XX:SharedArchiveFile=" + archive + " "), next.javaArguments());
        assertFalse(next.javaArguments().contains("ArchiveClassesAtExit"), next.javaArguments());
    }

    @Test
    void eachReadOnlyCommandHasItsOwnArchive() throws Exception {
        launch(0, "--index", "idx", "search", "cocoa");
        Run stats = launch(0, "--index", "idx", "stats");
        assertTrue(stats.javaArguments().contains("-XX:ArchiveClassesAtExit=" + target.resolve("newsarchive-stats.jsa.")),
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
        assertFalse(run.javaArguments().contains("SharedArchiveFile"), run.javaArguments());
        assertTrue(run.javaArguments().contains("-XX:ArchiveClassesAtExit="), run.javaArguments());
        assertEquals("archive", Files.readString(archive).strip());
    }

    @Test
    void aFailedRunKeepsNoArchiveAndItsExitCode() throws Exception {
        Run run = launch(4, "--index", "missing", "search", "cocoa");
        assertEquals(4, run.code());
        assertFalse(Files.exists(target.resolve("newsarchive-search.jsa")));
        assertEquals(List.of(), leftovers());
    }

    @Test
    void helpAndOtherCommandsMakeNoArchive() throws Exception {
        for (String[] args : List.of(new String[] {"--index", "idx", "search", "--help"}, new String[] {"--index", "idx", "stats", "-h"},
                new String[] {"--version"}, new String[] {"--index", "idx", "index", "news"},
                new String[] {"--index", "idx", "serve"})) {
            Run run = launch(0, args);
            assertFalse(run.javaArguments().contains("ArchiveClassesAtExit"), run.javaArguments());
            assertFalse(run.javaArguments().contains("SharedArchiveFile"), run.javaArguments());
        }
        try (Stream<Path> files = Files.list(target)) {
            assertEquals(List.of("newsarchive.jar"), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void whereTargetCannotBeWrittenCommandsRunWithoutAnArchive() throws Exception {
        assumeFalse("root".equals(System.getProperty("user.name")), "root writes anywhere");
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("r-xr-xr-x"));
        try {
            Run run = launch(0, "--index", "idx", "search", "cocoa");
            assertEquals(0, run.code());
            assertFalse(run.javaArguments().contains("Archive"), run.javaArguments());
        } finally {
            Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }
}
