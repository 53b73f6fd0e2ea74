package org.newsarchive.cli;

import org.newsarchive.ingest.ArticleParser;
import java.io.IOException;
import java.io.PrintWriter;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.json.StatsJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.ArchiveStats;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code newsarchive stats}: what the index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, description = "Show how many articles the index holds, their dates and sizes.")
final class StatsCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }


    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        ArchiveStats stats;
        try (Archive searcher = openSearcher(AliasTable.defaults())) {
            stats = searcher.stats();
        }
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, stats);
        } else {
            JsonOutput.print(out, StatsJson.of(stats), format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static void printText(PrintWriter out, ArchiveStats stats) {
        out.printf("index        %s%n", stats.index());
        out.printf("articles     %,d%n", stats.articles());
        out.printf("dates        %s%n", stats.firstDate() == null ? "-" : stats.firstDate() + " to " + stats.lastDate());
        out.printf("index size   %s%n", ArticleParser.formatSize(stats.sizeBytes()));
        out.printf("source size  %s%n", ArticleParser.formatSize(stats.sourceBytes()));
        if (stats.duplicateClusters() < 0) {
            out.printf("copies       not counted on SolrCloud (search --collapse and show --copies find them)%n");
        } else {
            out.printf("copies       %,d group%s of near-duplicate articles%n", stats.duplicateClusters(),
                    stats.duplicateClusters() == 1 ? "" : "s");
        }
        out.printf("schema       %s (%s)%n", stats.commitData().getOrDefault(ArticleSchema.COMMIT_SCHEMA_VERSION, "?"),
                stats.commitData().getOrDefault(ArticleSchema.COMMIT_ANALYZER, "?"));
        out.printf("entities     %s%n", stats.commitData().getOrDefault(ArticleSchema.COMMIT_ENTITY_MODEL, "?"));
        for (String root : stats.commitData().getOrDefault(ArticleSchema.COMMIT_ROOTS, "").split("\n")) {
            if (!root.isBlank()) {
                out.printf("built from   %s%n", root);
            }
        }
        String stale = ArticleSchema.staleness(stats.commitData());
        if (stale != null) {
            out.printf("needs reindex: %s%n", stale);
        }
    }
}
