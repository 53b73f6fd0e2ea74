package org.newsarchive.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.newsarchive.ingest.FieldMap.Part;

/**
 * Turns one JSON record into an {@link Article}, or says why it cannot, by the same rules as a
 * seed-format file: a record needs a date and some text; its headline is its title, or else its
 * first sentence.
 *
 * <p>Text comes as crawlers write it: paragraphs separated by blank lines, or (news-please) by
 * single line breaks, or as an array of paragraphs. A text with a blank line in it is read as
 * the seed format reads text (lines of one paragraph joined); otherwise every line is a
 * paragraph. A record without main text but with a description is indexed from its description:
 * listings and feeds often carry nothing else.
 *
 * <p>Immutable and thread-safe.
 */
public final class JsonArticleMapper {

    private final FieldMap fields;

    public JsonArticleMapper(FieldMap fields) {
        this.fields = Objects.requireNonNull(fields, "fields");
    }

    /** The mapping in use. */
    public FieldMap fields() {
        return fields;
    }

    /**
     * The article of one record.
     *
     * @param record    the parsed record
     * @param path      the file it came from
     * @param line      its line in the file (from 1), or 0 when the record is the whole file
     * @param sizeBytes the record's size in bytes (the file's, when it is the whole file)
     * @param sha256    SHA-256 of the record's bytes (the file's, when it is the whole file),
     *                  lower-case hex: the id of a record without URL
     */
    public ParseOutcome map(JsonNode record, Path path, long line, long sizeBytes, String sha256) {
        if (!record.isObject()) {
            return reject(path, line, RejectReason.BAD_JSON, "not a JSON object but " + kind(record));
        }
        if (first(record, Part.HEADLINE) == null && first(record, Part.TEXT) == null
                && first(record, Part.DESCRIPTION) == null) {
            return reject(path, line, RejectReason.NOT_AN_ARTICLE, "not an article: no title or text (looked for "
                    + names(Part.HEADLINE) + ", " + names(Part.TEXT) + ", " + names(Part.DESCRIPTION) + ")");
        }
        JsonNode dateNode = first(record, Part.DATE);
        if (dateNode == null) {
            return reject(path, line, RejectReason.NO_DATE, "no date (looked for " + names(Part.DATE) + ")");
        }
        RecordDateParser.Result date = dateNode.isNumber()
                ? RecordDateParser.parse(dateNode.asLong())
                : RecordDateParser.parse(dateNode.asText());
        if (date instanceof RecordDateParser.Invalid invalid) {
            return reject(path, line, invalid.reason(), invalid.detail());
        }
        RecordDateParser.Valid when = (RecordDateParser.Valid) date;
        List<Paragraph> paragraphs = paragraphs(first(record, Part.TEXT));
        if (paragraphs.isEmpty()) {
            paragraphs = paragraphs(first(record, Part.DESCRIPTION));
        }
        if (paragraphs.isEmpty()) {
            return reject(path, line, RejectReason.NO_TEXT,
                    "no text (looked for " + names(Part.TEXT) + ", " + names(Part.DESCRIPTION) + ")");
        }
        String title = collapse(text(first(record, Part.HEADLINE)));
        String headline = title.isEmpty() ? HeadlineExtractor.extract(paragraphs).text() : title;
        int words = WordCounter.count(title);
        StringBuilder body = new StringBuilder();
        for (Paragraph paragraph : paragraphs) {
            if (body.length() > 0) {
                body.append(Article.PARAGRAPH_SEPARATOR);
            }
            body.append(paragraph.text());
            words += WordCounter.count(paragraph.text());
        }
        String url = text(first(record, Part.URL));
        String source = source(first(record, Part.SOURCE));
        if (source.isEmpty() && !url.isEmpty()) {
            source = Provenance.sourceKey(url);
        }
        Provenance provenance = new Provenance(url, source.isEmpty() ? null : source,
                authors(first(record, Part.AUTHORS)), text(first(record, Part.LANGUAGE)));
        String id = url.isEmpty() ? ArticleId.ofRecord(sha256) : ArticleId.ofUrl(url);
        return new ParseOutcome.Parsed(new Article(id, when.date(), when.time(), when.localTime(), headline,
                body.toString(), path, sizeBytes, sha256, words, provenance), line);
    }

    /** The first of the part's fields that is present, not null and not empty. */
    private JsonNode first(JsonNode record, Part part) {
        for (String name : fields.fields(part)) {
            JsonNode value = field(record, name);
            if (value != null && !value.isNull() && !isEmpty(value)) {
                return value;
            }
        }
        return null;
    }

    private static JsonNode field(JsonNode record, String name) {
        JsonNode value = record.get(name);
        if (value != null || name.indexOf('.') < 0) {
            return value;
        }
        JsonNode node = record;
        for (String step : name.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }

    private static boolean isEmpty(JsonNode value) {
        return value.isTextual() ? value.asText().isBlank() : value.isContainerNode() && value.isEmpty();
    }

    /** A text value: a string, a number, or an array of them joined by blank lines. */
    private static String text(JsonNode value) {
        if (value == null || value.isNull()) {
            return "";
        }
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode item : value) {
                String part = text(item);
                if (!part.isBlank()) {
                    parts.add(part);
                }
            }
            return String.join(Article.PARAGRAPH_SEPARATOR, parts);
        }
        if (value.isObject()) {
            return "";
        }
        return value.asText();
    }

    private static List<Paragraph> paragraphs(JsonNode value) {
        String text = TextDecoder.normaliseLineEnds(text(value));
        if (text.isBlank()) {
            return List.of();
        }
        if (BLANK_LINE.matcher(text).find()) {
            return Paragraph.split(text, 0);
        }
        return Paragraph.split(text.replace("\n", "\n\n"), 0); // news-please: one paragraph per line
    }

    /** A source: a host name or URL, or an object naming one ({@code {"name": ...}} as NewsAPI writes). */
    private static String source(JsonNode value) {
        if (value == null) {
            return "";
        }
        if (value.isObject()) {
            for (String name : List.of("domain", "url", "name", "id")) {
                String s = text(value.get(name));
                if (!s.isBlank()) {
                    return name.equals("domain") || name.equals("url") ? Provenance.sourceKey(s) : sourceName(s);
                }
            }
            return "";
        }
        return sourceName(text(value));
    }

    /** A host name is keyed as one; a publication's name ("The Guardian") is kept, in lower case. */
    private static String sourceName(String s) {
        String stripped = s.strip();
        return stripped.contains(" ") ? collapse(stripped).toLowerCase(Locale.ROOT) : Provenance.sourceKey(stripped);
    }

    /** Authors: a list of names (or of objects with a name), or one string. */
    private static List<String> authors(JsonNode value) {
        List<String> authors = new ArrayList<>();
        if (value == null) {
            return authors;
        }
        if (value.isArray()) {
            for (JsonNode item : value) {
                String name = collapse(item.isObject() ? text(item.get("name")) : text(item));
                if (!name.isEmpty() && !authors.contains(name)) {
                    authors.add(name);
                }
            }
        } else {
            String name = collapse(value.isObject() ? text(value.get("name")) : text(value));
            if (!name.isEmpty()) {
                authors.add(name);
            }
        }
        return authors;
    }

    /** Runs of white space as one space, trimmed. */
    private static String collapse(String s) {
        return WHITE_SPACE.matcher(s.strip()).replaceAll(" ");
    }

    private static final Pattern WHITE_SPACE = Pattern.compile("\\s+");

    /** A line break, then a line of nothing or white space only, then another line break. */
    private static final Pattern BLANK_LINE = Pattern.compile("\n[ \\t\\x0B\\f]*\n");

    private String names(Part part) {
        return String.join(", ", fields.fields(part));
    }

    private static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> node.getNodeType().toString().toLowerCase(Locale.ROOT);
        };
    }

    private static ParseOutcome.Rejected reject(Path path, long line, RejectReason reason, String detail) {
        return new ParseOutcome.Rejected(path, line, reason, detail);
    }
}
