package org.newsarchive.schema;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.lucene.document.BinaryDocValuesField;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.BinaryDocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;
import org.newsarchive.ingest.MinHash;

/**
 * The near-duplicate signature of an article ({@link MinHash} of its headline and body): the
 * minima as binary doc values, two bytes each, read only to compare an article with its
 * candidates; and its {@value MinHash#BANDS} band keys as 5-byte terms of a second Lucene field
 * (documents only), so that two articles sharing one are candidate copies and finding an
 * article's copies is {@value MinHash#BANDS} term look-ups whatever the archive's size. The
 * signature's arithmetic is given to readers here, so that the query package reads signatures
 * without depending on the ingest code.
 */
public final class SignatureFieldDef implements FieldDef {

    /** Bands in a signature. */
    public static final int BAND_COUNT = MinHash.BANDS;

    /**
     * Bytes of a band key kept as a term, 3 less than the whole key: with 40 bits, 1.5 million
     * articles make about one chance collision per band, and a collision costs one comparison of
     * signatures, never a wrong copy.
     */
    private static final int BAND_TERM_BYTES = 5;

    private final String name;
    private final String bandsName;

    SignatureFieldDef(String name, String bandsName) {
        this.name = name;
        this.bandsName = bandsName;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean inHits() {
        return false;
    }

    /** Indexes the signature of an article's headline and body. */
    void add(Document doc, String headline, String body) {
        int[] signature = MinHash.of(headline, body);
        doc.add(new BinaryDocValuesField(name, new BytesRef(signatureBytes(signature))));
        for (int band = 0; band < MinHash.BANDS; band++) {
            doc.add(new StringField(bandsName, bandTerm(MinHash.bandKey(signature, band)), Field.Store.NO));
        }
    }

    /** The signature of a segment's document, or null when it has none (an older index). */
    public int[] read(LeafReader segment, int doc) throws IOException {
        BinaryDocValues values = segment.getBinaryDocValues(name);
        if (values == null || !values.advanceExact(doc)) {
            return null;
        }
        BytesRef bytes = values.binaryValue();
        ByteBuffer buffer = ByteBuffer.wrap(bytes.bytes, bytes.offset, bytes.length);
        int[] signature = new int[bytes.length / Short.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = Short.toUnsignedInt(buffer.getShort());
        }
        return signature;
    }

    /** The estimated similarity of the articles of two signatures, from 0 to 1. */
    public static double similarity(int[] a, int[] b) {
        return MinHash.similarity(a, b);
    }

    /** The key of one band of a signature. */
    public static long bandKey(int[] signature, int band) {
        return MinHash.bandKey(signature, band);
    }

    /**
     * The band keys of a whole index, each with the articles that share it (its postings), or null
     * when no article has a signature: the index has grouped candidate copies already.
     */
    public Terms bandTerms(IndexReader reader) throws IOException {
        return MultiTerms.getTerms(reader, bandsName);
    }

    /** The articles sharing at least one band with {@code signature}: candidate near-duplicates. */
    public Query candidates(int[] signature) {
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        for (int band = 0; band < MinHash.BANDS; band++) {
            any.add(new TermQuery(new Term(bandsName, bandTerm(MinHash.bandKey(signature, band)))),
                    BooleanClause.Occur.SHOULD);
        }
        return new ConstantScoreQuery(any.build());
    }

    /** The name of the field of band keys. */
    public String bandsName() {
        return bandsName;
    }

    /** The signature of an article's headline and body. */
    static int[] signatureOf(String headline, String body) {
        return MinHash.of(headline, body);
    }

    /** A signature as it is kept: two bytes per minimum. */
    static byte[] signatureBytes(int[] signature) {
        ByteBuffer bytes = ByteBuffer.allocate(signature.length * Short.BYTES);
        for (int value : signature) {
            bytes.putShort((short) value); // the values have MinHash.BITS (16) bits
        }
        return bytes.array();
    }

    /** A signature kept as {@link #signatureBytes}, read back. */
    public static int[] signatureOf(byte[] bytes) {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        int[] signature = new int[bytes.length / Short.BYTES];
        for (int i = 0; i < signature.length; i++) {
            signature[i] = Short.toUnsignedInt(buffer.getShort());
        }
        return signature;
    }

    /**
     * The band keys of a signature as text (the key's bytes in hex), for engines whose string
     * fields take text rather than bytes (SolrCloud).
     */
    public static List<String> bandTexts(int[] signature) {
        List<String> texts = new ArrayList<>(MinHash.BANDS);
        for (int band = 0; band < MinHash.BANDS; band++) {
            texts.add(HexFormat.of().formatHex(bandTerm(MinHash.bandKey(signature, band)).bytes, 0, BAND_TERM_BYTES));
        }
        return texts;
    }

    private static BytesRef bandTerm(long key) {
        return new BytesRef(ByteBuffer.allocate(Long.BYTES).putLong(key).array(), 0, BAND_TERM_BYTES);
    }
}
