package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.newsarchive.schema.StoredArticle;

/**
 * A field of {@code search --all} output lines, named as in the JSON.
 *
 * <p>With no {@code --fields}, every field is written, but the provenance fields ({@code url},
 * {@code source}, {@code authors}, {@code language}) only for articles that have them, as in
 * search results: an archive of seed-format files exports what it always did. Named in
 * {@code --fields}, a field is on every line ({@code null}, or {@code []} for authors), so that
 * the lines a pipeline asked for all have the same shape.
 */
public enum ExportField {
    ID, DATE, PUBLISHED, HEADLINE, BODY, PATH, URL, SOURCE, AUTHORS, LANGUAGE, SIZE, SHA256, WORDS, ENTITIES, SCORE;

    /** The name users write in {@code --fields} and read in the output. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether an article without provenance leaves this field out when no {@code --fields} were named. */
    boolean isProvenance() {
        return this == URL || this == SOURCE || this == AUTHORS || this == LANGUAGE;
    }

    /** Writes the field, unless it was not asked for by name and the article has nothing for it. */
    void put(ObjectNode node, StoredArticle article, float score, boolean named) {
        if (!named && isProvenance() && isAbsent(article)) {
            return;
        }
        put(node, article, score);
    }

    private boolean isAbsent(StoredArticle article) {
        return switch (this) {
            case URL -> article.url() == null;
            case SOURCE -> article.source() == null;
            case AUTHORS -> article.authors().isEmpty();
            case LANGUAGE -> article.language() == null;
            default -> false;
        };
    }

    private void put(ObjectNode node, StoredArticle article, float score) {
        switch (this) {
            case ID -> node.put("id", article.id());
            case DATE -> node.put("date", article.date() == null ? null : article.date().toString());
            case PUBLISHED -> node.put("published", article.published());
            case HEADLINE -> node.put("headline", article.headline());
            case BODY -> node.put("body", article.body());
            case PATH -> node.put("path", article.path());
            case URL -> node.put("url", article.url());
            case SOURCE -> node.put("source", article.source());
            case AUTHORS -> {
                ArrayNode authors = node.putArray("authors");
                article.authors().forEach(authors::add);
            }
            case LANGUAGE -> node.put("language", article.language());
            case SIZE -> node.put("size", article.sizeBytes());
            case SHA256 -> node.put("sha256", article.sha256());
            case WORDS -> node.put("words", article.wordCount());
            case ENTITIES -> node.set("entities", SearchJson.entities(article.entities()));
            case SCORE -> node.put("score", score);
        }
    }

    /**
     * One export line: the fields in their order ({@code named}: as the user named them, each on
     * every line; otherwise all, provenance only when the article has it).
     */
    public static ObjectNode line(List<ExportField> fields, boolean named, StoredArticle article, float score) {
        ObjectNode node = JsonText.object();
        for (ExportField field : fields) {
            field.put(node, article, score, named);
        }
        return node;
    }

    /**
     * The fields named in {@code names} (any case), in that order; every field when none is named.
     *
     * @throws IllegalArgumentException naming an unknown field and the known ones
     */
    public static List<ExportField> parse(List<String> names) {
        if (names.isEmpty()) {
            return List.of(values());
        }
        List<ExportField> fields = new ArrayList<>();
        for (String name : names) {
            String lower = name.strip().toLowerCase(Locale.ROOT);
            ExportField field = Arrays.stream(values()).filter(f -> f.jsonName().equals(lower)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown field '" + name + "' (fields: "
                            + Arrays.stream(values()).map(ExportField::jsonName).collect(Collectors.joining(", ")) + ")"));
            if (!fields.contains(field)) {
                fields.add(field);
            }
        }
        return fields;
    }
}
