package org.newsarchive.entity.ner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import opennlp.tools.namefind.TokenNameFinderModel;
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

    /** What a lexicon holds, once read. */
    private record Contents(Map<String, String[]> clusters, int clusterLevels, Map<String, Byte> casing,
            Map<String, String[]> gazetteer, PhraseTrie phrases) {

        Contents(Map<String, String[]> clusters, int clusterLevels, Map<String, Byte> casing,
                Map<String, String[]> gazetteer) {
            this(clusters, clusterLevels, casing, gazetteer, PhraseTrie.of(gazetteer));
        }
    }

    private final CompletableFuture<Contents> contents;

    private NerLexicon(CompletableFuture<Contents> contents) {
        this.contents = contents;
    }

    private NerLexicon(Contents contents) {
        this(CompletableFuture.completedFuture(contents));
    }

    /** A lexicon with nothing in it: features that need one are simply absent. */
    public static NerLexicon empty() {
        return new NerLexicon(new Contents(Map.of(), 0, Map.of(), Map.of()));
    }

    /**
     * The contents, waiting for a lexicon still being read (see {@link #readInBackground}).
     *
     * @throws UncheckedIOException when the text turned out malformed; model loading calls
     *     {@link #awaitRead} first, so it reports that as an {@link IOException}
     */
    private Contents contents() {
        try {
            return contents.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? new UncheckedIOException(io) : e;
        }
    }

    /** Waits until the lexicon is read, and says whether it could be. */
    void awaitRead() throws IOException {
        try {
            contents();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Waits for the lexicons of a model just loaded: a malformed one fails the load, not a tagging. */
    static void awaitRead(TokenNameFinderModel model) throws IOException {
        if (model.getArtifact(NerFeatureGeneratorFactory.LEXICON_ARTIFACT) instanceof NerLexicon lexicon) {
            lexicon.awaitRead();
        }
    }

    /** Cluster ids of {@code word} (exact form), one per level, or null when unknown. */
    public String[] clusters(String word) {
        return contents().clusters().get(word);
    }

    public int clusterLevels() {
        return contents().clusterLevels();
    }

    /**
     * The casing bucket of a lower-cased word: 0 never capitalised mid-sentence ... 4 almost
     * always; -1 when the word is unknown.
     */
    public int casing(String lowerCased) {
        Byte bucket = contents().casing().get(lowerCased);
        return bucket == null ? -1 : bucket;
    }

    /** Categories of a lower-cased phrase (tokens joined by single spaces), or null. */
    public String[] gazetteer(String lowerCasedPhrase) {
        return contents().gazetteer().get(lowerCasedPhrase);
    }

    /**
     * The longest gazetteer phrase that the lower-cased tokens spell from {@code start}, or null:
     * what the tagger asks at every token, without building a string.
     */
    PhraseTrie.Match longestPhrase(String[] lowerCased, int start) {
        return contents().phrases().longestMatch(lowerCased, start);
    }

    /** Every category of the gazetteer, sorted. */
    List<String> gazetteerCategories() {
        java.util.TreeSet<String> categories = new java.util.TreeSet<>();
        for (String[] list : contents().gazetteer().values()) {
            Collections.addAll(categories, list);
        }
        return List.copyOf(categories);
    }

    public int maxPhraseLength() {
        return contents().phrases().maxLength();
    }

    public int clusterWords() {
        return contents().clusters().size();
    }

    public int casingWords() {
        return contents().casing().size();
    }

    public int gazetteerPhrases() {
        return contents().gazetteer().size();
    }

    /** Writes the lexicon as UTF-8 text, sorted, so equal lexicons give equal bytes. */
    public void write(OutputStream out) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Contents lexicon = contents();
        writer.write(HEADER + "\n");
        writer.write("levels\t" + lexicon.clusterLevels() + "\n");
        for (var entry : new TreeMap<>(lexicon.clusters()).entrySet()) {
            writer.write("C\t" + entry.getKey() + "\t" + String.join("\t", entry.getValue()) + "\n");
        }
        for (var entry : new TreeMap<>(lexicon.casing()).entrySet()) {
            writer.write("K\t" + entry.getKey() + "\t" + entry.getValue() + "\n");
        }
        for (var entry : new TreeMap<>(lexicon.gazetteer()).entrySet()) {
            writer.write("G\t" + entry.getKey() + "\t" + String.join("\t", entry.getValue()) + "\n");
        }
        writer.flush();
    }

    /**
     * Reads what {@link #write} wrote. Every process that recognises entities reads the lexicon
     * once, before its JIT compiler has warmed up, and with the gazetteer it holds about 100,000
     * lines: see {@link Parser} for how that is kept short.
     */
    public static NerLexicon read(InputStream in) throws IOException {
        return new NerLexicon(new Parser(checked(in.readAllBytes())).contents());
    }

    /**
     * Reads the lexicon's bytes and checks its first line now, and parses the rest on a thread of
     * its own. A model file holds the lexicon before the perceptron's weights, and OpenNLP reads
     * its parts one after the other: parsed meanwhile, the lexicon (0.2 to 0.3 s in a fresh JVM)
     * no longer adds to the time a model takes to load. Anything that asks the lexicon waits
     * for it; {@link #awaitRead} reports a malformed text.
     */
    static NerLexicon readInBackground(InputStream in) throws IOException {
        byte[] bytes = checked(in.readAllBytes());
        CompletableFuture<Contents> contents = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                contents.complete(new Parser(bytes).contents());
            } catch (IOException | RuntimeException | Error e) {
                contents.completeExceptionally(e);
            }
        }, "ner-lexicon-reader");
        reader.setDaemon(true);
        reader.start();
        return new NerLexicon(contents);
    }

    /** The lexicon's bytes, after a check of its first line. */
    private static byte[] checked(byte[] bytes) throws IOException {
        String header = new String(bytes, 0, Parser.lineEnd(bytes, 0), StandardCharsets.UTF_8);
        if (!HEADER.equals(header)) {
            throw new IOException("not an NER lexicon: first line '" + header + "'");
        }
        return bytes;
    }

    /**
     * Parses the lexicon's UTF-8 bytes line by line, without decoding the whole text first: a
     * few city names have letters beyond Latin-1, which would make the whole text (and every
     * substring cut from it) two bytes a character. A field becomes a string straight from its
     * bytes, which for ASCII is a copy. Repeated values share one string each: cluster ids, plain
     * numbers, are looked up by value in an array, without a string to hash; categories in a map.
     */
    private static final class Parser {
        private final byte[] bytes;
        private String[] numbers = new String[1024];
        private final Map<String, String> shared = new HashMap<>();

        Parser(byte[] bytes) {
            this.bytes = bytes;
        }

        Contents contents() throws IOException {
            int clusterLines = 0;
            int casingLines = 0;
            int gazetteerLines = 0;
            for (int i = 0; i < bytes.length - 1; i++) {
                if (bytes[i] == '\n') {
                    switch (bytes[i + 1]) {
                        case 'C' -> clusterLines++;
                        case 'K' -> casingLines++;
                        case 'G' -> gazetteerLines++;
                        default -> { }
                    }
                }
            }
            Map<String, String[]> clusters = new HashMap<>(clusterLines * 4 / 3 + 1);
            Map<String, Byte> casing = new HashMap<>(casingLines * 4 / 3 + 1);
            Map<String, String[]> gazetteer = new HashMap<>(gazetteerLines * 4 / 3 + 1);
            int levels = 0;
            int number = 1;
            int start = lineEnd(bytes, 0) + 1;
            while (start < bytes.length) {
                int end = lineEnd(bytes, start);
                number++;
                if (end > start) {
                    int tab = tab(start, end);
                    if (tab < 0) {
                        throw new IOException("NER lexicon line " + number + ": no tab");
                    }
                    int keyEnd = tab(tab + 1, end);
                    keyEnd = keyEnd < 0 ? end : keyEnd;
                    boolean oneLetter = tab == start + 1;
                    try {
                        if (oneLetter && bytes[start] == 'C') {
                            clusters.put(string(tab + 1, keyEnd), values(keyEnd, end));
                        } else if (oneLetter && bytes[start] == 'K') {
                            casing.put(string(tab + 1, keyEnd), Byte.valueOf(Byte.parseByte(string(keyEnd + 1, end))));
                        } else if (oneLetter && bytes[start] == 'G') {
                            gazetteer.put(string(tab + 1, keyEnd), values(keyEnd, end));
                        } else if ("levels".equals(string(start, tab))) {
                            levels = Integer.parseInt(string(tab + 1, keyEnd));
                        } else {
                            throw new IOException("NER lexicon line " + number + ": unknown record '"
                                    + string(start, tab) + "'");
                        }
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        throw new IOException("NER lexicon line " + number + ": a number is missing or malformed");
                    }
                }
                start = end + 1;
            }
            for (String[] ids : clusters.values()) {
                if (ids.length != levels) {
                    throw new IOException("NER lexicon: expected " + levels + " cluster levels, got " + ids.length);
                }
            }
            return new Contents(Collections.unmodifiableMap(clusters), levels, Collections.unmodifiableMap(casing),
                    Collections.unmodifiableMap(gazetteer));
        }

        static int lineEnd(byte[] bytes, int from) {
            for (int i = from; i < bytes.length; i++) {
                if (bytes[i] == '\n') {
                    return i;
                }
            }
            return bytes.length;
        }

        /** The first tab in [from, to), or -1. */
        private int tab(int from, int to) {
            for (int i = from; i < to; i++) {
                if (bytes[i] == '\t') {
                    return i;
                }
            }
            return -1;
        }

        private String string(int from, int to) {
            return new String(bytes, from, to - from, StandardCharsets.UTF_8);
        }

        /** The shared values of the tab-separated fields after the tab at {@code tab}, up to {@code end}. */
        private String[] values(int tab, int end) {
            if (tab >= end) {
                return new String[0];
            }
            int count = 1;
            for (int i = tab + 1; i < end; i++) {
                if (bytes[i] == '\t') {
                    count++;
                }
            }
            String[] values = new String[count];
            int from = tab + 1;
            for (int k = 0; k < count; k++) {
                int to = k == count - 1 ? end : tab(from, end);
                values[k] = shared(from, to);
                from = to + 1;
            }
            return values;
        }

        private String shared(int from, int to) {
            int value = number(from, to);
            if (value < 0) {
                return shared.computeIfAbsent(string(from, to), field -> field);
            }
            if (value >= numbers.length) {
                numbers = Arrays.copyOf(numbers, Math.max(value + 1, 2 * numbers.length));
            }
            String number = numbers[value];
            if (number == null) {
                number = Integer.toString(value);
                numbers[value] = number;
            }
            return number;
        }

        /** The field as a number when it is written as {@link Integer#toString} writes one below a million, or -1. */
        private int number(int from, int to) {
            if (to <= from || to - from > 6 || (bytes[from] == '0' && to - from > 1)) {
                return -1;
            }
            int value = 0;
            for (int i = from; i < to; i++) {
                int digit = bytes[i] - '0';
                if (digit < 0 || digit > 9) {
                    return -1;
                }
                value = 10 * value + digit;
            }
            return value;
        }
    }

    @Override
    public Class<?> getArtifactSerializerClass() {
        return Serializer.class;
    }

    /** Stores the lexicon in an OpenNLP model file; found again by class name when loading. */
    public static final class Serializer implements ArtifactSerializer<NerLexicon> {
        @Override
        public NerLexicon create(InputStream in) throws IOException {
            return readInBackground(in);
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
            return new NerLexicon(new Contents(Map.copyOf(clusters), clusterLevels, Map.copyOf(casing),
                    Map.copyOf(gazetteer)));
        }
    }
}
