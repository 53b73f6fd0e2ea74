package org.newsarchive.schema;

import java.util.Collection;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.AnalyzerWrapper;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Full text with English analysis (possessives, stop words, Porter stemming, so that "sanction"
 * finds "sanctions"), offsets in the postings so the unified highlighter never re-analyses stored
 * text, and stored for display. A text field may take a second, indexed-only value, with
 * {@value #VALUE_POSITION_GAP} positions between values so that a phrase never runs from one into
 * the other. Queries on text go through the query parser's analysis; what this class builds are
 * the ranking's clauses over already analysed words.
 */
public final class TextFieldDef implements FieldDef {

    /** Positions between the values of a field. */
    static final int VALUE_POSITION_GAP = 100;

    private static final FieldType STORED = type(true);

    /** A second value of a field whose text is stored once already. */
    private static final FieldType INDEXED_ONLY = type(false);

    private final String name;
    private final Analyzer analyzer;

    TextFieldDef(String name) {
        this.name = name;
        this.analyzer = new ValueGapAnalyzer(new EnglishAnalyzer());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return true;
    }

    /** The analysis of this field, for indexing and for queries. */
    Analyzer analyzer() {
        return analyzer;
    }

    /** Indexes and stores {@code text}. */
    void add(Document doc, String text) {
        doc.add(new Field(name, text, STORED));
    }

    /** Indexes {@code text} as a further value, not stored. */
    void addIndexed(Document doc, String text) {
        doc.add(new Field(name, text, INDEXED_ONLY));
    }

    /** The stored text, or null when the document has none. */
    public String read(Document doc) {
        return doc.get(name);
    }

    /** The term of an analysed word in this field. */
    public Term term(String word) {
        return new Term(name, word);
    }

    /** An analysed word, its score weighted {@code weight}. */
    public Query word(String word, float weight) {
        return new BoostQuery(new TermQuery(term(word)), weight);
    }

    /** Any of the analysed {@code words}, weighted {@code weight}. */
    public Query anyWord(Collection<String> words, float weight) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (String word : words) {
            any.add(new TermQuery(term(word)), BooleanClause.Occur.SHOULD);
        }
        return new BoostQuery(any.build(), weight);
    }

    /**
     * Two analysed words as a phrase, {@code gap} positions apart (more than 1 when stop words
     * stood between them in the query, as they leave gaps in the index too).
     */
    public Query pair(String first, String second, int gap) {
        return new PhraseQuery.Builder().add(term(first), 0).add(term(second), gap).build();
    }

    private static FieldType type(boolean stored) {
        FieldType type = new FieldType();
        type.setTokenized(true);
        type.setStored(stored);
        type.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        type.freeze();
        return type;
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
