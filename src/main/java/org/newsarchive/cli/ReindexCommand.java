package org.newsarchive.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.schema.ArticleSchema;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
            "index, and if the rebuild is interrupted the old index stays as it was.",
        })
final class ReindexCommand extends ArchiveCommand {

    @Parameters(paramLabel = "PATH", arity = "0..*", description = "Article files or folders (default: the paths recorded in the index).")
    private List<Path> paths = new ArrayList<>();

    @Mixin
    private IndexingOptions options;

    @Override
    public Integer call() throws IOException {
        List<Path> roots = paths.isEmpty() ? recordedRoots() : paths;
        for (Path root : roots) {
            if (!Files.exists(root)) {
                throw new UsageException(paths.isEmpty()
                        ? "the index was built from " + root + ", which no longer exists; give the paths to rebuild from"
                        : "no such file or directory: " + root);
            }
        }
        return IndexCommand.run(this, roots, null, options, false, true);
    }

    private List<Path> recordedRoots() throws IOException {
        Map<String, String> data;
        try (ArchiveSearcher searcher = ArchiveSearcher.open(indexLocation())) {
            data = searcher.stats().commitData();
        }
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
