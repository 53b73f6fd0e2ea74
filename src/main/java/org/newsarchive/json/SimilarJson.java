package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.query.SimilarEntry;
import org.newsarchive.query.SimilarRequest;

/** The JSON of similar articles: {@code similar ID --format json} and {@code GET /api/similar/ID}. */
public final class SimilarJson {

    private SimilarJson() {
    }

    public static ObjectNode of(SimilarRequest request, List<SimilarEntry> entries) {
        ObjectNode root = JsonText.object();
        root.put("id", request.id());
        root.put("thread", request.thread());
        ArrayNode list = root.putArray("articles");
        entries.forEach(e -> list.add(entry(e)));
        return root;
    }

    /** One article of the answer; the given one (in a thread) is marked and has no score. */
    public static ObjectNode entry(SimilarEntry entry) {
        SimilarArticle a = entry.article();
        ObjectNode node = JsonText.object();
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
}
