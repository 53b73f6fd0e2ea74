package org.newsarchive.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.Mention;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.json.ArticleJson;
import org.newsarchive.json.JsonText;
import org.newsarchive.json.SimilarJson;
import org.newsarchive.query.Archive;
import org.newsarchive.query.SimilarArticle;
import org.newsarchive.query.SimilarEntry;
import org.newsarchive.query.SimilarRequest;
import org.newsarchive.schema.StoredArticle;

/** {@code /api/articles/{id}}, its entity mentions, and {@code /api/similar/{id}}. */
final class ArticleEndpoints {

    private static final List<Param> SIMILAR = List.of(
            Param.integer("limit", "How many articles (default 10)."),
            Param.text("from", "Only articles on or after this date."),
            Param.text("to", "Only articles on or before this date."),
            Param.flag("thread", "By date, oldest first, with the article itself (marked 'given')."));

    private final ServerSettings settings;
    private final Supplier<EntityExtractor> extractor;

    ArticleEndpoints(ServerSettings settings, Supplier<EntityExtractor> extractor) {
        this.settings = settings;
        this.extractor = extractor;
    }

    List<Route> routes() {
        return List.of(
                Route.get("/api/articles/{id}", "One whole article with its near-duplicate copies: "
                        + "'show ID --format json'.", List.of(), this::article),
                Route.get("/api/articles/{id}/mentions", "The article's headline and body as one text, and each "
                        + "entity with the offsets of its mentions in it.", List.of(), this::mentions),
                Route.get("/api/similar/{id}", "The articles most like one, or its story by date: "
                        + "'similar ID --format json'.", SIMILAR, this::similar));
    }

    private static StoredArticle find(Archive searcher, String id) throws IOException {
        return searcher.find(id.strip())
                .orElseThrow(() -> ApiError.notFound("no article with id '" + id.strip() + "' in the index"));
    }

    private ApiResponse article(Route.Call call) throws IOException {
        StoredArticle article = find(call.searcher(), call.path().get("id"));
        List<SimilarArticle> copies = call.searcher().copies(article.id()).orElseThrow();
        return ApiResponse.json(JsonText.pretty(ArticleJson.of(article, copies)));
    }

    /**
     * How much of an article's body is searched for mentions. Recognising and resolving the
     * names of a 3 MB article took minutes; a page shows the first part of such an article first,
     * and the answer says where the marks stop ({@code "marked_chars"}).
     */
    static final int MENTION_CHARS = 100_000;

    /**
     * Mentions come from running the recogniser on the article again, as indexing did: the index
     * keeps each article's entities, not where they stand in its text.
     */
    private ApiResponse mentions(Route.Call call) throws IOException {
        StoredArticle article = find(call.searcher(), call.path().get("id"));
        String headline = article.headline();
        String fullBody = article.body();
        String body = fullBody.length() <= MENTION_CHARS ? fullBody : cut(fullBody, MENTION_CHARS);
        ArticleEntities entities = extractor.get().extract(headline, body);
        // the recogniser reads the headline only when it is not a repeat of the body's start
        // (RecognizingEntityExtractor.textOf); offsets are given in headline + blank line + body
        String seen = RecognizingEntityExtractor.textOf(headline, body);
        int shift = seen.length() == body.length() ? headline.length() + 2 : 0;
        ObjectNode root = JsonText.object();
        root.put("id", article.id());
        root.put("text", headline + "\n\n" + fullBody);
        root.put("headline_length", headline.length());
        root.put("marked_chars", headline.length() + 2 + body.length());
        ArrayNode list = root.putArray("entities");
        for (Entity entity : entities.entities()) {
            ObjectNode node = list.addObject();
            node.put("type", entity.type().queryName());
            node.put("name", entity.name());
            ArrayNode mentions = node.putArray("mentions");
            for (Mention mention : entity.mentions()) {
                mentions.addObject().put("start", mention.start() + shift).put("end", mention.end() + shift);
            }
        }
        return ApiResponse.json(JsonText.line(root));
    }

    /** The text up to about {@code limit} characters, ending at a paragraph or a space. */
    private static String cut(String text, int limit) {
        int end = text.lastIndexOf("\n", limit);
        if (end < limit / 2) {
            end = text.lastIndexOf(' ', limit);
        }
        return text.substring(0, end < limit / 2 ? limit : end);
    }

    private ApiResponse similar(Route.Call call) throws IOException {
        ApiParameters params = call.params();
        SimilarRequest request = new SimilarRequest(call.path().get("id").strip(),
                params.integer("limit", 10, 1, settings.maxLimit()), SearchParameters.dates(params),
                params.flag("thread"));
        List<SimilarEntry> entries = call.searcher().similar(request)
                .orElseThrow(() -> ApiError.notFound("no article with id '" + request.id() + "' in the index"));
        return ApiResponse.json(JsonText.pretty(SimilarJson.of(request, entries)));
    }
}
