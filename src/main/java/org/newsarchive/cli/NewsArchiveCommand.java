package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.RecognizingEntityExtractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The top-level {@code newsarchive} command: global options and the subcommands. */
@Command(
        name = "newsarchive",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Offline search engine for archives of dated news articles.",
        subcommands = {
            IndexCommand.class,
            SearchCommand.class,
            ShowCommand.class,
            StatsCommand.class,
            ReindexCommand.class,
            CheckCommand.class,
            EntitiesCommand.class,
            NerCommand.class,
            EvalCommand.class,
            CommandLine.HelpCommand.class,
        },
        footerHeading = "%nIndex location:%n",
        footer = {
            "  --index DIR, else $NEWSARCHIVE_INDEX, else index-data/ in the installation folder.",
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:Success (a search with no hits is a success).",
            "1:Unexpected failure (--debug shows the stack trace).",
            "2:Usage error: bad option, invalid query or date, unknown path or id.",
            "3:Indexing finished but some files were rejected.",
            "4:Index missing, unreadable, damaged or locked by another writer.",
            "5:check: the index is sound but out of date with the files.",
        })
public final class NewsArchiveCommand implements Runnable {

    private final CliEnvironment environment;

    @Spec
    private CommandSpec spec;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Index location (default: $NEWSARCHIVE_INDEX, else index-data/ of the installation).")
    private Path index;

    @Option(names = "--debug", description = "Show stack traces of unexpected errors.")
    private boolean debug;

    @Option(names = "--aliases", paramLabel = "FILE",
            description = "Extra entity aliases ('TYPE: Canonical = variant, ...' per line), added to the shipped ones.")
    private Path aliasFile;

    private AliasTable aliases;

    public NewsArchiveCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }

    boolean debug() {
        return debug;
    }

    /** The alias table: the shipped one, extended by --aliases FILE. */
    AliasTable aliases() throws IOException {
        if (aliases == null) {
            AliasTable table = AliasTable.defaults();
            if (aliasFile != null) {
                table = table.extendedWith(aliasFile);
            }
            aliases = table;
        }
        return aliases;
    }

    /** The entity extractor for indexing and tagging: the recogniser plus our normalisation. */
    EntityExtractor entityExtractor() throws IOException {
        return new RecognizingEntityExtractor(environment.recognizer(), aliases());
    }

    CliEnvironment environment() {
        return environment;
    }

    /** The index a subcommand works on: its own --index, else the global one, else the default. */
    Path indexLocation(Path subcommandIndex) {
        if (subcommandIndex != null) {
            return subcommandIndex;
        }
        return index != null ? index : environment.defaultIndex();
    }

    /**
     * The command line with its error policy: one handler for parameter errors, one for
     * execution errors, both mapping to {@link ExitCodes}.
     */
    public static CommandLine commandLine(CliEnvironment environment) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cmd = new CommandLine(new NewsArchiveCommand(environment));
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
        // "search volcano -harbor" excludes harbor: a word after the query that starts with one
        // dash is a query word, not a cluster of short options such as -h.
        cmd.getSubcommands().get("search")
                .setPosixClusteredShortOptionsAllowed(false)
                .setUnmatchedOptionsArePositionalParams(true);
        // a file named "-leading-dash.txt" is a path, not an unknown option
        cmd.getSubcommands().get("index").setUnmatchedOptionsArePositionalParams(true);
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(cmd.getCommandSpec().usageMessage().exitCodeList());
        }
        return cmd;
    }
}
