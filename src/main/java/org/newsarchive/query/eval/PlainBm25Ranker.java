package org.newsarchive.query.eval;

import org.newsarchive.schema.ArticleFields;
import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.query.FirstLine;
import org.newsarchive.query.InvalidQueryException;

/**
 * The baseline: bare BM25 (k1 1.2, b 0.75) with English stemming over each article's text as
 * one field, the query's words joined with OR. No headline weight, no operator choice, no other
 * feature. The articles' stored headline and body are re-indexed into one field of a temporary
 * in-memory index when the ranker is made (about 10 s for 20,000 articles), so the baseline
 * needs no second index on disk and always holds the same articles as the index evaluated.
 * Equal scores are ordered by docid.
 *
 * <p>The field's analysis is {@link EnglishAnalyzer} with its defaults, the chain the schema
 * gives headline and body. An article whose headline is its first sentence (no title line)
 * holds that sentence in its body already; it is not counted twice.
 */
public final class PlainBm25Ranker implements Ranker {

    static final String TEXT = "text";
    private static final String DOCID = "docid";

    /** Score, then docid: ties fall the same way whatever order the articles were indexed in. */
    private static final Sort ORDER = new Sort(SortField.FIELD_SCORE, new SortField(DOCID, SortField.Type.STRING));

    private final ByteBuffersDirectory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final EnglishAnalyzer analyzer = new EnglishAnalyzer();
    private final boolean querySyntax;

    /**
     * Builds the one-field index from the articles of {@code index}.
     *
     * @param querySyntax whether topic text is query syntax; otherwise it is plain words
     */
    public PlainBm25Ranker(EvalIndex index, boolean querySyntax) throws IOException {
        this.querySyntax = querySyntax;
        this.directory = new ByteBuffersDirectory();
        FieldType textType = new FieldType();
        textType.setTokenized(true);
        textType.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        textType.freeze();
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setSimilarity(new BM25Similarity())
                .setRAMBufferSizeMB(64);
        Set<String> fields = Set.of(ArticleFields.HEADLINE.name(), ArticleFields.BODY.name(), index.scheme().field());
        try (IndexWriter writer = new IndexWriter(directory, config)) {
            for (LeafReaderContext leaf : index.reader().leaves()) {
                StoredFields stored = leaf.reader().storedFields();
                Bits live = leaf.reader().getLiveDocs();
                for (int doc = 0; doc < leaf.reader().maxDoc(); doc++) {
                    if (live != null && !live.get(doc)) {
                        continue;
                    }
                    Document source = stored.document(doc, fields);
                    Document plain = new Document();
                    plain.add(new Field(TEXT, text(source.get(ArticleFields.HEADLINE.name()), source.get(ArticleFields.BODY.name())),
                            textType));
                    String docid = index.scheme().of(source);
                    plain.add(new StoredField(DOCID, docid));
                    plain.add(new SortedDocValuesField(DOCID, new BytesRef(docid)));
                    writer.addDocument(plain);
                }
            }
        }
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
    }

    /** The article's text once: headline and body, or the body alone when it starts with the headline. */
    static String text(String headline, String body) {
        String h = headline == null ? "" : headline.strip();
        String b = body == null ? "" : body;
        if (h.endsWith("\u2026")) {
            h = h.substring(0, h.length() - 1).strip();
        }
        if (h.isEmpty() || b.startsWith(h)) {
            return b;
        }
        return h + "\n\n" + b;
    }

    @Override
    public String name() {
        return "bm25";
    }

    @Override
    public List<RankedDoc> rank(String query, int depth) throws IOException {
        QueryParser parser = new QueryParser(TEXT, analyzer);
        parser.setDefaultOperator(QueryParser.Operator.OR);
        Query parsed;
        try {
            parsed = parser.parse(querySyntax ? query : Rankings.plainWords(query));
        } catch (ParseException e) {
            throw new InvalidQueryException("invalid query: " + FirstLine.of(e.getMessage()), e);
        }
        return Rankings.run(searcher, parsed, depth, ORDER,
                (stored, doc) -> stored.document(doc, Set.of(DOCID)).get(DOCID));
    }

    /** Releases the in-memory index. */
    @Override
    public void close() throws IOException {
        reader.close();
        directory.close();
    }
}
