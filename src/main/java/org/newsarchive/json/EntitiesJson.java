package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsarchive.query.CountedField;
import org.newsarchive.query.EntityCount;
import org.newsarchive.query.EntityCountRequest;
import org.newsarchive.query.EntityCounts;
import org.newsarchive.query.Facets;

/**
 * The JSON of entity counts: {@code entities --format json} and {@code GET /api/entities}, and
 * the facets beside a page of results ({@code GET /api/facets}).
 */
public final class EntitiesJson {

    private EntitiesJson() {
    }

    public static ObjectNode of(EntityCountRequest request, EntityCounts counts) {
        ObjectNode root = JsonText.object();
        root.put("query", request.query());
        if (request.with() != null) {
            root.put("with", request.with());
        }
        root.put("articles", counts.articles());
        root.put("took_ms", counts.tookMs());
        ArrayNode entities = root.putArray("entities");
        counts.entities().forEach(e -> entities.add(count(e)));
        return root;
    }

    /** One counted entity: {@code {"type", "name", "articles"}}. */
    public static ObjectNode count(EntityCount count) {
        ObjectNode node = JsonText.object();
        node.put("type", count.type().queryName());
        node.put("name", count.name());
        node.put("articles", count.articles());
        return node;
    }

    /** {@code {"query", "took_ms", "facets": {"person": [{"name", "articles"}], ...}}}, fields in their order. */
    public static ObjectNode facets(Facets facets) {
        ObjectNode root = JsonText.object();
        root.put("query", facets.query());
        root.put("took_ms", facets.tookMs());
        ObjectNode all = root.putObject("facets");
        for (CountedField field : CountedField.values()) {
            EntityCounts counts = facets.counts().get(field);
            if (counts != null) {
                ArrayNode list = all.putArray(field.queryName());
                for (EntityCount count : counts.entities()) {
                    list.addObject().put("name", count.name()).put("articles", count.articles());
                }
            }
        }
        return root;
    }
}
