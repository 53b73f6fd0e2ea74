package org.newsarchive.schema;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PointValues;
import org.apache.lucene.index.SortedNumericDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.SortedNumericSortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.entity.ArticleEntities;
import org.newsarchive.entity.Entity;
import org.newsarchive.entity.EntityKey;
import org.newsarchive.entity.EntityType;
import org.newsarchive.ingest.Article;
import org.newsarchive.ingest.MinHash;
import org.newsarchive.ingest.Provenance;

/**
 * Every Lucene field of an article, its type, and the conversions between an {@link Article}
 * and a {@link Document}. No other class spells a field name: the indexer, the query parser and
 * the result readers all go through the constants and methods here, so a field can change type
 * in one place.
 */
public final class ArticleSchema {

    /**
     * Version of the document layout. Bump it whenever a field changes name, type or analysis:
     * an index built with another version must be rebuilt.
     */
    public static final int VERSION = 5;

    /**
     * Article id. A {@link StringField} (one untokenised term) because it is the key of
     * {@code IndexWriter.updateDocument}, and a sorted doc-values twin so that equal-score,
     * equal-date hits come back in a stable order whatever the segment layout.
     */
    public static final String ID = "id";

    /**
     * Publication date-time as seconds since 1970-01-01T00:00 in the article's own local time
     * (see {@link #dateValue}). A {@link LongField} indexes it both as a point (fast range
     * filters, min/max for stats) and as sorted-numeric doc values (sorting by date, later
     * histograms), so one field owns filtering and sorting. Local time, not UTC, because date
     * filters mean the calendar day the archive gives the article.
     */
    public static final String DATE = "date";

    /** The date as the source gave it (ISO date, or ISO date-time with offset), for display. */
    public static final String PUBLISHED = "published";

    /**
     * The headline, for {@code headline:} queries and for marking the query's words in it.
     * Full text with English analysis (possessives, stop words, Porter stemming) so that
     * "sanction" finds "sanctions"; offsets in the postings so the unified highlighter never
     * re-analyses stored text; stored because results and {@code show} print it.
     */
    public static final String HEADLINE = "headline";

    /**
     * The article's whole text, the field a query searches when it names none: indexed from the
     * body and then, as a second value, the headline; stored as the body only. Analysed as
     * {@link #HEADLINE}, with a gap of {@value #VALUE_POSITION_GAP} positions between the two
     * values so that a phrase never runs from the body's last word into the headline.
     *
     * <p>Why one field rather than a search of headline or body per word: each word is then
     * one term, and a conjunction of terms skips through the postings block by block, where a
     * conjunction of per-word disjunctions visits every document of each disjunction. A
     * three-word search on 200,000 articles ranked 2 to 3 times faster (1.37 -> 0.70 ms in
     * six segments, 1.13 -> 0.48 ms in one). Ranking is BM25 over the whole text, as in the
     * baseline it is measured against, plus the headline clause of {@link #HEADLINE_WEIGHT}
     * (docs/ranking.md). The headline comes second so that the body's
     * offsets start at 0: snippets are cut from the stored body, and the highlighter ignores
     * offsets past its end.
     */
    public static final String BODY = "body";

    /** Positions between the values of {@link #BODY}. */
    static final int VALUE_POSITION_GAP = 100;

    /**
     * Real path of the source file. A keyword, so that articles can be found by the file they
     * came from (to remove those whose file disappeared, to filter on an exact path).
     */
    public static final String PATH = "path";

    /**
     * SHA-256 of the source bytes, stored only: a touched file is compared with the stored
     * value of its article, found by id. Indexing it as a keyword too put 64 bytes of a unique
     * term per article into the terms dictionary, for a look-up the id already does.
     */
    public static final String HASH = "hash";

    /** Size of the source file in bytes: stored to show it, doc values so stats can sum it fast. */
    public static final String SIZE = "size";

    /**
     * Modification time of the source file (milliseconds since the epoch) when it was indexed.
     * Numeric doc values only: with {@link #SIZE} it tells an unchanged file without reading it,
     * and doc values can be updated in place when a file is touched but not changed.
     */
    public static final String MODIFIED = "modified";

    /**
     * The article's URL, for JSON records that give one: stored to show it, and a keyword so that
     * {@code url:"https://..."} finds the one article.
     */
    public static final String URL = "url";

    /**
     * The publishing site, as a host name without {@code www.} ({@link Provenance#sourceKey}):
     * a keyword for {@code source:reuters.com}, sorted-set doc values so that sources are counted
     * like entities, and stored for display.
     */
    public static final String SOURCE = "source";

    /**
     * The authors: each as an {@link EntityKey} keyword ({@code author:"jane doe"} ignores case
     * and punctuation, as entity filters do) and sorted-set doc values for counts, and stored as
     * written for display.
     */
    public static final String AUTHOR = "author";

    /** The language code the source gave, lower case: a keyword ({@code language:en}) and stored. */
    public static final String LANGUAGE = "language";

    /** Words in headline and body, stored only. */
    public static final String WORDS = "words";

    /**
     * Near-duplicate signature ({@link MinHash} of headline and body): binary doc values, read
     * only to compare an article with its candidates. The band keys go to {@link #DUPLICATE_BANDS}.
     */
    public static final String DUPLICATE_SIGNATURE = "dup_signature";

    /**
     * The signature's {@value MinHash#BANDS} band keys, as 5-byte terms (documents only): two
     * articles that share one are candidate near-duplicates. A look-up of an article's copies is
     * {@value MinHash#BANDS} term queries, whatever the archive's size.
     */
    public static final String DUPLICATE_BANDS = "dup_band";

    /**
     * Entity fields, one per {@link EntityType}, named as users type them in queries
     * ({@code person}, {@code org}, {@code place}, {@code misc}). Each entity of an article is
     * indexed three ways under its field: its {@link EntityKey} as a keyword, so that filters
     * are exact and ignore case and punctuation; the same key as sorted-set doc values, so that
     * counting entities over millions of articles reads a column instead of documents (and a
     * name spelled two ways still counts once); and the canonical name stored for display.
     */
    public static String entityField(EntityType type) {
        return type.queryName();
    }

    /** The entity type of a field name, or null when the field is not an entity field. */
    public static EntityType entityTypeOf(String field) {
        for (EntityType type : EntityType.values()) {
            if (entityField(type).equals(field)) {
                return type;
            }
        }
        return null;
    }

    /** Matches the articles that have the entity whose key is {@code key}. */
    public static Query entityQuery(EntityType type, String key) {
        return keyQuery(entityField(type), key);
    }

    /** The field a query searches when it names none: see {@link #BODY}. */
    public static final String DEFAULT_FIELD = BODY;

    /**
     * Weight of a query word's headline score, added to its score in the whole text (which
     * counts the headline already) on the best hits of each tier (BestHitsRescorer). Chosen by the mean
     * over the six development collections
     * (docs/ranking.md): 0.1 raises mean MAP by about 1% over no headline clause and loses on
     * none; from 0.15 up it loses on the collection whose documents are a title alone (where
     * the clause counts every word twice), and 0.5, fitted to Reuters alone, lost on two.
     */
    public static final float HEADLINE_WEIGHT = 0.1f;

    /** A clause scoring {@code words} (analysed terms) in the headline, weighted {@code weight} (see {@link #HEADLINE_WEIGHT}). */
    public static Query headlineClause(Collection<String> words, float weight) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            any.add(new TermQuery(new Term(HEADLINE, word)), BooleanClause.Occur.SHOULD);
        }
        return new BoostQuery(any.build(), weight);
    }

    /**
     * Weight of the optional clause that scores each pair of adjacent query words found side by
     * side in an article (ArticleQueryParser; the ordered windows of Metzler and Croft's
     * sequential dependence model), scored on the best hits of each tier (BestHitsRescorer). Chosen by
     * the mean over the six development collections (docs/ranking.md): with the headline at 0.1,
     * 0.2 has a better mean than 0.1, and 0.3 falls under bare BM25 on one collection.
     */
    public static final float PAIR_WEIGHT = 0.2f;

    /** A word (an analysed term) of the default field, its score weighted {@code weight}. */
    public static Query textWord(String word, float weight) {
        return new BoostQuery(new TermQuery(new Term(DEFAULT_FIELD, word)), weight);
    }

    /**
     * Two words of the default field as a phrase, {@code gap} positions apart (more than 1 when
     * stop words stood between them in the query, as they leave gaps in the index too).
     */
    public static Query wordPair(String first, String second, int gap) {
        return new PhraseQuery.Builder()
                .add(new Term(DEFAULT_FIELD, first), 0)
                .add(new Term(DEFAULT_FIELD, second), gap)
                .build();
    }

    /**
     * How text matches are scored: BM25 with Lucene's k1 1.2 and b 0.75. A b of 0.2, fitted to
     * the Reuters development set, lost to bare BM25 on collections of long requests and of
     * one-line documents; across the six development collections (docs/ranking.md) 0.75 is
     * where the mean is highest, and b 0.4 or 0.6, k1 0.9 or 1.6 each lose somewhere. Norms do
     * not depend on k1 or b: changing them needs no reindex.
     */
    private static final BM25Similarity SIMILARITY = new BM25Similarity(1.2f, 0.75f);

    /** The similarity searches score with (thread-safe, shared). */
    public static BM25Similarity similarity() {
        return SIMILARITY;
    }

    /** Field names a query may name explicitly. */
    public static final Set<String> QUERYABLE_FIELDS =
            withEntityFields(HEADLINE, BODY, DATE, ID, PATH, URL, SOURCE, AUTHOR, LANGUAGE);

    /**
     * The keyword fields whose values are normalised to match ({@link #SOURCE}, {@link #AUTHOR},
     * {@link #LANGUAGE}): the query for {@code field:text}, or null for any other field.
     */
    public static Query metadataQuery(String field, String text) {
        String key = metadataKey(field, text);
        return key == null ? null : keyQuery(field, key);
    }

    /** The matching key of {@code text} in a metadata field, or null when {@code field} is not one. */
    public static String metadataKey(String field, String text) {
        return switch (field) {
            case SOURCE -> Provenance.sourceKey(text);
            case AUTHOR -> EntityKey.of(text);
            case LANGUAGE -> text.strip().toLowerCase(Locale.ROOT);
            default -> null;
        };
    }

    /** Whether {@code field} is one of the keyword fields whose values are normalised to match (see {@link #metadataKey}). */
    public static boolean isMetadataField(String field) {
        return metadataKey(field, "") != null;
    }

    /**
     * The key a stored value of a counted field (an entity field, {@link #SOURCE} or
     * {@link #AUTHOR}) is indexed under: how a count's key finds its display form again among the
     * values an article stores.
     */
    public static String keyOfStored(String field, String stored) {
        String key = metadataKey(field, stored);
        return key != null ? key : EntityKey.of(stored);
    }

    /** Matches the articles with the already normalised {@code key} in a keyword field. */
    public static Query keyQuery(String field, String key) {
        return new TermQuery(new Term(field, key));
    }

    private static final FieldType TEXT_TYPE = textType(true);

    /** {@link #BODY}'s second value, the headline: indexed as text, stored once already. */
    private static final FieldType INDEXED_TEXT_TYPE = textType(false);

    private static final Analyzer ANALYZER = new PerFieldAnalyzerWrapper(
            new KeywordAnalyzer(),
            Map.of(HEADLINE, new EnglishAnalyzer(), BODY, new ValueGapAnalyzer(new EnglishAnalyzer())));

    private ArticleSchema() {
    }

    private static FieldType textType(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
    }

    /**
     * The analyzer for indexing and for parsing queries: English analysis on the text fields,
     * the whole value as one term everywhere else. Thread-safe and shared.
     */
    public static Analyzer analyzer() {
        return ANALYZER;
    }

    /** The terms the default field's analysis makes of {@code text}, in order, repeats kept. */
    public static List<String> textWords(String text) {
        List<String> words = new ArrayList<>();
        try (TokenStream tokens = ANALYZER.tokenStream(DEFAULT_FIELD, text)) {
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
     * The document for an article and its entities.
     *
     * @param modifiedMillis the source file's modification time, for incremental indexing
     */
    public static Document toDocument(Article article, ArticleEntities entities, long modifiedMillis) {
        Document doc = new Document();
        doc.add(new StringField(ID, article.id(), Field.Store.YES));
        doc.add(new SortedDocValuesField(ID, new BytesRef(article.id())));
        doc.add(new LongField(DATE, dateValue(article.date(), article.time(), article.localTime()), Field.Store.NO));
        doc.add(new StoredField(PUBLISHED, published(article.date(), article.time(), article.localTime())));
        doc.add(new Field(HEADLINE, article.headline(), TEXT_TYPE));
        doc.add(new Field(BODY, article.body(), TEXT_TYPE));
        doc.add(new Field(BODY, article.headline(), INDEXED_TEXT_TYPE));
        doc.add(new StringField(PATH, article.path().toString(), Field.Store.YES));
        doc.add(new StoredField(HASH, article.sha256()));
        doc.add(new StoredField(SIZE, article.sizeBytes()));
        doc.add(new NumericDocValuesField(SIZE, article.sizeBytes()));
        doc.add(new NumericDocValuesField(MODIFIED, modifiedMillis));
        doc.add(new StoredField(WORDS, article.wordCount()));
        int[] signature = MinHash.of(article.headline(), article.body());
        doc.add(new BinaryDocValuesField(DUPLICATE_SIGNATURE, new BytesRef(signatureBytes(signature))));
        for (int band = 0; band < MinHash.BANDS; band++) {
            doc.add(new StringField(DUPLICATE_BANDS, bandTerm(MinHash.bandKey(signature, band)), Field.Store.NO));
        }
        addProvenance(doc, article.provenance());
        for (Entity entity : entities.entities()) {
            String field = entityField(entity.type());
            String key = entity.key();
            doc.add(new StringField(field, key, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(field, new BytesRef(key)));
            doc.add(new StoredField(field, entity.name()));
        }
        return doc;
    }

    private static void addProvenance(Document doc, Provenance provenance) {
        if (provenance.url() != null) {
            doc.add(new StringField(URL, provenance.url(), Field.Store.YES));
        }
        if (provenance.source() != null) {
            String key = metadataKey(SOURCE, provenance.source());
            if (!key.isEmpty()) {
                doc.add(new StringField(SOURCE, key, Field.Store.YES));
                doc.add(new SortedSetDocValuesField(SOURCE, new BytesRef(key)));
            }
        }
        for (String author : provenance.authors()) {
            String key = metadataKey(AUTHOR, author);
            if (!key.isEmpty()) {
                doc.add(new StringField(AUTHOR, key, Field.Store.NO));
                doc.add(new SortedSetDocValuesField(AUTHOR, new BytesRef(key)));
                doc.add(new StoredField(AUTHOR, author));
            }
        }
        if (provenance.language() != null) {
            doc.add(new StringField(LANGUAGE, metadataKey(LANGUAGE, provenance.language()), Field.Store.YES));
        }
    }

    /**
     * The stored fields a search hit reads, in one load: the body for its snippet, the rest for
     * the hit itself; everything else (hash, sizes, paragraphs' source) stays on disk.
     */
    public static final Set<String> HIT_FIELDS =
            withEntityFields(ID, PUBLISHED, HEADLINE, PATH, BODY, URL, SOURCE, AUTHOR, LANGUAGE);

    private static Set<String> withEntityFields(String... fields) {
        Set<String> all = new java.util.HashSet<>(List.of(fields));
        for (EntityType type : EntityType.values()) {
            all.add(entityField(type));
        }
        return Set.copyOf(all);
    }

    /** The stored entity names of a document, by type, every type present. */
    public static Map<EntityType, List<String>> entities(Document doc) {
        Map<EntityType, List<String>> byType = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            byType.put(type, List.of(doc.getValues(entityField(type))));
        }
        return byType;
    }

    /** Reads back what was stored of an article. */
    public static StoredArticle fromDocument(Document doc) {
        return new StoredArticle(
                doc.get(ID),
                publishedDate(doc),
                doc.get(PUBLISHED),
                doc.get(HEADLINE),
                doc.get(BODY),
                doc.get(PATH),
                numeric(doc, SIZE),
                doc.get(HASH),
                (int) numeric(doc, WORDS),
                entities(doc),
                doc.get(URL),
                doc.get(SOURCE),
                List.of(doc.getValues(AUTHOR)),
                doc.get(LANGUAGE));
    }

    private static long numeric(Document doc, String field) {
        IndexableField f = doc.getField(field);
        return f == null || f.numericValue() == null ? 0 : f.numericValue().longValue();
    }

    /** The calendar date of a stored article (the first ten characters of {@link #PUBLISHED}). */
    public static LocalDate publishedDate(Document doc) {
        String published = doc.get(PUBLISHED);
        return published == null ? null : LocalDate.parse(published.substring(0, 10));
    }

    /**
     * The display form of a publication date: ISO date, or ISO date-time with offset and always
     * with seconds, so that {@code 23:30:00} is not shortened to {@code 23:30}.
     */
    public static String published(LocalDate date, OffsetDateTime time) {
        return published(date, time, null);
    }

    /** As {@link #published(LocalDate, OffsetDateTime)}; a time without offset shows as ISO local date-time. */
    public static String published(LocalDate date, OffsetDateTime time, LocalTime localTime) {
        if (time != null) {
            return time.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        return localTime == null ? date.toString()
                : LocalDateTime.of(date, localTime).format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
    }

    /**
     * The indexed value of a publication date: seconds since the epoch in local time. A date
     * without a time sorts at the start of its day.
     */
    public static long dateValue(LocalDate date, OffsetDateTime time) {
        return dateValue(date, time, null);
    }

    /** As {@link #dateValue(LocalDate, OffsetDateTime)}, with a time of day that has no offset. */
    public static long dateValue(LocalDate date, OffsetDateTime time, LocalTime localTime) {
        LocalTime clock = time != null ? time.toLocalTime() : localTime == null ? LocalTime.MIDNIGHT : localTime;
        return LocalDateTime.of(date, clock).toEpochSecond(ZoneOffset.UTC);
    }

    /** Per-document {@link #DATE} values of a segment, for counting by period. */
    public static SortedNumericDocValues dateValues(LeafReader segment) throws IOException {
        return DocValues.getSortedNumeric(segment, DATE);
    }

    /**
     * The smallest and largest {@link #DATE} values of a segment, from its points' metadata
     * (nothing is read per document), or null when the segment has no dated article.
     */
    public static long[] dateExtent(LeafReader segment) throws IOException {
        PointValues points = segment.getPointValues(DATE);
        if (points == null || points.size() == 0) {
            return null;
        }
        return new long[] {LongPoint.decodeDimension(points.getMinPackedValue(), 0),
            LongPoint.decodeDimension(points.getMaxPackedValue(), 0)};
    }

    /** The day of an indexed {@link #DATE} value, in days since 1970-01-01. */
    public static long epochDayOf(long dateValue) {
        return Math.floorDiv(dateValue, 86_400L);
    }

    /** The date of an indexed {@link #DATE} value. */
    public static LocalDate dateOf(long dateValue) {
        return LocalDateTime.ofEpochSecond(dateValue, 0, ZoneOffset.UTC).toLocalDate();
    }

    /** Articles dated from {@code from} to {@code to}, both days included; null means open. */
    public static Query dateRange(LocalDate from, LocalDate to) {
        long lower = from == null ? Long.MIN_VALUE : from.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
        long upper = to == null
                ? Long.MAX_VALUE
                : to.plusDays(1).atStartOfDay().toEpochSecond(ZoneOffset.UTC) - 1;
        return LongField.newRangeQuery(DATE, lower, upper);
    }

    /** Sort by publication date-time. */
    public static SortField dateSort(boolean newestFirst) {
        return new SortedNumericSortField(DATE, SortField.Type.LONG, newestFirst);
    }

    /** Stable last-resort order between hits that tie on everything else. */
    public static SortField idSort() {
        return new SortField(ID, SortField.Type.STRING);
    }

    /** Two bytes per position: the values have {@value MinHash#BITS} bits. */
    private static byte[] signatureBytes(int[] signature) {
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(signature.length * Short.BYTES);
        for (int value : signature) {
            bytes.putShort((short) value);
        }
        return bytes.array();
    }

    /**
     * A band key as a 5-byte term, 3 bytes less than the whole key: with 40 bits, 1.5 million
     * articles make about one chance collision per band, and a collision costs one comparison of
     * signatures, never a wrong copy.
     */
    private static BytesRef bandTerm(long key) {
        return new BytesRef(java.nio.ByteBuffer.allocate(Long.BYTES).putLong(key).array(), 0, BAND_TERM_BYTES);
    }

    private static final int BAND_TERM_BYTES = 5;

    /** The near-duplicate signature of the document being read, or null when it has none (an older index). */
    public static int[] duplicateSignature(LeafReader leaf, int doc) throws IOException {
        BinaryDocValues values = leaf.getBinaryDocValues(DUPLICATE_SIGNATURE);
        if (values == null || !values.advanceExact(doc)) {
            return null;
        }
        BytesRef bytes = values.binaryValue();
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        int[] signature = new int[bytes.length / Short.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = Short.toUnsignedInt(buffer.getShort());
        }
        return signature;
    }

    /**
     * Bands in a {@link #DUPLICATE_SIGNATURE}. The signature's arithmetic is the schema's to give
     * readers, so that the query package reads signatures without depending on the ingest code.
     */
    public static final int DUPLICATE_BAND_COUNT = MinHash.BANDS;

    /** The estimated similarity of the articles of two signatures, from 0 to 1. */
    public static double duplicateSimilarity(int[] a, int[] b) {
        return MinHash.similarity(a, b);
    }

    /** The key of one band of a signature. */
    public static long duplicateBandKey(int[] signature, int band) {
        return MinHash.bandKey(signature, band);
    }

    /** The articles sharing at least one band with {@code signature}: candidate near-duplicates. */
    public static Query duplicateCandidates(int[] signature) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int band = 0; band < MinHash.BANDS; band++) {
            any.add(new TermQuery(new Term(DUPLICATE_BANDS, bandTerm(MinHash.bandKey(signature, band)))),
                    BooleanClause.Occur.SHOULD);
        }
        return new org.apache.lucene.search.ConstantScoreQuery(any.build());
    }

    /** The term that identifies an article's document, for updates and deletes. */
    public static Term idTerm(String id) {
        return new Term(ID, id);
    }

    /** Matches the document of an article id only if it came from the file {@code path}. */
    public static Query idAndPathQuery(String id, String path) {
        return new BooleanQuery.Builder()
                .add(new TermQuery(idTerm(id)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(pathTerm(path)), BooleanClause.Occur.FILTER)
                .build();
    }

    /** Matches the one document of an article id. */
    public static Query idQuery(String id) {
        return new TermQuery(idTerm(id));
    }

    /** The term of every article indexed from the file at {@code path}. */
    public static Term pathTerm(String path) {
        return new Term(PATH, path);
    }

    /** An analyzer with {@link #VALUE_POSITION_GAP} positions between the values of a field. */
    private static final class ValueGapAnalyzer extends AnalyzerWrapper {

        private final Analyzer analyzer;

        ValueGapAnalyzer(Analyzer analyzer) {
            super(analyzer.getReuseStrategy());
            this.analyzer = analyzer;
        }

        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            return analyzer;
        }

        @Override
        public int getPositionIncrementGap(String fieldName) {
            return VALUE_POSITION_GAP;
        }
    }
}
