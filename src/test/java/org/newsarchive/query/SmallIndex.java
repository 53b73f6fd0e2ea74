package org.newsarchive.query;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.newsarchive.ingest.Article;
import org.newsarchive.schema.ArticleSchema;

/** Hand-written articles written straight into an index, for tests that rank a handful of them. */
final class SmallIndex {

    private SmallIndex() {
    }

    /** An article dated {@code date} (YYYY-MM-DD), its file named after its id. */
    static Article article(String id, String date, String headline, String body) {
        return new Article(id, LocalDate.parse(date), null, headline, body, Path.of("/archive/" + id + ".txt"),
                body.length(), id.repeat(32).substring(0, 64), body.split(" ").length);
    }

    /** Writes {@code articles} into a new index in {@code dir}, in one commit, and opens it. */
    static ArchiveSearcher of(Path dir, List<Article> articles) throws IOException {
        try (var directory = FSDirectory.open(dir);
                var writer = new IndexWriter(directory, new IndexWriterConfig(ArticleSchema.analyzer()))) {
            for (Article a : articles) {
                writer.addDocument(ArticleSchema.toDocument(a));
            }
            writer.setLiveCommitData(ArticleSchema.commitData().entrySet());
            writer.commit();
        }
        return ArchiveSearcher.open(dir);
    }
}
