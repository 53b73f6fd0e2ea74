package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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

    /**
     * The top command of the command line that {@code cmd} is part of (a subcommand's, at any
     * depth), or null when that line was not built by {@link #commandLine}.
     */
    static NewsArchiveCommand of(CommandLine cmd) {
        CommandLine root = cmd;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof NewsArchiveCommand top ? top : null;
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

    /** Whether --index was given, globally or to the subcommand. */
    boolean indexGiven(Path subcommandIndex) {
        return subcommandIndex != null || index != null;
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
        return commandLine(environment, SUBCOMMANDS.keySet());
    }

    /**
     * The command line for these arguments: with only the subcommand they name, when they name
     * one. Picocli inspects every registered command class by reflection when the command line
     * is built, which costs more than a whole search; a process runs one subcommand, so it
     * builds only that one. A bare {@code --version} needs none (registering them all took
     * 45 ms of its 150). Without a known subcommand (help, a typo), all are registered.
     */
    public static CommandLine commandLine(CliEnvironment environment, String... args) {
        if (args.length == 1 && (args[0].equals("--version") || args[0].equals("-V"))) {
            return commandLine(environment, Set.of());
        }
        String named = subcommandOf(args);
        return commandLine(environment, named == null ? SUBCOMMANDS.keySet() : Set.of(named));
    }

    /** Subcommands by name, in the order help lists them. */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands();

    private static Map<String, Class<?>> subcommands() {
        Map<String, Class<?>> map = new LinkedHashMap<>();
        map.put("index", IndexCommand.class);
        map.put("search", SearchCommand.class);
        map.put("show", ShowCommand.class);
        map.put("stats", StatsCommand.class);
        map.put("reindex", ReindexCommand.class);
        map.put("check", CheckCommand.class);
        map.put("entities", EntitiesCommand.class);
        map.put("timeline", TimelineCommand.class);
        map.put("similar", SimilarCommand.class);
        map.put("serve", ServeCommand.class);
        map.put("solr", SolrCommand.class);
        map.put("ner", NerCommand.class);
        map.put("eval", EvalCommand.class);
        map.put("help", CommandLine.HelpCommand.class);
        return map;
    }

    /** The subcommand the arguments name (skipping global options and their values), or null. */
    static String subcommandOf(String... args) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--index") || arg.equals("--aliases")) {
                i++;
            } else if (!arg.startsWith("-")) {
                return SUBCOMMANDS.containsKey(arg) && !arg.equals("help") ? arg : null;
            }
        }
        return null;
    }

    private static CommandLine commandLine(CliEnvironment environment, Set<String> names) {
        ErrorHandler errors = new ErrorHandler();
        CommandLine cmd = new CommandLine(new NewsArchiveCommand(environment));
        for (String name : names) {
            cmd.addSubcommand(name, SUBCOMMANDS.get(name));
        }
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExitCodeExceptionMapper(ErrorHandler::exitCode);
        cmd.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n");
        // "search volcano -harbor" excludes harbor: a word after the query that starts with one
        // dash is a query word, not a cluster of short options such as -h.
        CommandLine search = cmd.getSubcommands().get("search");
        if (search != null) {
            search.setPosixClusteredShortOptionsAllowed(false).setUnmatchedOptionsArePositionalParams(true);
        }
        // a file named "-leading-dash.txt" is a path, not an unknown option
        CommandLine index = cmd.getSubcommands().get("index");
        if (index != null) {
            index.setUnmatchedOptionsArePositionalParams(true);
        }
        for (CommandLine sub : cmd.getSubcommands().values()) {
            sub.getCommandSpec().usageMessage()
                    .exitCodeListHeading("%nExit codes:%n")
                    .exitCodeList(cmd.getCommandSpec().usageMessage().exitCodeList());
        }
        return cmd;
    }
}
