package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.DateRange;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.schema.StoredArticle;
import picocli.CommandLine.Command;
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

    /** One line of the answer: a similar article, or with --thread the given one. */
    private record Entry(SimilarArticle article, boolean given) {
    }

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new UsageException("--limit must be 1 or more, not " + limit);
        }
        String wanted = id.strip();
        List<Entry> entries = new ArrayList<>();
        try (ArchiveSearcher searcher = openSearcher()) {
            List<SimilarArticle> similar = searcher.similar(wanted, limit, DateRange.of(from, to))
                    .orElseThrow(() -> new UsageException("no article with id '" + wanted + "' in the index"));
            similar.forEach(a -> entries.add(new Entry(a, false)));
            if (thread) {
                StoredArticle own = searcher.find(wanted).orElseThrow();
                entries.add(new Entry(new SimilarArticle(own.id(), own.date(), own.published(), own.headline(),
                        own.path(), Float.NaN), true));
                entries.sort(Comparator.comparing((Entry e) -> e.article().published()).thenComparing(e -> e.article().id()));
            }
        }
        PrintWriter out = out();
        switch (format) {
            case JSON -> {
                ObjectNode root = JsonOutput.object();
                root.put("id", wanted);
                root.put("thread", thread);
                ArrayNode list = root.putArray("articles");
                entries.forEach(e -> list.add(toJson(e)));
                JsonOutput.print(out, root, format);
            }
            case JSONL -> entries.forEach(e -> JsonOutput.print(out, toJson(e), format));
            case TEXT -> printText(out, wanted, entries);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(Entry entry) {
        SimilarArticle a = entry.article();
        ObjectNode node = JsonOutput.object();
        node.put("id", a.id());
        node.put("date", a.date().toString());
        node.put("published", a.published());
        node.put("headline", a.headline());
        node.put("path", a.path());
        if (entry.given()) {
            node.put("given", true);
        } else {
            node.put("score", a.score());
        }
        return node;
    }

    private void printText(PrintWriter out, String wanted, List<Entry> entries) {
        long found = entries.stream().filter(e -> !e.given()).count();
        out.printf("%d article%s like %s%s%n", found, found == 1 ? "" : "s", wanted, thread ? ", by date" : "");
        int rank = 1;
        for (Entry e : entries) {
            SimilarArticle a = e.article();
            out.println();
            String mark = e.given() ? "*" : thread ? "-" : rank++ + ".";
            out.printf("%s %s  %s%s%n", mark, a.date(), a.headline(), e.given() ? "  (this article)" : "");
            out.printf("   id %s  %s%n", a.id(), a.path());
        }
    }
}
