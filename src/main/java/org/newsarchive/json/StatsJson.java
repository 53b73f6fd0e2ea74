package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.newsarchive.query.ArchiveStats;
import org.newsarchive.schema.ArticleSchema;

/** The JSON of what an index holds: {@code stats --format json} and {@code GET /api/stats}. */
public final class StatsJson {

    private StatsJson() {
    }

    public static ObjectNode of(ArchiveStats stats) {
        ObjectNode node = JsonText.object();
        node.put("index", stats.index());
        node.put("articles", stats.articles());
        node.put("first_date", stats.firstDate() == null ? null : stats.firstDate().toString());
        node.put("last_date", stats.lastDate() == null ? null : stats.lastDate().toString());
        node.put("size_bytes", stats.sizeBytes());
        node.put("source_bytes", stats.sourceBytes());
        if (stats.duplicateClusters() < 0) {
            node.putNull("duplicate_clusters"); // not counted (SolrCloud)
        } else {
            node.put("duplicate_clusters", stats.duplicateClusters());
        }
        node.put("schema_version", stats.commitData().get(ArticleSchema.COMMIT_SCHEMA_VERSION));
        node.put("analyzer", stats.commitData().get(ArticleSchema.COMMIT_ANALYZER));
        node.put("entity_model", stats.commitData().get(ArticleSchema.COMMIT_ENTITY_MODEL));
        var roots = node.putArray("roots");
        for (String root : stats.commitData().getOrDefault(ArticleSchema.COMMIT_ROOTS, "").split("\n")) {
            if (!root.isBlank()) {
                roots.add(root);
            }
        }
        node.put("needs_reindex", ArticleSchema.staleness(stats.commitData()) != null);
        return node;
    }
}
