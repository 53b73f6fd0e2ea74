package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.ArchiveStats;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsarchive stats}: what the index holds. */
@Command(name = "stats", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, description = "Show how many articles the index holds, their dates and sizes.")
final class StatsCommand extends ArchiveCommand {


    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        ArchiveStats stats;
        try (ArchiveSearcher searcher = openSearcher(AliasTable.defaults())) {
            stats = searcher.stats();
        }
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, stats);
        } else {
            JsonOutput.print(out, toJson(stats), format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(ArchiveStats stats) {
        ObjectNode node = JsonOutput.object();
        node.put("index", stats.index());
        node.put("articles", stats.articles());
        node.put("first_date", stats.firstDate() == null ? null : stats.firstDate().toString());
        node.put("last_date", stats.lastDate() == null ? null : stats.lastDate().toString());
        node.put("size_bytes", stats.sizeBytes());
        node.put("source_bytes", stats.sourceBytes());
        node.put("duplicate_clusters", stats.duplicateClusters());
        node.put("schema_version", stats.commitData().get(ArticleSchema.COMMIT_SCHEMA_VERSION));
        node.put("analyzer", stats.commitData().get(ArticleSchema.COMMIT_ANALYZER));
        node.put("entity_model", stats.commitData().get(ArticleSchema.COMMIT_ENTITY_MODEL));
        var roots = node.putArray("roots");
        for (String root : stats.commitData().getOrDefault(ArticleSchema.COMMIT_ROOTS, "").split("\n")) {
            if (!root.isBlank()) {
                roots.add(root);
            }
        }
        String stale = ArticleSchema.staleness(stats.commitData());
        node.put("needs_reindex", stale != null);
        return node;
    }

    private static void printText(PrintWriter out, ArchiveStats stats) {
        out.printf("index        %s%n", stats.index());
        out.printf("articles     %,d%n", stats.articles());
        out.printf("dates        %s%n", stats.firstDate() == null ? "-" : stats.firstDate() + " to " + stats.lastDate());
        out.printf("index size   %s%n", humanBytes(stats.sizeBytes()));
        out.printf("source size  %s%n", humanBytes(stats.sourceBytes()));
        out.printf("copies       %,d group%s of near-duplicate articles%n", stats.duplicateClusters(),
                stats.duplicateClusters() == 1 ? "" : "s");
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

    static String humanBytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
