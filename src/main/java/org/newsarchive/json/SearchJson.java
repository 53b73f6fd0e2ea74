package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.newsarchive.entity.EntityType;
import org.newsarchive.query.SearchHit;
import org.newsarchive.query.SearchResult;
import org.newsarchive.query.Snippet;
import org.newsarchive.query.Suggestion;

/** The JSON of a search: {@code search --format json} and {@code GET /api/search}. */
public final class SearchJson {

    private SearchJson() {
    }

    public static ObjectNode of(SearchResult result) {
        ObjectNode root = JsonText.object();
        root.put("query", result.query());
        root.put("total", result.total());
        result.partialTotal().ifPresent(partial -> root.put("partial_total", partial));
        root.put("took_ms", result.tookMs());
        if (!result.suggestions().isEmpty()) {
            if (result.didYouMean() != null) {
                root.put("did_you_mean", result.didYouMean());
            }
            ArrayNode suggestions = root.putArray("suggestions");
            for (Suggestion s : result.suggestions()) {
                suggestions.addObject().put("typed", s.typed()).put("suggested", s.suggested()).put("field", s.field())
                        .put("articles", s.articles());
            }
        }
        ArrayNode hits = root.putArray("hits");
        result.hits().forEach(hit -> hits.add(hit(hit)));
        return root;
    }

    /**
     * One hit. {@code snippet} is safe HTML (escaped text, matches in {@code <em>}); the same
     * passage as plain text and the matched ranges as offsets serve clients that mark matches
     * their own way.
     */
    public static ObjectNode hit(SearchHit hit) {
        ObjectNode node = JsonText.object();
        node.put("id", hit.id());
        node.put("date", hit.date().toString());
        node.put("published", hit.published());
        node.put("headline", hit.headline().text());
        node.put("score", hit.score());
        node.put("snippet", hit.snippet().toHtmlEm());
        node.put("snippet_text", hit.snippet().text());
        ObjectNode marks = node.putObject("marks");
        marks.set("headline", ranges(hit.headline()));
        marks.set("snippet", ranges(hit.snippet()));
        node.put("path", hit.path());
        provenance(node, hit.url(), hit.source(), hit.authors(), hit.language());
        node.set("entities", entities(hit.entities()));
        node.put("partial", hit.partial());
        if (hit.copies() >= 0) {
            node.put("copies", hit.copies());
        }
        return node;
    }

    /** {@code [[start, end], ...]}: the marked ranges, in UTF-16 code units. */
    private static ArrayNode ranges(Snippet snippet) {
        ArrayNode list = JsonText.mapper().createArrayNode();
        for (Snippet.Highlight h : snippet.highlights()) {
            list.addArray().add(h.start()).add(h.end());
        }
        return list;
    }

    /**
     * Adds {@code url}, {@code source}, {@code authors} and {@code language}, each only when the
     * article has it: seed-format articles have none, and their output stays as it always was.
     */
    public static void provenance(ObjectNode node, String url, String source, List<String> authors, String language) {
        if (url != null) {
            node.put("url", url);
        }
        if (source != null) {
            node.put("source", source);
        }
        if (!authors.isEmpty()) {
            ArrayNode list = node.putArray("authors");
            authors.forEach(list::add);
        }
        if (language != null) {
            node.put("language", language);
        }
    }

    /** {@code {"person": [...], "org": [...], "place": [...], "misc": [...]}}, every type present. */
    public static ObjectNode entities(Map<EntityType, List<String>> entities) {
        ObjectNode node = JsonText.object();
        for (EntityType type : EntityType.values()) {
            ArrayNode names = node.putArray(type.queryName());
            entities.getOrDefault(type, List.of()).forEach(names::add);
        }
        return node;
    }
}
