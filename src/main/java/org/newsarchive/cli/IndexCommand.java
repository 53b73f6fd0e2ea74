package org.newsarchive.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.index.ArticleIndexer;
import org.newsarchive.index.IndexReport;
import org.newsarchive.ingest.ArchiveVisitor;
import org.newsarchive.ingest.ArchiveWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive index PATH...}: add, update (and with --prune remove) articles incrementally. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Index article files. Folders are walked recursively for *.txt (the date-line format),",
            "*.json (one article, or an array of them), *.jsonl and *.ndjson (one article per line),",
            "each also gzip-compressed (*.jsonl.gz); hidden files and folders are skipped. A file",
            "named directly is taken whatever its name. PATH '-' reads JSON lines from standard input.",
            "New files are added, changed files updated, unchanged files skipped without being read",
            "(same size and modification time); a JSON lines file that only grew is read from where",
            "the last run stopped. The run commits every 100,000 changed articles and at the end: a",
            "run that is killed loses at most its last batch, which the next run redoes. Each rejected",
            "file or record is listed on stderr with the reason (and line); the summary goes to stdout.",
            "With --solr URL --collection NAME, the archive is a SolrCloud collection made by",
            "'solr init' (same rules; its state is kept in SolrCloud, see docs/solr.md).",
        })
final class IndexCommand extends ArchiveCommand {

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files or folders; '-' for JSON lines on standard input.")
    private List<Path> paths;

    @Option(names = "--prune", description = "Remove the articles of files that no longer exist under PATH.")
    private boolean prune;

    @Mixin
    private IndexingOptions options;

    @Mixin
    private SolrOptions solr;

    @Override
    public Integer call() throws IOException {
        solr.check(indexGiven());
        List<Path> files = new ArrayList<>();
        boolean standardInput = false;
        for (Path path : paths) {
            if (path.toString().equals(STANDARD_INPUT)) {
                if (standardInput) {
                    throw new UsageException("'-' (standard input) can be given once");
                }
                standardInput = true;
            } else if (!Files.exists(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("no such file or directory: " + path);
            } else {
                files.add(path);
            }
        }
        if (prune && files.isEmpty()) {
            throw new UsageException("--prune removes the articles of deleted files under PATH; standard input has none");
        }
        if (standardInput && top.environment().terminal()) {
            // Nothing is piped in: say what the command waits for rather than seem to hang.
            err().println("newsarchive: reading JSON lines from standard input; end with Ctrl-D");
            err().flush();
        }
        InputStream in = standardInput ? top.environment().standardInput() : null;
        if (solr.enabled()) {
            return SolrIndexing.index(this, solr, files, in, options, prune);
        }
        return run(this, files, in, options, prune, false);
    }

    /** The PATH that means standard input. */
    static final String STANDARD_INPUT = "-";

    /** Runs an indexing or rebuilding pass of the local index and prints its summary; shared with {@code reindex}. */
    static int run(ArchiveCommand command, List<Path> paths, InputStream standardInput, IndexingOptions options,
            boolean prune, boolean rebuild) throws IOException {
        Path location = command.indexLocation();
        return run(command, paths, standardInput, options, prune, location.toString(), extractor -> rebuild
                ? ArticleIndexer.openForRebuild(location, extractor)
                : ArticleIndexer.open(location, extractor));
    }

    /** Opens the indexer of a run, given the run's entity extractor. */
    @FunctionalInterface
    interface IndexerOpener {
        ArticleIndexer open(EntityExtractor extractor) throws IOException;
    }

    /**
     * Runs an indexing or rebuilding pass through the indexer {@code opener} opens, and prints
     * its summary, which says it indexed into {@code where}; shared with {@code reindex} and the
     * SolrCloud commands.
     */
    static int run(ArchiveCommand command, List<Path> paths, InputStream standardInput, IndexingOptions options,
            boolean prune, String where, IndexerOpener opener) throws IOException {
        var settings = options.settings(prune);
        EntityExtractor extractor = options.noEntities ? EntityExtractor.NONE : command.top.entityExtractor();
        boolean progress = !options.quiet && command.top.environment().terminal();
        IndexReport report;
        try (ArticleIndexer indexer = opener.open(extractor);
                IndexRunReporter reporter = new IndexRunReporter(command.err(), progress,
                        progress ? countFiles(paths) : -1, options.report)) {
            if (indexer.movedAside() != null) {
                command.err().println("newsarchive: the index was damaged; moved it aside to " + indexer.movedAside());
                command.err().flush();
            }
            report = indexer.index(paths, standardInput, settings, reporter);
        }
        IndexRunReporter.printSummary(command.out(), report, where, options.format);
        command.out().flush();
        return report.rejectedCount() == 0 ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    /** Files under the paths, for the progress display's total (a listing, no file is read). */
    private static long countFiles(List<Path> paths) {
        AtomicLong count = new AtomicLong();
        ArchiveWalker walker = new ArchiveWalker();
        ArchiveVisitor counter = realPath -> count.incrementAndGet();
        paths.forEach(path -> walker.walk(path, counter));
        return count.get();
    }
}
