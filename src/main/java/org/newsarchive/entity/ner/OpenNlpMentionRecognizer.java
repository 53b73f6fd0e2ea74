package org.newsarchive.entity.ner;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import opennlp.tools.namefind.TokenNameFinderModel;
import org.newsarchive.entity.EntityType;
import org.newsarchive.entity.Mention;
import org.newsarchive.entity.MentionRecognizer;

/**
 * Finds names in raw English text with our OpenNLP model: {@link NerTokenizer} and
 * {@link SentenceSplitter} turn the text into sentences of tokens, a {@link NerTagger} tags the
 * whole text as one document (so a name tagged in one sentence helps tag it in the next), and
 * token spans become {@link Mention}s with character offsets into the given text.
 *
 * <p>Thread-safe: the model and its weights are shared, each thread gets its own tagger (name
 * finders are not thread-safe) from a thread-local.
 */
public final class OpenNlpMentionRecognizer implements MentionRecognizer {

    /** Classpath location of the shipped model. */
    public static final String DEFAULT_MODEL = "/org/newsarchive/entity/ner/ner-en.bin";

    private final TokenNameFinderModel model;
    /** The model file's bytes, for {@link #version()}; null for a model built in memory. */
    private final byte[] modelFile;
    private volatile String version;
    private final ThreadLocal<NerTagger> taggers;

    /** A recogniser of a model built in memory; its {@link #version()} is {@code opennlp-ner-custom}. */
    public OpenNlpMentionRecognizer(TokenNameFinderModel model) {
        this(model, null);
    }

    private OpenNlpMentionRecognizer(TokenNameFinderModel model, byte[] modelFile) {
        this.model = Objects.requireNonNull(model, "model");
        this.modelFile = modelFile;
        // the weights are copied while the lexicon is still being read (NerLexicon.readInBackground)
        PerceptronWeights weights = PerceptronWeights.of(model);
        try {
            NerLexicon.awaitRead(model);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.taggers = ThreadLocal.withInitial(() -> new NerTagger(model, weights));
    }

    /** The recogniser of a model file written by {@link NerTrainer#write}. */
    public static OpenNlpMentionRecognizer load(Path modelFile) throws IOException {
        return fromBytes(Files.readAllBytes(modelFile));
    }

    private static OpenNlpMentionRecognizer fromBytes(byte[] bytes) throws IOException {
        TokenNameFinderModel model = new TokenNameFinderModel(new ByteArrayInputStream(bytes));
        try {
            return new OpenNlpMentionRecognizer(model, bytes);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * {@code opennlp-ner-} and the first 12 hex digits of the SHA-256 of the model file: an index
     * built with one model can tell that another model would tag differently. Computed when first
     * asked, not at load: hashing the megabyte in a fresh JVM takes about 0.1 s, which a
     * process that only tags (or evaluates) need not wait for.
     */
    @Override
    public String version() {
        String known = version;
        if (known == null) {
            known = modelFile == null ? "opennlp-ner-custom" : "opennlp-ner-" + digest(modelFile);
            version = known;
        }
        return known;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    /**
     * The recogniser of the model shipped on the classpath, loaded on first use and then shared.
     *
     * @throws UncheckedIOException when the model is missing or unreadable (a broken build)
     */
    public static OpenNlpMentionRecognizer loadDefault() {
        return DefaultHolder.INSTANCE;
    }

    /** The model, for evaluation. */
    public TokenNameFinderModel model() {
        return model;
    }

    @Override
    public List<Mention> recognize(String text) {
        List<Token> tokens = NerTokenizer.tokenize(text);
        if (tokens.isEmpty()) {
            return List.of();
        }
        List<List<Token>> sentences = SentenceSplitter.split(text, tokens);
        List<String[]> forms = new ArrayList<>(sentences.size());
        for (List<Token> sentence : sentences) {
            String[] array = new String[sentence.size()];
            for (int i = 0; i < array.length; i++) {
                array[i] = sentence.get(i).text();
            }
            forms.add(array);
        }
        List<List<TaggedSpan>> names = taggers.get().tagDocument(forms);
        List<Mention> mentions = new ArrayList<>();
        for (int s = 0; s < sentences.size(); s++) {
            List<Token> sentence = sentences.get(s);
            for (TaggedSpan name : names.get(s)) {
                EntityType type = EntityType.fromConllTag(name.type());
                if (type == null) {
                    continue;
                }
                int start = sentence.get(name.start()).start();
                int end = sentence.get(name.end() - 1).end();
                mentions.add(new Mention(type, text.substring(start, end), start, end));
            }
        }
        return mentions;
    }

    /** Lazy, thread-safe, once-only loading of the classpath model. */
    private static final class DefaultHolder {
        static final OpenNlpMentionRecognizer INSTANCE = loadClasspathModel();

        private static OpenNlpMentionRecognizer loadClasspathModel() {
            try (InputStream raw = OpenNlpMentionRecognizer.class.getResourceAsStream(DEFAULT_MODEL)) {
                if (raw == null) {
                    throw new UncheckedIOException(new IOException("NER model " + DEFAULT_MODEL + " is not on the classpath"));
                }
                return fromBytes(raw.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load NER model " + DEFAULT_MODEL + ": " + e.getMessage(), e);
            }
        }
    }
}
