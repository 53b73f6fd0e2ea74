package org.newsarchive.entity.ner;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import opennlp.tools.ml.maxent.quasinewton.QNTrainer;
import opennlp.tools.namefind.BilouCodec;
import opennlp.tools.namefind.BioCodec;
import opennlp.tools.namefind.NameFinderME;
import opennlp.tools.namefind.NameSample;
import opennlp.tools.namefind.TokenNameFinderFactory;
import opennlp.tools.namefind.TokenNameFinderModel;
import opennlp.tools.util.ObjectStream;
import opennlp.tools.util.SequenceCodec;
import opennlp.tools.util.Span;
import opennlp.tools.util.TrainingParameters;

/**
 * Trains an OpenNLP name finder on CoNLL documents with our feature generator and lexicon, and
 * writes it reproducibly: the trainers are deterministic (single-threaded, no shuffling), and
 * {@link #write} normalises the model file (fixed time stamps, sorted manifest) so two runs with
 * the same data and parameters give the same bytes.
 */
public final class NerTrainer {

    /**
     * Training parameters; {@link #defaults()} are the ones of the shipped model.
     *
     * @param algorithm  OpenNLP trainer: MAXENT (GIS), MAXENT_QN (L-BFGS) or PERCEPTRON
     * @param iterations training iterations
     * @param cutoff     features seen fewer times than this are dropped (keeps the model small)
     * @param codec      bio or bilou: how names become per-token outcomes
     * @param beamSize   hypotheses kept while decoding
     * @param l1         L1 cost (MAXENT_QN only)
     * @param l2         L2 cost (MAXENT_QN only)
     * @param features   the feature groups of {@link NerFeatureGenerator.Group}, comma-separated
     * @param threads    trainer threads (MAXENT_QN and MAXENT; 1 is fully deterministic)
     */
    public record Parameters(String algorithm, int iterations, int cutoff, String codec, int beamSize, double l1,
            double l2, String features, int threads) {

        /** Every feature group. */
        public static final String ALL_FEATURES =
                "base,bigrams,affixes,clusters,casing,document,prevmap,gazetteer,outcomes,runs,aggregate";

        /** The groups of the shipped model: all of them (docs/entities.md, "Experiments"). */
        public static final String DEFAULT_FEATURES = ALL_FEATURES;

        public Parameters {
            algorithm = algorithm.toUpperCase(Locale.ROOT);
            if (!List.of("MAXENT", "MAXENT_QN", "PERCEPTRON").contains(algorithm)) {
                throw new IllegalArgumentException("unknown algorithm " + algorithm + " (MAXENT, MAXENT_QN or PERCEPTRON)");
            }
            codec = codec.toLowerCase(Locale.ROOT);
            if (!codec.equals("bio") && !codec.equals("bilou")) {
                throw new IllegalArgumentException("unknown codec " + codec + " (bio or bilou)");
            }
            if (iterations < 1 || cutoff < 0 || beamSize < 1 || threads < 1) {
                throw new IllegalArgumentException("iterations, beam size and threads must be positive, cutoff not negative");
            }
            NerFeatureGenerator.Group.parse(features); // fails on unknown names
        }

        /** The parameters of the shipped model. */
        public static Parameters defaults() {
            return new Parameters("PERCEPTRON", 50, 0, "bilou", 2, 0.0, 0.0, DEFAULT_FEATURES, 1);
        }
    }

    private NerTrainer() {
    }

    /** Trains a model on {@code documents}; {@code lexicon} is stored inside it. */
    public static TokenNameFinderModel train(List<ConllDocument> documents, NerLexicon lexicon, Parameters parameters)
            throws IOException {
        TrainingParameters training = new TrainingParameters();
        training.put(TrainingParameters.ALGORITHM_PARAM, parameters.algorithm());
        training.put(TrainingParameters.ITERATIONS_PARAM, parameters.iterations());
        training.put(TrainingParameters.CUTOFF_PARAM, parameters.cutoff());
        training.put(TrainingParameters.THREADS_PARAM, parameters.threads());
        training.put("BeamSize", parameters.beamSize());
        if (parameters.algorithm().equals("MAXENT_QN")) {
            training.put(QNTrainer.L1COST_PARAM, parameters.l1());
            training.put(QNTrainer.L2COST_PARAM, parameters.l2());
        }
        Map<String, Object> resources = new HashMap<>();
        resources.put(NerFeatureGeneratorFactory.LEXICON_ARTIFACT, lexicon);
        SequenceCodec<String> codec = parameters.codec().equals("bilou") ? new BilouCodec() : new BioCodec();
        TokenNameFinderFactory factory = new NerNameFinderFactory(
                descriptor(parameters.features()).getBytes(StandardCharsets.UTF_8), resources, codec);
        try (ObjectStream<NameSample> samples = new DocumentSampleStream(documents)) {
            return NameFinderME.train("en", null, samples, training, factory);
        } finally {
            DocumentContext.clear();
        }
    }

    /** The feature generator descriptor stored in the model. */
    static String descriptor(String features) {
        return """
                <featureGenerators cache="false" name="nameFinder">
                  <generator class="org.newsarchive.entity.ner.NerFeatureGeneratorFactory">
                    <str name="features">%s</str>
                    <str name="lexicon">%s</str>
                  </generator>
                </featureGenerators>
                """.formatted(features, NerFeatureGeneratorFactory.LEXICON_ARTIFACT);
    }

    /**
     * Writes the model with fixed entry times and without the training time stamp, so that the
     * same training gives the same bytes.
     */
    public static void write(TokenNameFinderModel model, Path file) throws IOException {
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        model.serialize(raw);
        Map<String, byte[]> entries = new TreeMap<>();
        List<String> order = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(raw.toByteArray()))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                entries.put(entry.getName(), in.readAllBytes());
                order.add(entry.getName());
            }
        }
        byte[] manifest = entries.get("manifest.properties");
        if (manifest != null) {
            entries.put("manifest.properties", normaliseManifest(manifest));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            for (String name : order) {
                ZipEntry entry = new ZipEntry(name);
                entry.setTime(0L);
                zip.putNextEntry(entry);
                zip.write(entries.get(name));
                zip.closeEntry();
            }
        }
    }

    private static byte[] normaliseManifest(byte[] bytes) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = new java.io.ByteArrayInputStream(bytes)) {
            properties.load(in);
        }
        properties.setProperty("Timestamp", "0");
        StringBuilder text = new StringBuilder();
        for (var entry : new TreeMap<>(properties).entrySet()) {
            text.append(escape(entry.getKey().toString(), true)).append('=')
                    .append(escape(entry.getValue().toString(), false)).append('\n');
        }
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String escape(String text, boolean key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '=', ':', '#', '!' -> out.append('\\').append(c);
                case ' ' -> out.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * Feeds documents to OpenNLP one sentence at a time, flagging the first sentence of each
     * document (so adaptive data is cleared there) and making its {@link DocumentContext} current.
     * OpenNLP turns each sample into events as soon as it reads it, on this same thread.
     */
    static final class DocumentSampleStream implements ObjectStream<NameSample> {
        private final List<ConllDocument> documents;
        private int document;
        private int sentence;

        DocumentSampleStream(List<ConllDocument> documents) {
            this.documents = documents;
        }

        @Override
        public NameSample read() {
            while (document < documents.size() && sentence >= documents.get(document).sentences().size()) {
                document++;
                sentence = 0;
            }
            if (document >= documents.size()) {
                return null;
            }
            ConllDocument current = documents.get(document);
            boolean first = sentence == 0;
            if (first) {
                List<String[]> tokens = new ArrayList<>();
                for (ConllSentence s : current.sentences()) {
                    tokens.add(s.tokenArray());
                }
                DocumentContext.of(tokens).makeCurrent();
            }
            ConllSentence s = current.sentences().get(sentence++);
            Span[] names = new Span[s.names().size()];
            for (int i = 0; i < names.length; i++) {
                TaggedSpan name = s.names().get(i);
                names[i] = new Span(name.start(), name.end(), name.type());
            }
            return new NameSample(s.tokenArray(), names, first);
        }

        @Override
        public void reset() {
            document = 0;
            sentence = 0;
        }
    }
}
