package org.newsarchive.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.newsarchive.entity.EntityType;
import org.newsarchive.json.ArticleJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.schema.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive show ID}: one whole article. */
@Command(name = "show", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, description = "Print one article by its id (as shown by search).")
final class ShowCommand extends ArchiveCommand {

    @Mixin
    SolrOptions solr;

    @Override
    SolrOptions solrOptions() {
        return solr;
    }


    @Parameters(paramLabel = "ID", description = "Article id.")
    private String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        StoredArticle article;
        List<SimilarArticle> copies;
        try (Archive searcher = openSearcher()) {
            article = searcher.find(id.strip())
                    .orElseThrow(() -> new UsageException("no article with id '" + id.strip() + "' in the index"));
            copies = searcher.copies(article.id()).orElseThrow();
        }
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, article, copies);
        } else {
            JsonOutput.print(out, ArticleJson.of(article, copies), format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** The lines of what is known of where the article was published; none for seed-format articles. */
    private static void printProvenance(PrintWriter out, StoredArticle article) {
        String format = "%-9s %s%n";
        if (article.url() != null) {
            out.printf(format, "url:", article.url());
        }
        if (article.source() != null) {
            out.printf(format, "source:", article.source());
        }
        if (!article.authors().isEmpty()) {
            out.printf(format, "authors:", String.join("; ", article.authors()));
        }
        if (article.language() != null) {
            out.printf(format, "language:", article.language());
        }
    }

    private static void printText(PrintWriter out, StoredArticle article, List<SimilarArticle> copies) {
        out.println(article.headline());
        out.println(article.published() + "  id " + article.id());
        out.println(article.path());
        printProvenance(out, article);
        out.printf("%,d words, %,d bytes, sha256 %s%n", article.wordCount(), article.sizeBytes(), article.sha256());
        for (EntityType type : EntityType.values()) {
            List<String> names = article.entities().getOrDefault(type, List.of());
            if (!names.isEmpty()) {
                out.printf("%-7s %s%n", type.queryName() + ":", String.join("; ", names));
            }
        }
        out.println();
        out.println(article.body());
        if (!copies.isEmpty()) {
            out.println();
            out.printf("%d near-duplicate cop%s:%n", copies.size(), copies.size() == 1 ? "y" : "ies");
            for (SimilarArticle copy : copies) {
                out.printf("  %s  %s  id %s  (%.0f%% of word pairs shared)%n", copy.date(), copy.headline(), copy.id(),
                        copy.score() * 100);
            }
        }
    }
}
