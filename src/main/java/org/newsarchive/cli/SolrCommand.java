package org.newsarchive.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive solr}: managing an archive on SolrCloud ({@code init}); indexing and
 * searching it are the usual commands with {@code --solr URL --collection NAME}.
 */
@Command(
        name = "solr",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Manage an archive on SolrCloud. 'init' makes one; then 'index', 'reindex' and the",
            "search commands take --solr URL --collection NAME instead of --index (docs/solr.md).",
        },
        subcommands = {
            SolrInitCommand.class,
        })
public final class SolrCommand implements Runnable {

    @Spec
    private CommandSpec spec;

    public SolrCommand() {
        // instantiated by picocli
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing subcommand");
    }
}
