package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.newsarchive.json.SimilarJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.query.SimilarEntry;
import org.newsarchive.query.SimilarRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive similar ID}: the articles most like one article, or its story over time. */
@Command(
        name = "similar",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "The articles most like the article ID (its most telling words in headline and body,",
            "and its people, organisations and places), best first. --thread lists them with the",
            "article itself by date, oldest first, to follow a story over time.",
        })
final class SimilarCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }

    @Parameters(paramLabel = "ID", description = "Article id (as shown by search).")
    private String id;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10", description = "How many articles. Default: ${DEFAULT-VALUE}.")
    private int limit;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles on or after DATE.")
    private String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles on or before DATE.")
    private String to;

    @Option(names = "--thread", description = "By date, oldest first, with the article itself (marked).")
    private boolean thread;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one article per line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more, not " + limit);
        }
        SimilarRequest request = new SimilarRequest(id.strip(), limit, DateRange.of(from, to), thread);
        List<SimilarEntry> entries;
        try (Archive searcher = openSearcher()) {
            entries = searcher.similar(request)
                    .orElseThrow(() -> new UsageException("no article with id '" + request.id() + "' in the index"));
        }
        PrintWriter out = out();
        switch (format) {
            case JSON -> JsonOutput.print(out, SimilarJson.of(request, entries), format);
            case JSONL -> entries.forEach(e -> JsonOutput.print(out, SimilarJson.entry(e), format));
            case TEXT -> printText(out, request.id(), entries);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private void printText(PrintWriter out, String wanted, List<SimilarEntry> entries) {
        long found = entries.stream().filter(e -> !e.given()).count();
        out.printf("%d article%s like %s%s%n", found, found == 1 ? "" : "s", wanted, thread ? ", by date" : "");
        int rank = 1;
        for (SimilarEntry e : entries) {
            SimilarArticle a = e.article();
            out.println();
            String mark = e.given() ? "*" : thread ? "-" : rank++ + ".";
            out.printf("%s %s  %s%s%n", mark, a.date(), a.headline(), e.given() ? "  (this article)" : "");
            out.printf("   id %s  %s%n", a.id(), a.path());
        }
    }
}
