package org.newsarchive.entity.ner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import opennlp.tools.util.model.ArtifactSerializer;
import opennlp.tools.util.model.SerializableArtifact;

/**
 * What the feature generator knows about words beyond the training sentences, built from data we
 * have and stored inside the model file (so a model is one self-contained file):
 *
 * <ul>
 *   <li><b>word clusters</b> at several granularities (see {@link WordClusterer}): words used
 *       alike share a cluster, so a name never seen in training still looks like its
 *       neighbours in the cluster;</li>
 *   <li><b>casing</b>: how often each word is capitalised in the middle of a sentence, which says
 *       whether a capital at the start of a sentence or in an all-capitals headline means a name;</li>
 *   <li><b>gazetteer</b>: phrases with categories (a type, first names, ...).</li>
 * </ul>
 *
 * Immutable once built; shared by all threads.
 */
public final class NerLexicon implements SerializableArtifact {

    private static final String HEADER = "newsarchive-ner-lexicon 1";

    private final Map<String, String[]> clusters;
    private final int clusterLevels;
    private final Map<String, Byte> casing;
    private final Map<String, String[]> gazetteer;
    private final PhraseTrie phrases;

    private NerLexicon(Map<String, String[]> clusters, int clusterLevels, Map<String, Byte> casing,
            Map<String, String[]> gazetteer) {
        this.clusters = clusters;
        this.clusterLevels = clusterLevels;
        this.casing = casing;
        this.gazetteer = gazetteer;
        this.phrases = PhraseTrie.of(gazetteer);
    }

    /** A lexicon with nothing in it: features that need one are simply absent. */
    public static NerLexicon empty() {
        return new NerLexicon(Map.of(), 0, Map.of(), Map.of());
    }

    /** Cluster ids of {@code word} (exact form), one per level, or null when unknown. */
    public String[] clusters(String word) {
        return clusters.get(word);
    }

    public int clusterLevels() {
        return clusterLevels;
    }

    /**
     * The casing bucket of a lower-cased word: 0 never capitalised mid-sentence ... 4 almost
     * always; -1 when the word is unknown.
     */
    public int casing(String lowerCased) {
        Byte bucket = casing.get(lowerCased);
        return bucket == null ? -1 : bucket;
    }

    /** Categories of a lower-cased phrase (tokens joined by single spaces), or null. */
    public String[] gazetteer(String lowerCasedPhrase) {
        return gazetteer.get(lowerCasedPhrase);
    }

    /**
     * The longest gazetteer phrase that the lower-cased tokens spell from {@code start}, or null:
     * what the tagger asks at every token, without building a string.
     */
    PhraseTrie.Match longestPhrase(String[] lowerCased, int start) {
        return phrases.longestMatch(lowerCased, start);
    }

    /** Every category of the gazetteer, sorted. */
    List<String> gazetteerCategories() {
        java.util.TreeSet<String> categories = new java.util.TreeSet<>();
        for (String[] list : gazetteer.values()) {
            Collections.addAll(categories, list);
        }
        return List.copyOf(categories);
    }

    public int maxPhraseLength() {
        return phrases.maxLength();
    }

    public int clusterWords() {
        return clusters.size();
    }

    public int casingWords() {
        return casing.size();
    }

    public int gazetteerPhrases() {
        return gazetteer.size();
    }

    /** Writes the lexicon as UTF-8 text, sorted, so equal lexicons give equal bytes. */
    public void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(HEADER + "\n");
        writer.write("levels\t" + clusterLevels + "\n");
        for (var entry : new TreeMap<>(clusters).entrySet()) {
            writer.write("C\t" + entry.getKey() + "\t" + String.join("\t", entry.getValue()) + "\n");
        }
        for (var entry : new TreeMap<>(casing).entrySet()) {
            writer.write("K\t" + entry.getKey() + "\t" + entry.getValue() + "\n");
        }
        for (var entry : new TreeMap<>(gazetteer).entrySet()) {
            writer.write("G\t" + entry.getKey() + "\t" + String.join("\t", entry.getValue()) + "\n");
        }
        writer.flush();
    }

    /**
     * Reads what {@link #write} wrote. Every process that recognises entities reads the lexicon
     * once, before its JIT compiler has warmed up, and with the gazetteer it holds about 100,000
     * lines: the text is cut with {@code indexOf} rather than split by a reader and regular
     * expressions, the cluster map is sized for every line at once, and repeated values
     * (cluster ids, categories) share one string each.
     */
    public static NerLexicon read(InputStream in) throws IOException {
        return parse(text(in.readAllBytes()));
    }

    /** The lexicon's text, after a check of its first line. */
    private static String text(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        String header = text.substring(0, lineEnd(text, 0));
        if (!HEADER.equals(header)) {
            throw new IOException("not an NER lexicon: first line '" + header + "'");
        }
        return text;
    }

    private static NerLexicon parse(String text) throws IOException {
        int lineEnd = lineEnd(text, 0);
        int lines = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            lines++;
        }
        Map<String, String[]> clusters = new HashMap<>(lines * 4 / 3 + 1);
        Map<String, Byte> casing = new HashMap<>();
        Map<String, String[]> gazetteer = new HashMap<>();
        Map<String, String> shared = new HashMap<>();
        int levels = 0;
        int number = 1;
        int start = lineEnd + 1;
        while (start < text.length()) {
            lineEnd = lineEnd(text, start);
            number++;
            if (lineEnd > start) {
                int tab = text.indexOf('\t', start);
                if (tab < 0 || tab > lineEnd) {
                    throw new IOException("NER lexicon line " + number + ": no tab");
                }
                String kind = text.substring(start, tab);
                String[] fields = fields(text, tab + 1, lineEnd, shared);
                switch (kind) {
                    case "levels" -> levels = Integer.parseInt(fields[0]);
                    case "C" -> clusters.put(fields[0], Arrays.copyOfRange(fields, 1, fields.length));
                    case "K" -> casing.put(fields[0], Byte.valueOf(Byte.parseByte(fields[1])));
                    case "G" -> gazetteer.put(fields[0], Arrays.copyOfRange(fields, 1, fields.length));
                    default -> throw new IOException("NER lexicon line " + number + ": unknown record '" + kind + "'");
                }
            }
            start = lineEnd + 1;
        }
        for (String[] ids : clusters.values()) {
            if (ids.length != levels) {
                throw new IOException("NER lexicon: expected " + levels + " cluster levels, got " + ids.length);
            }
        }
        return new NerLexicon(Collections.unmodifiableMap(clusters), levels, Collections.unmodifiableMap(casing),
                Collections.unmodifiableMap(gazetteer));
    }

    private static int lineEnd(String text, int from) {
        int end = text.indexOf('\n', from);
        return end < 0 ? text.length() : end;
    }

    /**
     * The tab-separated fields of {@code text} from {@code start} to {@code end}; all but the
     * first (a word or phrase) are taken from {@code shared}, so that equal ids are one string.
     */
    private static String[] fields(String text, int start, int end, Map<String, String> shared) {
        int count = 1;
        for (int i = text.indexOf('\t', start); i >= 0 && i < end; i = text.indexOf('\t', i + 1)) {
            count++;
        }
        String[] fields = new String[count];
        int from = start;
        for (int k = 0; k < count; k++) {
            int to = k == count - 1 ? end : text.indexOf('\t', from);
            String field = text.substring(from, to);
            fields[k] = k == 0 ? field : shared.computeIfAbsent(field, f -> f);
            from = to + 1;
        }
        return fields;
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Stores the lexicon in an OpenNLP model file; found again by class name when loading. */
    public static final class Serializer implements ArtifactSerializer<NerLexicon> {
        @Override
        public NerLexicon create(InputStream in) throws IOException {
            return read(in);
        }

        @Override
        public void serialize(NerLexicon artifact, OutputStream out) throws IOException {
            artifact.write(out);
        }
    }

    /** Collects the parts of a lexicon. */
    public static final class Builder {
        private final Map<String, String[]> clusters = new HashMap<>();
        private int clusterLevels;
        private final Map<String, Byte> casing = new HashMap<>();
        private final Map<String, String[]> gazetteer = new HashMap<>();

        /** Sets the cluster ids of a word, one per level. */
        public Builder cluster(String word, String... ids) {
            if (clusterLevels == 0) {
                clusterLevels = ids.length;
            } else if (ids.length != clusterLevels) {
                throw new IllegalArgumentException("expected " + clusterLevels + " cluster levels, got " + ids.length);
            }
            clusters.put(word, ids.clone());
            return this;
        }

        public Builder casing(String lowerCased, int bucket) {
            casing.put(lowerCased, (byte) bucket);
            return this;
        }

        /** Adds a category to a lower-cased phrase. */
        public Builder phrase(String lowerCasedPhrase, String category) {
            String[] old = gazetteer.get(lowerCasedPhrase);
            if (old == null) {
                gazetteer.put(lowerCasedPhrase, new String[] {category});
            } else {
                List<String> merged = new ArrayList<>(List.of(old));
                if (!merged.contains(category)) {
                    merged.add(category);
                    Collections.sort(merged);
                }
                gazetteer.put(lowerCasedPhrase, merged.toArray(String[]::new));
            }
            return this;
        }

        public NerLexicon build() {
            return new NerLexicon(Map.copyOf(clusters), clusterLevels, Map.copyOf(casing), Map.copyOf(gazetteer));
        }
    }
}
