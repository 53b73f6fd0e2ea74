package org.newsarchive.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive solr init --solr URL --collection NAME}: uploads the configset generated from
 * the field catalogue, creates the archive's first collection ({@code NAME_<UTC time>}) and the
 * alias {@code NAME} that every command then uses, so that {@code reindex} can switch it.
 */
@Command(
        name = "init",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Make an archive on SolrCloud: upload this version's configset (newsarchive-<schema",
            "version>), create a collection NAME_<yyyyMMddHHmmss> (UTC) from it and the alias NAME",
            "pointing to it. Commands use the alias; 'reindex --solr' builds a new collection and",
            "switches the alias to it. An existing NAME (alias or collection) is left alone: exit 2.",
        })
final class SolrInitCommand implements Callable<Integer> {

    /**
     * Default shards: two, so that an archive spreads its indexing and its searches over two
     * nodes from the start (ExactStatsCache makes a sharded collection rank as one index). One
     * shard holds tens of millions of articles; more shards help only with more nodes.
     */
    static final int DEFAULT_SHARDS = 2;

    /** Default replicas of each shard: one, the data once; a second survives the loss of a node. */
    static final int DEFAULT_REPLICAS = 1;

    @Spec
    private CommandSpec spec;

    @Mixin
    private SolrOptions solr;

    @Option(names = "--shards", paramLabel = "N", description = "Shards of the collection. Default: " + DEFAULT_SHARDS + ".")
    private int shards = DEFAULT_SHARDS;

    @Option(names = "--replicas", paramLabel = "N",
            description = "Replicas of each shard (2 or more survive the loss of a node). Default: " + DEFAULT_REPLICAS + ".")
    private int replicas = DEFAULT_REPLICAS;

    @Override
    public Integer call() throws IOException {
        NewsArchiveCommand top = NewsArchiveCommand.of(spec.commandLine());
        if (!solr.enabled()) {
            throw new UsageException("solr init needs --solr URL and --collection NAME");
        }
        solr.check(top != null && top.indexGiven(null));
        if (shards < 1) {
            throw new UsageException("--shards must be 1 or more, not " + shards);
        }
        if (replicas < 1) {
            throw new UsageException("--replicas must be 1 or more, not " + replicas);
        }
        return SolrIndexing.init(spec.commandLine().getOut(), solr, shards, replicas);
    }
}
