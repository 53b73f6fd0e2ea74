package org.newsarchive.cli;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.newsarchive.entity.MentionRecognizer;
import org.newsarchive.query.IndexUnavailableException;
import org.newsarchive.query.OpenIndex;
import org.newsarchive.server.CommandRunner;
import picocli.CommandLine;

/**
 * The launcher's command lines, run inside a server: the same command classes, error policy and
 * formatters as a process, with the server's open reader lent for the one index the server
 * serves, so that the output, byte for byte, and the exit code are what the process would have
 * given. Only commands that read the index and write nothing but their output run here.
 */
final class ForwardedCommands implements CommandRunner {

    /** The commands that may run in a server: they read the index and print, nothing else. */
    static final Set<String> COMMANDS = Set.of("search", "show", "stats", "entities", "timeline", "similar");

    /**
     * Options that read or write files of the caller's, stream without end, or name an archive
     * other than the served index (a SolrCloud collection): a process of its own.
     */
    private static final Set<String> OWN_PROCESS = Set.of("--svg", "--aliases", "--all", "--solr", "--collection");

    private final Path home;

    ForwardedCommands(Path home) {
        this.home = home;
    }

    @Override
    public Outcome run(List<String> args, Caller caller, IndexLender index) {
        String[] argv = args.toArray(String[]::new);
        String command = NewsArchiveCommand.subcommandOf(argv);
        if (command == null || !COMMANDS.contains(command)) {
            return null;
        }
        for (String arg : argv) {
            if (arg.equals("--")) {
                break;
            }
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            if (OWN_PROCESS.contains(name)) {
                return null;
            }
        }
        CliEnvironment environment = new CliEnvironment(caller.variables(), home, caller.terminal(),
                ForwardedCommands::noRecognizer, location -> lend(location, caller, index),
                new ByteArrayInputStream(new byte[0]));
        Path wanted = IndexPrefetch.location(environment, argv);
        if (wanted == null || !served(caller.directory().resolve(wanted), index)) {
            return null; // another index: the process opens it itself
        }
        CommandLine cmd = NewsArchiveCommand.commandLine(environment, argv);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        int code = cmd.execute(argv);
        cmd.getOut().flush();
        cmd.getErr().flush();
        return new Outcome(code, out.toString(), err.toString());
    }

    private static OpenIndex lend(Path location, Caller caller, IndexLender index) throws IndexUnavailableException {
        if (!served(caller.directory().resolve(location), index)) {
            throw new IndexUnavailableException("this server serves " + index.location() + ", not " + location);
        }
        return index.lend();
    }

    private static boolean served(Path location, IndexLender index) {
        try {
            return location.toRealPath().equals(index.location());
        } catch (IOException e) {
            return false;
        }
    }

    private static MentionRecognizer noRecognizer() {
        throw new IllegalStateException("commands run in a server do not recognise entities");
    }
}
