package org.newsarchive.solr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.solr.common.SolrInputDocument;
import org.newsarchive.entity.AliasTable;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.EntityExtractor;
import org.newsarchive.entity.RecognizingEntityExtractor;
import org.newsarchive.entity.ner.OpenNlpMentionRecognizer;
import org.newsarchive.index.ArticleIndexer;
import org.newsarchive.index.IndexListener;
import org.newsarchive.index.IndexSettings;
import org.newsarchive.ingest.ArticleParser;
import org.newsarchive.ingest.ParseOutcome;
import org.newsarchive.schema.SolrDocuments;

/** The Reuters articles of ../shared, indexed locally and into a SolrCloud collection, once per JVM. */
final class ReutersArchives {

    static final Path CORPUS = Path.of(System.getProperty("newsarchive.shared", "../shared"), "data", "reuters-articles");

    private ReutersArchives() {
    }

    static boolean available() {
        return Files.isDirectory(CORPUS.resolve("1987"));
    }

    static EntityExtractor extractor() {
        return new RecognizingEntityExtractor(OpenNlpMentionRecognizer.loadDefault(), AliasTable.defaults());
    }

    /** Builds the local index at {@code location} from the corpus. */
    static void indexLocally(Path location) throws IOException {
        try (ArticleIndexer indexer = ArticleIndexer.open(location, extractor())) {
            indexer.index(List.of(CORPUS), IndexSettings.defaults(), IndexListener.NONE);
        }
    }

    /** Sends the corpus to {@code solr}'s collection and commits. */
    static void indexIntoSolr(SolrConnection solr) throws Exception {
        EntityExtractor entities = extractor();
        ArticleParser parser = new ArticleParser();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(CORPUS)) {
            files = walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        List<SolrInputDocument> batch = new ArrayList<>();
        for (Path file : files) {
            ParseOutcome outcome = parser.parse(file.toRealPath());
            if (!(outcome instanceof ParseOutcome.Parsed parsed)) {
                continue;
            }
            var article = parsed.article();
            ArticleEntities found = entities.extract(article.headline(), article.body());
            SolrInputDocument doc = new SolrInputDocument();
            SolrDocuments.fieldsOf(article, found, Files.getLastModifiedTime(file).toMillis()).forEach(doc::setField);
            batch.add(doc);
            if (batch.size() == 1000) {
                solr.client().add(solr.collection(), batch);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            solr.client().add(solr.collection(), batch);
        }
        solr.client().commit(solr.collection());
    }
}
