package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import org.newsarchive.entity.EntityType;
import org.newsarchive.query.ArchiveSearcher;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.schema.StoredArticle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code newsarchive show ID}: one whole article. */
@Command(name = "show", mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class, description = "Print one article by its id (as shown by search).")
final class ShowCommand extends ArchiveCommand {


    @Parameters(paramLabel = "ID", description = "Article id.")
    private String id;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        StoredArticle article;
        List<SimilarArticle> copies;
        try (ArchiveSearcher searcher = openSearcher()) {
            article = searcher.find(id.strip())
                    .orElseThrow(() -> new UsageException("no article with id '" + id.strip() + "' in the index"));
            copies = searcher.copies(article.id()).orElseThrow();
        }
        PrintWriter out = out();
        if (format == OutputFormat.TEXT) {
            printText(out, article, copies);
        } else {
            ObjectNode node = toJson(article);
            ArrayNode list = node.putArray("copies");
            for (SimilarArticle copy : copies) {
                list.addObject().put("id", copy.id()).put("date", copy.date().toString()).put("headline", copy.headline())
                        .put("path", copy.path()).put("similarity", copy.score());
            }
            JsonOutput.print(out, node, format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(StoredArticle article) {
        ObjectNode node = JsonOutput.object();
        node.put("id", article.id());
        node.put("date", article.date().toString());
        node.put("published", article.published());
        node.put("headline", article.headline());
        node.put("body", article.body());
        ArrayNode paragraphs = node.putArray("paragraphs");
        article.paragraphs().forEach(paragraphs::add);
        node.put("path", article.path());
        SearchCommand.putProvenance(node, article.url(), article.source(), article.authors(), article.language());
        node.put("size_bytes", article.sizeBytes());
        node.put("sha256", article.sha256());
        node.put("word_count", article.wordCount());
        node.set("entities", SearchCommand.entitiesJson(article.entities()));
        return node;
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
