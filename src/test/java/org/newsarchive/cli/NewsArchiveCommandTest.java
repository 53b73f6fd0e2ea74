package org.newsarchive.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

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
        assertEquals(Set.of("solr"),
                NewsArchiveCommand.commandLine(environment, "solr", "init", "--help").getSubcommands().keySet());
        assertEquals(14, NewsArchiveCommand.commandLine(environment, "--help").getSubcommands().size());
        assertEquals(14, NewsArchiveCommand.commandLine(environment, "serch", "x").getSubcommands().size());
    }

    @Test
    void aBareVersionRequestBuildsNoSubcommandAndPrintsTheSameVersion() {
        CliEnvironment environment = new CliEnvironment(Map.of(), home, false);
        for (String option : new String[] {"--version", "-V"}) {
            CommandLine alone = NewsArchiveCommand.commandLine(environment, option);
            assertEquals(Set.of(), alone.getSubcommands().keySet());
            assertEquals(versionOutput(NewsArchiveCommand.commandLine(environment), option), versionOutput(alone, option));
        }
        assertEquals(14, NewsArchiveCommand.commandLine(environment, "--version", "--help").getSubcommands().size());
    }

    private static String versionOutput(CommandLine cmd, String option) {
        StringWriter out = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        assertEquals(ExitCodes.OK, cmd.execute(option));
        return out.toString();
    }
}
