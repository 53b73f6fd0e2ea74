package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.index.ArticleIndexer;
import org.newsarchive.index.IndexListener;
import org.newsarchive.index.IndexReport;
import org.newsarchive.index.IndexSettings;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome.Rejected;
import org.newsarchive.ingest.RejectReason;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive index PATH...}: add article files to the index. */
@Command(
        name = "index",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Index article files. Folders are walked recursively for *.txt files (hidden files and",
            "folders are skipped); a file named directly is taken whatever its name. New files are",
            "added, changed files updated, unchanged files left alone. Each rejected file is listed",
            "on stderr with the reason; the summary goes to stdout.",
        })
final class IndexCommand extends ArchiveCommand {


    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Article files or folders.")
    private List<Path> paths;

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "16MiB", converter = ByteSizeConverter.class,
            description = "Reject files larger than SIZE (e.g. 500k, 16M). Default: ${DEFAULT-VALUE}.")
    private long maxFileSize = ArticleParser.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--threads", paramLabel = "N", description = "Parsing and analysis threads. Default: one per core.")
    private Integer threads;

    @Option(names = "--no-entities", description = "Skip entity extraction (faster; entity filters and counts then find nothing for these articles).")
    private boolean noEntities;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Summary as text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        for (Path path : paths) {
            if (!Files.exists(path) && !Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException("no such file or directory: " + path);
            }
        }
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be 1 or more, not " + threads);
        }
        if (maxFileSize < 1) {
            throw new UsageException("--max-file-size must be at least 1 byte");
        }
        IndexSettings settings = new IndexSettings(
                threads == null ? IndexSettings.defaults().threads() : threads, maxFileSize);
        PrintWriter err = err();
        IndexListener listener = new IndexListener() {
            @Override
            public void rejected(Rejected rejected) {
                synchronized (err) {
                    err.println("rejected " + rejected.message());
                    err.flush();
                }
            }

            @Override
            public void skipped(Path path, String why) {
                synchronized (err) {
                    err.println("skipped " + path + ": " + why);
                    err.flush();
                }
            }
        };
        IndexReport report;
        EntityExtractor extractor = noEntities ? EntityExtractor.NONE : top.entityExtractor();
        try (ArticleIndexer indexer = ArticleIndexer.open(indexLocation(), extractor)) {
            report = indexer.index(paths, settings, listener);
        }
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, report, indexLocation());
        } else {
            JsonOutput.print(out, toJson(report), format);
        }
        out.flush();
        return report.rejected().isEmpty() ? ExitCodes.OK : ExitCodes.REJECTED;
    }

    static ObjectNode toJson(IndexReport report) {
        ObjectNode node = JsonOutput.object();
        node.put("added", report.added());
        node.put("updated", report.updated());
        node.put("unchanged", report.unchanged());
        node.put("rejected", report.rejected().size());
        ObjectNode reasons = node.putObject("rejected_by_reason");
        for (Map.Entry<RejectReason, Long> e : report.rejectedByReason().entrySet()) {
            reasons.put(e.getKey().code(), e.getValue());
        }
        ArrayNode files = node.putArray("rejected_files");
        for (Rejected r : report.rejected()) {
            ObjectNode file = files.addObject();
            file.put("path", r.path().toString());
            file.put("reason", r.reason().code());
            file.put("detail", r.detail());
        }
        node.put("skipped", report.skipped().size());
        node.put("articles", report.articles());
        node.put("elapsed_ms", report.elapsed().toMillis());
        return node;
    }

    private static void printText(PrintWriter out, IndexReport report, Path index) {
        double seconds = report.elapsed().toNanos() / 1e9;
        out.printf(Locale.ROOT, "indexed into %s in %.1f s: %,d added, %,d updated, %,d unchanged, %,d rejected%n",
                index, seconds, report.added(), report.updated(), report.unchanged(), report.rejected().size());
        if (!report.rejected().isEmpty()) {
            StringBuilder reasons = new StringBuilder();
            report.rejectedByReason().forEach((reason, count) ->
                    reasons.append(reasons.length() == 0 ? "" : ", ").append(reason.code()).append(' ').append(count));
            out.println("rejected by reason: " + reasons);
        }
        out.printf("the index now holds %,d article%s%n", report.articles(), report.articles() == 1 ? "" : "s");
    }
}
