package org.newsarchive.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.Mention;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.json.JsonText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code newsarchive ner tag [FILE|-]}: the entities of one article, as indexing would store them,
 * with the surface forms and offsets behind each canonical name, to see why an article is (or is
 * not) found by an entity filter.
 */
@Command(
        name = "tag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Show the entities of one article: type, canonical name, surface forms and character",
            "offsets. An article file in the seed format is tagged as indexing would tag it (offsets",
            "count from the start of its headline and body, as printed with --format json's 'text');",
            "any other text is tagged as it is. FILE '-' or no FILE reads standard input.",
        })
final class NerTagCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", arity = "0..1", description = "An article file or any text; '-' for standard input.")
    private String file = "-";

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text, json or jsonl (one line). Default: ${DEFAULT-VALUE}.")
    private OutputFormat format;

    @Override
    public Integer call() throws IOException {
        byte[] bytes = read();
        String text = textOf(bytes);
        EntityExtractor extractor = NewsArchiveCommand.of(spec.commandLine()).entityExtractor();
        ArticleEntities entities = extractor.extract("", text);
        PrintWriter out = spec.commandLine().getOut();
        if (format == OutputFormat.TEXT) {
            printText(out, entities);
        } else {
            JsonOutput.print(out, toJson(text, entities), format);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private byte[] read() throws IOException {
        if (file.equals("-")) {
            InputStream in = System.in;
            return in.readAllBytes();
        }
        try {
            return Files.readAllBytes(Path.of(file));
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }

    /** An article's headline and body as indexing sees them, or the text as it is. */
    private String textOf(byte[] bytes) {
        Path path = file.equals("-") ? Path.of("-") : Path.of(file).toAbsolutePath();
        ParseOutcome outcome = new ArticleParser(Long.MAX_VALUE - 1).parse(path, bytes);
        if (outcome instanceof ParseOutcome.Parsed parsed) {
            Article article = parsed.article();
            return RecognizingEntityExtractor.textOf(article.headline(), article.body());
        }
        return new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n").replace('\r', '\n');
    }

    static ObjectNode toJson(String text, ArticleEntities entities) {
        ObjectNode root = JsonText.object();
        root.put("text", text);
        ArrayNode list = root.putArray("entities");
        for (Entity entity : entities.entities()) {
            ObjectNode node = list.addObject();
            node.put("type", entity.type().queryName());
            node.put("name", entity.name());
            ArrayNode forms = node.putArray("surface_forms");
            entity.surfaceForms().forEach(forms::add);
            ArrayNode mentions = node.putArray("mentions");
            for (Mention mention : entity.mentions()) {
                ObjectNode m = mentions.addObject();
                m.put("text", mention.text());
                m.put("start", mention.start());
                m.put("end", mention.end());
            }
        }
        return root;
    }

    private static void printText(PrintWriter out, ArticleEntities entities) {
        if (entities.entities().isEmpty()) {
            out.println("no entities");
            return;
        }
        int width = entities.entities().stream().mapToInt(e -> e.name().length()).max().orElse(0);
        for (Entity entity : entities.entities()) {
            String forms = String.join(" | ", entity.surfaceForms());
            String offsets = entity.mentions().stream().map(m -> m.start() + "-" + m.end())
                    .collect(Collectors.joining(" "));
            out.printf("%-6s  %-" + Math.max(width, 1) + "s  %s  @ %s%n", entity.type().queryName(), entity.name(),
                    forms, offsets);
        }
    }
}
