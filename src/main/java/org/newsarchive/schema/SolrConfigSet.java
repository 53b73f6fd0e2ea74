package org.newsarchive.schema;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.en.EnglishAnalyzer;

/**
 * The SolrCloud configset of an archive, generated from the catalogue ({@link ArticleFields}) so
 * that it can never drift from the local index: every local field maps here to one or two Solr
 * fields ({@link #fieldsOf}), and a field kind without a mapping fails the build's tests.
 *
 * <p>How the two engines are kept scoring alike:
 * <ul>
 * <li>Text is indexed with the local analysis written out filter by filter (standard tokenizer,
 * English possessives, lower case, the English stop words, Porter), because Solr cannot give a
 * position gap between values to an analyzer named by class, and the gap keeps phrases from
 * running from the body into the headline.
 * <li>Queries are analysed by newsarchive, not by Solr: the client parses a request exactly as it
 * does for the local index and sends Solr the analysed terms. The query-time analysis of the
 * text fields therefore only splits on spaces and turns the placeholder {@value #GAP} into an
 * empty position (where a stop word stood inside a phrase). One parser, one analysis: a query
 * cannot mean two things.
 * <li>BM25 with Lucene's k1 1.2 and b 0.75 ({@link ArticleSchema#similarity()}), and
 * {@code ExactStatsCache}, so that a word's document frequency is counted over every shard: a
 * collection spread over shards ranks as one index would.
 * </ul>
 *
 * <p>Fields whose local Lucene field holds an indexed key and a stored display value under one
 * name (authors, entities) become two Solr fields: the key under the same name, so queries are
 * unchanged, and the display value under {@link #displayName}.
 */
public final class SolrConfigSet {

    /** The word a query sends for an empty position inside a phrase. */
    public static final String GAP = "?";

    private static final String DISPLAY_SUFFIX = "_display";

    /** The field Solr needs for optimistic concurrency and its update log. */
    private static final SolrField VERSION_FIELD = new SolrField("_version_", "plong", false, false, true, false);

    private SolrConfigSet() {
    }

    /** The files of the configset, by name: the schema, the configuration and the word lists. */
    public static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("schema.xml", schemaXml().getBytes(StandardCharsets.UTF_8));
        files.put("solrconfig.xml", solrConfigXml().getBytes(StandardCharsets.UTF_8));
        files.put("stopwords_en.txt", stopWords().getBytes(StandardCharsets.UTF_8));
        files.put("position_gap.txt", (GAP + "\n").getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The Solr fields of every field of the catalogue, in catalogue order. */
    public static List<SolrField> fields() {
        List<SolrField> fields = new ArrayList<>();
        for (FieldDef field : ArticleFields.ALL) {
            fields.addAll(fieldsOf(field));
        }
        return List.copyOf(fields);
    }

    /**
     * The Solr fields of one local field: the first has the local field's name and holds what
     * queries match; a second, when there is one, holds the value shown.
     *
     * @throws IllegalStateException for a kind of field this rendering does not know
     */
    public static List<SolrField> fieldsOf(FieldDef field) {
        String name = field.name();
        if (field instanceof IdFieldDef) {
            return List.of(new SolrField(name, "string", true, true, true, false));
        }
        if (field instanceof DateFieldDef) {
            return List.of(new SolrField(name, "plong", true, false, true, false));
        }
        if (field instanceof StoredFieldDef) {
            return List.of(new SolrField(name, "string", false, true, false, false));
        }
        if (field instanceof TextFieldDef) {
            return List.of(new SolrField(name, "text_en", true, true, false, true));
        }
        if (field instanceof KeywordFieldDef) {
            return List.of(new SolrField(name, "string", true, true, false, false));
        }
        if (field instanceof NumberFieldDef number) {
            if (!number.stored()) {
                // doc values only, as locally, so that it can be updated in place (a touched
                // file's new time): Solr updates a field in place only when it is neither
                // indexed nor stored; otherwise it rebuilds the document from what it stored,
                // losing the fields it only indexed. Read back by naming it in fl.
                return List.of(new SolrField(name, "plong", false, false, true, false));
            }
            // stored, as locally, with doc values where the local field has them
            return List.of(new SolrField(name, "plong", false, true, number.docValues(), false));
        }
        if (field instanceof CountedFieldDef counted) {
            return counted.displayIsKey()
                    ? List.of(new SolrField(name, "string", true, true, true, true))
                    : List.of(new SolrField(name, "string", true, false, true, true),
                            new SolrField(displayName(field), "string", false, true, false, true));
        }
        if (field instanceof EntityFieldDef) {
            return List.of(new SolrField(name, "string", true, false, true, true),
                    new SolrField(displayName(field), "string", false, true, false, true));
        }
        if (field instanceof SignatureFieldDef signature) {
            return List.of(new SolrField(name, "binary", false, true, false, false),
                    new SolrField(signature.bandsName(), "string", true, false, false, true));
        }
        throw new IllegalStateException("no Solr field for the " + field.getClass().getSimpleName() + " " + name);
    }

    /** The Solr field that holds what is shown of {@code field}: its own, or its display field. */
    public static String displayName(FieldDef field) {
        boolean split = field instanceof EntityFieldDef
                || field instanceof CountedFieldDef counted && !counted.displayIsKey();
        return split ? field.name() + DISPLAY_SUFFIX : field.name();
    }

    /** The generated schema. */
    public static String schemaXml() {
        StringBuilder xml = new StringBuilder();
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<!-- Generated by newsarchive from its field catalogue (schema version ").append(ArticleSchema.VERSION)
                .append(", analyzer ").append(ArticleSchema.analyzerName()).append("): do not edit. -->\n");
        xml.append("<schema name=\"newsarchive-").append(ArticleSchema.VERSION).append("\" version=\"1.6\">\n");
        xml.append("  <uniqueKey>").append(ArticleFields.ID.name()).append("</uniqueKey>\n");
        xml.append(new String(resource("field-types.xml"), StandardCharsets.UTF_8));
        for (SolrField field : fields()) {
            xml.append(field.xml());
        }
        xml.append(VERSION_FIELD.xml());
        xml.append("</schema>\n");
        return xml.toString();
    }

    /** The fields "did you mean" looks for close terms in: the default field and each entity field. */
    public static List<String> spellingFields() {
        List<String> fields = new ArrayList<>();
        fields.add(ArticleFields.DEFAULT.name());
        for (FieldDef field : ArticleFields.ALL) {
            if (field instanceof EntityFieldDef) {
                fields.add(field.name());
            }
        }
        return List.copyOf(fields);
    }

    /** The configuration, with a spelling dictionary (named as its field) for each of {@link #spellingFields}. */
    static String solrConfigXml() {
        StringBuilder checkers = new StringBuilder();
        for (String field : spellingFields()) {
            checkers.append("    <lst name=\"spellchecker\">\n")
                    .append("      <str name=\"name\">").append(field).append("</str>\n")
                    .append("      <str name=\"field\">").append(field).append("</str>\n")
                    .append("      <str name=\"classname\">solr.DirectSolrSpellChecker</str>\n")
                    .append("    </lst>\n");
        }
        return new String(resource("solrconfig.xml"), StandardCharsets.UTF_8).replace("<!--SPELLCHECKERS-->", checkers);
    }

    /** Lucene's English stop words, one per line, sorted: what the local analysis drops. */
    static String stopWords() {
        CharArraySet set = EnglishAnalyzer.getDefaultStopSet();
        TreeSet<String> words = new TreeSet<>();
        for (Object word : set) {
            words.add(new String((char[]) word));
        }
        return String.join("\n", words) + "\n";
    }

    private static byte[] resource(String name) {
        try (InputStream in = SolrConfigSet.class.getResourceAsStream("solr/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks the Solr configset file " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
