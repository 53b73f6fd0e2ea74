package org.newsarchive.entity.ner;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;
import opennlp.tools.ml.perceptron.PerceptronModel;
import opennlp.tools.util.model.GenericModelSerializer;

/**
 * Reads a perceptron classifier stored in OpenNLP's binary model format from the bytes of its
 * entry in the model file. OpenNLP reads the format through a {@code DataInputStream}, a value
 * at a time: the model's 57,000 feature names and some 300,000 weights cost as many small,
 * synchronised reads, and in a fresh JVM, where that code still runs interpreted, most of the
 * time a model took to load. Here the values are taken from a {@link ByteBuffer}; the model
 * built is the same {@link PerceptronModel}, value for value. Other classifiers are left to
 * OpenNLP's reader.
 *
 * <p>The format: the model type ({@code "Perceptron"}); the outcome names; the outcome patterns,
 * each a string "count outcome outcome ..." saying how many features in a row have weights for
 * those outcomes; the feature names; then the weights, feature after feature. Strings are
 * written by {@link java.io.DataOutput#writeUTF}, numbers big-endian.
 */
final class PerceptronModelBytes {

    private static final String PERCEPTRON = "Perceptron";

    private final ByteBuffer buffer;

    private PerceptronModelBytes(byte[] bytes) {
        this.buffer = ByteBuffer.wrap(bytes);
    }

    /** The classifier the bytes hold. */
    static AbstractModel read(byte[] bytes) throws IOException {
        PerceptronModelBytes reader = new PerceptronModelBytes(bytes);
        try {
            if (!PERCEPTRON.equals(reader.string())) {
                return new GenericModelSerializer().create(new ByteArrayInputStream(bytes));
            }
            return reader.perceptron();
        } catch (BufferUnderflowException | IndexOutOfBoundsException | IllegalArgumentException e) {
            throw new IOException("truncated classifier in the NER model (" + bytes.length + " bytes)", e);
        }
    }

    private PerceptronModel perceptron() throws IOException {
        String[] outcomes = strings(count("outcomes"));
        int[][] patterns = new int[count("outcome patterns")][];
        for (int i = 0; i < patterns.length; i++) {
            patterns[i] = pattern();
        }
        String[] features = strings(count("features"));
        Context[] weights = new Context[features.length];
        int feature = 0;
        for (int[] pattern : patterns) {
            int[] outcomeIds = Arrays.copyOfRange(pattern, 1, pattern.length);
            for (int j = 0; j < pattern[0]; j++) {
                if (feature == weights.length) {
                    throw new IOException("NER model: outcome patterns cover more than its " + features.length + " features");
                }
                double[] values = new double[outcomeIds.length];
                for (int k = 0; k < values.length; k++) {
                    values[k] = buffer.getDouble();
                }
                weights[feature++] = new Context(outcomeIds, values);
            }
        }
        if (feature != weights.length) {
            throw new IOException("NER model: weights for " + feature + " of its " + features.length + " features");
        }
        return new PerceptronModel(weights, features, outcomes);
    }

    private int count(String what) throws IOException {
        int count = buffer.getInt();
        if (count < 0 || count > buffer.remaining()) {
            throw new IOException("NER model: bad number of " + what + ": " + count);
        }
        return count;
    }

    private String[] strings(int count) throws IOException {
        String[] strings = new String[count];
        for (int i = 0; i < count; i++) {
            strings[i] = string();
        }
        return strings;
    }

    /** An outcome pattern, "count outcome outcome ..." in ASCII, as numbers. */
    private int[] pattern() throws IOException {
        int length = Short.toUnsignedInt(buffer.getShort());
        int[] numbers = new int[length / 2 + 1];
        int count = 0;
        int value = -1;
        for (int i = 0; i < length; i++) {
            byte b = buffer.get();
            if (b == ' ' && value >= 0) {
                numbers[count++] = value;
                value = -1;
            } else if (b >= '0' && b <= '9' && value < 100_000_000) {
                value = (value < 0 ? 0 : 10 * value) + (b - '0');
            } else {
                throw new IOException("NER model: bad outcome pattern, byte " + b);
            }
        }
        if (value < 0 || count < 1) {
            throw new IOException("NER model: bad outcome pattern of " + (count + (value < 0 ? 0 : 1)) + " numbers");
        }
        numbers[count++] = value;
        return Arrays.copyOf(numbers, count);
    }

    /**
     * A string as {@code writeUTF} wrote it. Feature names are nearly all ASCII, whose bytes
     * are the characters; anything else goes through {@link DataInputStream#readUTF}, which
     * knows the modified UTF-8.
     */
    private String string() throws IOException {
        int start = buffer.position();
        int length = Short.toUnsignedInt(buffer.getShort());
        byte[] bytes = buffer.array();
        int from = buffer.arrayOffset() + buffer.position();
        buffer.position(buffer.position() + length);
        for (int i = from; i < from + length; i++) {
            if (bytes[i] < 0) {
                return new DataInputStream(new ByteArrayInputStream(bytes, buffer.arrayOffset() + start, length + 2)).readUTF();
            }
        }
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }
}
