package org.newsarchive.cli;

import java.nio.file.Path;
import org.newsarchive.index.IndexSettings;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.FieldMap;
import picocli.CommandLine.Option;

/** Options shared by {@code index} and {@code reindex}. */
final class IndexingOptions {

    @Option(names = "--max-file-size", paramLabel = "SIZE", defaultValue = "16MiB", converter = ByteSizeConverter.class,
            description = "Reject files larger than SIZE (e.g. 500k, 16M). Default: ${DEFAULT-VALUE}.")
    long maxFileSize = ArticleParser.DEFAULT_MAX_FILE_SIZE;

    @Option(names = "--threads", paramLabel = "N", description = "Parsing and analysis threads. Default: one per core.")
    Integer threads;

    @Option(names = "--no-entities", description = "Skip entity extraction (faster; entity filters and counts then find nothing for these articles).")
    boolean noEntities;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "Summary as text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    OutputFormat format;

    @Option(names = "--report", paramLabel = "FILE", description = "Also write the rejected files to FILE as JSON lines ({\"path\", \"reason\", \"detail\"}).")
    Path report;

    @Option(names = {"-q", "--quiet"}, description = "No progress display (it only shows on a terminal anyway).")
    boolean quiet;

    @Option(names = "--commit-every", paramLabel = "N", hidden = true, defaultValue = "" + IndexSettings.DEFAULT_COMMIT_EVERY,
            description = "Commit after every N new or changed articles (default ${DEFAULT-VALUE}).")
    int commitEvery;

    @Option(names = "--field-map", paramLabel = "FIELD=PART,...",
            description = {"Which JSON fields hold which part of an article, e.g. title=headline,story=text,"
                    + "meta.site=source (parts: headline, text, description, date, url, source, authors, language).",
                "Default: the news-please names and common alternatives; an index remembers the map it was built with."})
    String fieldMap;

    /** The run's settings, after checking the values. */
    IndexSettings settings(boolean prune) {
        if (threads != null && threads < 1) {
            throw new UsageException("--threads must be 1 or more, not " + threads);
        }
        if (maxFileSize < 1) {
            throw new UsageException("--max-file-size must be at least 1 byte");
        }
        if (commitEvery < 1) {
            throw new UsageException("--commit-every must be 1 or more, not " + commitEvery);
        }
        FieldMap map = null; // as the index recorded, else the default
        if (fieldMap != null) {
            try {
                map = FieldMap.parse(fieldMap);
            } catch (IllegalArgumentException e) {
                throw new UsageException("--field-map: " + e.getMessage());
            }
        }
        return new IndexSettings(threads == null ? IndexSettings.defaults().threads() : threads, maxFileSize, prune,
                commitEvery, IndexSettings.DEFAULT_COMMIT_INTERVAL, map);
    }
}
