package org.newsarchive.schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.Provenance;

/**
 * How an {@link Article} becomes a {@link Document} and back, over the fields of
 * {@link ArticleFields}; the analysis and the similarity every index and query shares; and what
 * a commit records about how its documents were built. No other class spells a field name.
 */
public final class ArticleSchema {

    /**
     * Version of the document layout. Bump it whenever a field changes name, type or analysis:
     * an index built with another version must be rebuilt.
     */
    public static final int VERSION = 5;

    /**
     * Weight of a query word's headline score, added to its score in the whole text (which
     * counts the headline already) on the best hits of each tier (BestHitsRescorer). Chosen by
     * the mean over the six development collections (docs/ranking.md): 0.1 raises mean MAP by
     * about 1% over no headline clause and loses on none; from 0.15 up it loses on the collection
     * whose documents are a title alone (where the clause counts every word twice), and 0.5,
     * fitted to Reuters alone, lost on two.
     */
    public static final float HEADLINE_WEIGHT = 0.1f;

    /**
     * Weight of the optional clause that scores each pair of adjacent query words found side by
     * side in an article (ArticleQueryParser; the ordered windows of Metzler and Croft's
     * sequential dependence model), scored on the best hits of each tier (BestHitsRescorer).
     * Chosen by the mean over the six development collections (docs/ranking.md): with the
     * headline at 0.1, 0.2 has a better mean than 0.1, and 0.3 falls under bare BM25 on one
     * collection.
     */
    public static final float PAIR_WEIGHT = 0.2f;

    /**
     * How text matches are scored: BM25 with Lucene's k1 1.2 and b 0.75. A b of 0.2, fitted to
     * the Reuters development set, lost to bare BM25 on collections of long requests and of
     * one-line documents; across the six development collections (docs/ranking.md) 0.75 is
     * where the mean is highest, and b 0.4 or 0.6, k1 0.9 or 1.6 each lose somewhere. Norms do
     * not depend on k1 or b: changing them needs no reindex.
     */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0.75f);

    private static final Analyzer ANALYZER = analyzerOfFields();

    private ArticleSchema() {
    }

    /** The similarity searches score with (thread-safe, shared). */
    public static BM25Similarity similarity() {
        return SIMILARITY;
    }

    /**
     * The analyzer for indexing and for parsing queries: each text field's own analysis, the
     * whole value as one term everywhere else. Thread-safe and shared.
     */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    private static Analyzer analyzerOfFields() {
        Map<String, Analyzer> byField = new HashMap<>();
        for (TextFieldDef field : ArticleFields.textFields()) {
            byField.put(field.name(), field.analyzer());
        }
        return new PerFieldAnalyzerWrapper(new KeywordAnalyzer(), byField);
    }

    /** The terms the default field's analysis makes of {@code text}, in order, repeats kept. */
    public static List<String> textWords(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = ANALYZER.tokenStream(ArticleFields.DEFAULT.name(), text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            tokens.reset();
            while (tokens.incrementToken()) {
                words.add(term.toString());
            }
            tokens.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // analysing a string does no I/O
        }
        return words;
    }

    /** A short name of the analysis chain, recorded with the index. */
    public static String analyzerName() {
        return "english-porter-v1";
    }

    /** Commit-data key of {@link #VERSION}. */
    public static final String COMMIT_SCHEMA_VERSION = "schema_version";

    /** Commit-data key of {@link #analyzerName()}. */
    public static final String COMMIT_ANALYZER = "analyzer";

    /** Commit-data key of the entity extractor's version ("none" when indexed without entities). */
    public static final String COMMIT_ENTITY_MODEL = "entity_model";

    /** Commit-data key of the paths given to {@code index}, one per line: what {@code reindex} rebuilds from. */
    public static final String COMMIT_ROOTS = "roots";

    /**
     * Commit-data key of the JSON field mapping ({@code --field-map}) the index was last built
     * with, so that {@code reindex} reads the records alike.
     */
    public static final String COMMIT_FIELD_MAP = "field_map";

    /** What every commit records about how its documents were built. */
    public static Map<String, String> commitData() {
        return Map.of(COMMIT_SCHEMA_VERSION, Integer.toString(VERSION), COMMIT_ANALYZER, analyzerName());
    }

    /**
     * Why an index with this commit data should be rebuilt with the running version, or null
     * when it is current. Only what search depends on is checked: the document layout and the
     * analysis chain.
     */
    public static String staleness(Map<String, String> commitData) {
        String version = commitData.get(COMMIT_SCHEMA_VERSION);
        if (!Integer.toString(VERSION).equals(version)) {
            return "the index was built with schema version " + (version == null ? "unknown" : version)
                    + ", this is version " + VERSION;
        }
        String analyzer = commitData.get(COMMIT_ANALYZER);
        if (!analyzerName().equals(analyzer)) {
            return "the index was built with the " + analyzer + " analyzer, this version uses " + analyzerName();
        }
        return null;
    }

    /** The document for an article without entities. */
    public static Document toDocument(Article article) {
        return toDocument(article, ArticleEntities.NONE);
    }

    /** The document for an article and its entities, its source file's time unknown. */
    public static Document toDocument(Article article, ArticleEntities entities) {
        return toDocument(article, entities, 0);
    }

    /**
     * The document for an article and its entities: each field of the catalogue adds its own
     * value. The headline is indexed a second time into the body, the default field (see
     * {@link ArticleFields#BODY}).
     *
     * @param modifiedMillis the source file's modification time, for incremental indexing
     */
    public static Document toDocument(Article article, ArticleEntities entities, long modifiedMillis) {
        Document doc = new Document();
        ArticleFields.ID.add(doc, article.id());
        ArticleFields.DATE.add(doc, DateFieldDef.valueOf(article.date(), article.time(), article.localTime()));
        ArticleFields.PUBLISHED.add(doc, published(article.date(), article.time(), article.localTime()));
        ArticleFields.HEADLINE.add(doc, article.headline());
        ArticleFields.BODY.add(doc, article.body());
        ArticleFields.BODY.addIndexed(doc, article.headline());
        ArticleFields.PATH.add(doc, article.path().toString());
        ArticleFields.HASH.add(doc, article.sha256());
        ArticleFields.SIZE.add(doc, article.sizeBytes());
        ArticleFields.MODIFIED.add(doc, modifiedMillis);
        ArticleFields.WORDS.add(doc, article.wordCount());
        ArticleFields.DUPLICATES.add(doc, article.headline(), article.body());
        Provenance provenance = article.provenance();
        ArticleFields.URL.add(doc, provenance.url());
        ArticleFields.SOURCE.add(doc, provenance.source());
        for (String author : provenance.authors()) {
            ArticleFields.AUTHOR.add(doc, author);
        }
        ArticleFields.LANGUAGE.add(doc, provenance.language());
        for (Entity entity : entities.entities()) {
            ArticleFields.entity(entity.type()).add(doc, entity);
        }
        return doc;
    }

    /**
     * A document of an article's text alone (headline, and body with the headline as its second
     * value, as {@link #toDocument} indexes them): for marking a query's words in articles kept
     * elsewhere (a SolrCloud collection), with the same analysis and offsets.
     */
    public static Document textDocument(String headline, String body) {
        Document doc = new Document();
        ArticleFields.HEADLINE.add(doc, headline);
        ArticleFields.BODY.add(doc, body);
        ArticleFields.BODY.addIndexed(doc, headline);
        return doc;
    }

    /** Reads back what was stored of an article. */
    public static StoredArticle fromDocument(Document doc) {
        return new StoredArticle(
                ArticleFields.ID.read(doc),
                publishedDate(doc),
                ArticleFields.PUBLISHED.read(doc),
                ArticleFields.HEADLINE.read(doc),
                ArticleFields.BODY.read(doc),
                ArticleFields.PATH.read(doc),
                ArticleFields.SIZE.read(doc),
                ArticleFields.HASH.read(doc),
                (int) ArticleFields.WORDS.read(doc),
                entities(doc),
                ArticleFields.URL.read(doc),
                ArticleFields.SOURCE.read(doc),
                ArticleFields.AUTHOR.readAll(doc),
                ArticleFields.LANGUAGE.read(doc));
    }

    /** The stored entity names of a document, by type, every type present. */
    public static Map<EntityType, List<String>> entities(Document doc) {
        Map<EntityType, List<String>> byType = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            byType.put(type, ArticleFields.entity(type).readAll(doc));
        }
        return byType;
    }

    /** The calendar date of a stored article (the first ten characters of its published date). */
    public static LocalDate publishedDate(Document doc) {
        String published = ArticleFields.PUBLISHED.read(doc);
        return published == null ? null : LocalDate.parse(published.substring(0, 10));
    }

    /**
     * The display form of a publication date: ISO date, or ISO date-time with offset and always
     * with seconds, so that {@code 23:30:00} is not shortened to {@code 23:30}; a time without
     * offset shows as ISO local date-time.
     */
    public static String published(LocalDate date, OffsetDateTime time, LocalTime localTime) {
        if (time != null) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return localTime == null ? date.toString()
                : LocalDateTime.of(date, localTime).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /** The term that identifies an article's document, for updates and deletes. */
    public static Term idTerm(String id) {
        return ArticleFields.ID.term(id);
    }

    /** Matches the one document of an article id. */
    public static Query idQuery(String id) {
        return new TermQuery(idTerm(id));
    }

    /** The term of every article indexed from the file at {@code path}. */
    public static Term pathTerm(String path) {
        return new Term(ArticleFields.PATH.name(), path);
    }

    /** Matches the document of an article id only if it came from the file {@code path}. */
    public static Query idAndPathQuery(String id, String path) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(idTerm(id)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(pathTerm(path)), BooleanClause.Occur.FILTER)
                .build();
    }
}
