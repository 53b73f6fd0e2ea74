package org.newsarchive.query;

import java.io.IOException;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TopDocs;
import org.newsarchive.schema.ArticleSchema;
import org.newsarchive.schema.StoredArticle;

/** Finds an article's document by its id. */
final class ArticleLookup {

    private final IndexSearcher searcher;

    ArticleLookup(IndexSearcher searcher) {
        this.searcher = searcher;
    }

    /** The index-wide document number of the article {@code id}, if the index has it. */
    OptionalInt docOf(String id) throws IOException {
        TopDocs top = searcher.search(ArticleSchema.idQuery(id), 1);
        return top.scoreDocs.length == 0 ? OptionalInt.empty() : OptionalInt.of(top.scoreDocs[0].doc);
    }

    /** What the index stored of the article {@code id}, if it has it. */
    Optional<StoredArticle> find(String id) throws IOException {
        OptionalInt doc = docOf(id);
        if (doc.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ArticleSchema.fromDocument(searcher.storedFields().document(doc.getAsInt())));
    }
}
