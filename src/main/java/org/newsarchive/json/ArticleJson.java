package org.newsarchive.json;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.schema.StoredArticle;

/** The JSON of one whole article: {@code show ID --format json} and {@code GET /api/articles/ID}. */
public final class ArticleJson {

    private ArticleJson() {
    }

    /** The article with its near-duplicate copies. */
    public static ObjectNode of(StoredArticle article, List<SimilarArticle> copies) {
        ObjectNode node = record(article);
        ArrayNode list = node.putArray("copies");
        for (SimilarArticle copy : copies) {
            list.addObject().put("id", copy.id()).put("date", copy.date().toString()).put("headline", copy.headline())
                    .put("path", copy.path()).put("similarity", copy.score());
        }
        return node;
    }

    /** The article's stored record, without copies. */
    public static ObjectNode record(StoredArticle article) {
        ObjectNode node = JsonText.object();
        node.put("id", article.id());
        node.put("date", article.date().toString());
        node.put("published", article.published());
        node.put("headline", article.headline());
        node.put("body", article.body());
        ArrayNode paragraphs = node.putArray("paragraphs");
        article.paragraphs().forEach(paragraphs::add);
        node.put("path", article.path());
        SearchJson.provenance(node, article.url(), article.source(), article.authors(), article.language());
        node.put("size_bytes", article.sizeBytes());
        node.put("sha256", article.sha256());
        node.put("word_count", article.wordCount());
        node.set("entities", SearchJson.entities(article.entities()));
        return node;
    }
}
