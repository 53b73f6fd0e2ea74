package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NewsArchiveCommandTest {

    @TempDir
    Path home;

    @Test
    void theSubcommandIsFoundPastGlobalOptions() {
        assertEquals("search", NewsArchiveCommand.subcommandOf("--index", "search", "search", "x"));
        assertEquals("stats", NewsArchiveCommand.subcommandOf("--debug", "--aliases", "a.txt", "stats"));
        assertEquals("index", NewsArchiveCommand.subcommandOf("--index=dir", "index", "p"));
        assertNull(NewsArchiveCommand.subcommandOf("--version"));
        assertNull(NewsArchiveCommand.subcommandOf("serch", "x"));
        assertNull(NewsArchiveCommand.subcommandOf("help", "search"));
    }

    @Test
    void aProcessBuildsOnlyTheSubcommandItRuns() {
        CliEnvironment environment = new CliEnvironment(Map.of(), home, false);
        assertEquals(Set.of("search"),
                NewsArchiveCommand.commandLine(environment, "search", "x").getSubcommands().keySet());
        assertEquals(10, NewsArchiveCommand.commandLine(environment, "--help").getSubcommands().size());
        assertEquals(10, NewsArchiveCommand.commandLine(environment, "serch", "x").getSubcommands().size());
    }
}
