package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive reindex [PATH...]}: rebuild the whole index, switching to it atomically. */
@Command(
        name = "reindex",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Rebuild the index from scratch (after an upgrade, a new entity model or new aliases),",
            "by default from the paths it was built from. The new index is written beside the live",
            "one and replaces it in one atomic commit at the end: searches meanwhile use the old",
            "index, and if the rebuild is interrupted the old index stays as it was. With --solr,",
            "a new collection is built, the archive's alias is switched to it in one step, and the",
            "old collection is deleted after that.",
        })
final class ReindexCommand extends ArchiveCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Article files or folders (default: the paths recorded in the index).")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private IndexingOptions options;

    @Mixin
    private SolrOptions solr;

    /** Default of {@code --drop-old-after}: twice the 5 s for which a client given Solr URLs keeps the aliases it read. */
    static final int DEFAULT_DROP_OLD_AFTER = 10;

    @Option(names = "--drop-old-after", paramLabel = "SECONDS",
            description = "With --solr: keep the old collection this long after the switch, for searches already"
                    + " under way. Default: " + DEFAULT_DROP_OLD_AFTER + ".")
    private Integer dropOldAfter;

    @Override
    public Integer call() throws IOException {
        solr.check(indexGiven());
        if (dropOldAfter != null && !solr.enabled()) {
            throw new UsageException("--drop-old-after is for --solr: a local rebuild replaces the index in one commit");
        }
        if (dropOldAfter != null && dropOldAfter < 0) {
            throw new UsageException("--drop-old-after must be 0 or more seconds, not " + dropOldAfter);
        }
        if (solr.enabled()) {
            Duration grace = Duration.ofSeconds(dropOldAfter == null ? DEFAULT_DROP_OLD_AFTER : dropOldAfter);
            return SolrIndexing.reindex(this, solr, paths, options, grace);
        }
        List<Path> roots = roots(paths, paths.isEmpty() ? recordedData() : Map.of());
        return IndexCommand.run(this, roots, null, options, false, true);
    }

    private Map<String, String> recordedData() throws IOException {
        try (ArchiveSearcher searcher = ArchiveSearcher.open(indexLocation())) {
            return searcher.stats().commitData();
        }
    }

    /**
     * The paths to rebuild from: those given, else those the archive recorded ({@code recorded}
     * is its commit data); each must exist.
     *
     * @throws UsageException when a path is gone, or none was given and none recorded
     */
    static List<Path> roots(List<Path> given, Map<String, String> recorded) {
        List<Path> roots = given.isEmpty() ? recordedRoots(recorded) : given;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new UsageException(given.isEmpty()
                        ? "the index was built from " + root + ", which no longer exists; give the paths to rebuild from"
                        : "no such file or directory: " + root);
            }
        }
        return roots;
    }

    private static List<Path> recordedRoots(Map<String, String> data) {
        String recorded = data.getOrDefault(ArticleSchema.COMMIT_ROOTS, "");
        List<Path> roots = new ArrayList<>();
        for (String root : recorded.split("\n")) {
            if (!root.isBlank()) {
                roots.add(Path.of(root));
            }
        }
        if (roots.isEmpty()) {
            throw new UsageException("the index does not record the paths it was built from; give them: reindex PATH...");
        }
        return roots;
    }
}
