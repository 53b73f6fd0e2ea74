package org.newsarchive.server;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.newsarchive.cli.CliEnvironment;
import org.newsarchive.cli.NewsArchiveCommand;
import picocli.CommandLine;

/** What the CLI prints on standard error for a failing command line (one line, no line break). */
final class TestArchiveErrors {

    private TestArchiveErrors() {
    }

    static String stderr(Path home, String... args) {
        CommandLine cmd = NewsArchiveCommand.commandLine(new CliEnvironment(Map.of(), home, false), args);
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(new StringWriter(), true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.execute(args);
        return err.toString().strip();
    }
}
