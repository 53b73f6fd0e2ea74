package org.newsarchive.ingest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which JSON fields of a record hold the article's parts.
 *
 * <p>The default reads the records of news-please, the most common open-source news crawler
 * ({@code title}, {@code maintext}, {@code date_publish}, {@code url}, {@code source_domain},
 * {@code authors}, {@code language}, {@code description}), and the names other crawlers and APIs
 * use for the same things ({@code headline}; {@code text}, {@code body}, {@code content};
 * {@code date}, {@code published}, {@code publishedAt}; ...). For each part the first field that
 * is present and not empty wins, so a record may mix conventions.
 *
 * <p>{@code --field-map title=headline,story=text} replaces the candidates of the parts it names:
 * JSON field on the left, part on the right. A dotted name ({@code source.name}) reaches into a
 * nested object when the record has no field of that literal name.
 */
public final class FieldMap {

    /** An article part a JSON field can fill. */
    public enum Part {
        HEADLINE("headline"),
        TEXT("text"),
        DESCRIPTION("description"),
        DATE("date"),
        URL("url"),
        SOURCE("source"),
        AUTHORS("authors"),
        LANGUAGE("language");

        private final String label;

        Part(String label) {
            this.label = label;
        }

        /** The name used in {@code --field-map}. */
        public String label() {
            return label;
        }

        static Part of(String name) {
            return switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "headline", "title" -> HEADLINE;
                case "text", "body", "maintext", "content" -> TEXT;
                case "description", "summary" -> DESCRIPTION;
                case "date", "published" -> DATE;
                case "url", "link" -> URL;
                case "source", "site", "domain" -> SOURCE;
                case "authors", "author", "byline" -> AUTHORS;
                case "language", "lang" -> LANGUAGE;
                default -> null;
            };
        }
    }

    private static final Map<Part, List<String>> DEFAULTS = defaults();

    private static Map<Part, List<String>> defaults() {
        Map<Part, List<String>> map = new EnumMap<>(Part.class);
        map.put(Part.HEADLINE, List.of("title", "headline"));
        map.put(Part.TEXT, List.of("maintext", "text", "body", "content", "article"));
        map.put(Part.DESCRIPTION, List.of("description", "summary", "abstract"));
        map.put(Part.DATE, List.of("date_publish", "date", "published", "publishedAt", "published_at",
                "datePublished", "pubDate", "publication_date"));
        map.put(Part.URL, List.of("url", "link"));
        map.put(Part.SOURCE, List.of("source_domain", "source", "domain", "site"));
        map.put(Part.AUTHORS, List.of("authors", "author", "byline"));
        map.put(Part.LANGUAGE, List.of("language", "lang"));
        return Collections.unmodifiableMap(map);
    }

    /** The default mapping: news-please and the common alternatives. */
    public static final FieldMap DEFAULT = new FieldMap(DEFAULTS, "");

    private final Map<Part, List<String>> fields;
    private final String spec;

    private FieldMap(Map<Part, List<String>> fields, String spec) {
        this.fields = fields;
        this.spec = spec;
    }

    /**
     * The default mapping with the parts named in {@code spec} replaced:
     * {@code field=part[,field=part...]}. A part named twice gets both fields, in order.
     *
     * @throws IllegalArgumentException with a message for the user when the spec is malformed or
     *                                  names an unknown part
     */
    public static FieldMap parse(String spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.isBlank()) {
            return DEFAULT;
        }
        Map<Part, List<String>> given = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq <= 0 || eq == pair.length() - 1) {
                throw new IllegalArgumentException("'" + pair.strip() + "' is not FIELD=PART (e.g. title=headline)");
            }
            String field = pair.substring(0, eq).strip();
            String partName = pair.substring(eq + 1).strip();
            Part part = Part.of(partName);
            if (field.isEmpty() || part == null) {
                throw new IllegalArgumentException("unknown part '" + partName + "' in '" + pair.strip()
                        + "' (headline, text, description, date, url, source, authors or language)");
            }
            given.computeIfAbsent(part, p -> new ArrayList<>()).add(field);
        }
        Map<Part, List<String>> map = new EnumMap<>(DEFAULTS);
        given.forEach((part, names) -> map.put(part, List.copyOf(names)));
        return new FieldMap(Collections.unmodifiableMap(map), normalisedSpec(given));
    }

    private static String normalisedSpec(Map<Part, List<String>> given) {
        List<String> pairs = new ArrayList<>();
        given.forEach((part, names) -> names.forEach(name -> pairs.add(name + "=" + part.label())));
        return String.join(",", pairs);
    }

    /** The JSON field names tried for {@code part}, in order. */
    public List<String> fields(Part part) {
        return fields.get(part);
    }

    /** The overrides in {@code field=part} form, empty for the default: what an index records to rebuild alike. */
    public String spec() {
        return spec;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldMap other && fields.equals(other.fields);
    }

    @Override
    public int hashCode() {
        return fields.hashCode();
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? "default" : spec;
    }
}
